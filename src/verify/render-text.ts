import type { ClaimFinding, ClaimPart, MetadataIssue, QuoteFinding, Verification } from "./schema.js";

function quoteLine(q: QuoteFinding): string {
  const head = `${q.index}. line ${q.line} [${q.kind}] ${q.status.toUpperCase()}: ${q.quote}`;
  const lines = [head, `   ${q.note}`];
  for (const m of q.matches) {
    if (q.status === "near-match")
      lines.push(`   diff against ${m.passageId} ([-stored-] {+quoted+}): ${m.diffText}`);
    lines.push(`   source: ${m.citation.citation} (${m.citation.locator})`);
  }
  if (q.alsoFoundIn?.length) lines.push(`   also in: ${q.alsoFoundIn.join(", ")}`);
  return lines.join("\n");
}

const VERDICT: Record<ClaimFinding["verdict"], string> = {
  supported: "SUPPORTED",
  unsupported: "UNSUPPORTED",
  "not-in-corpus": "NOT IN THE CORPUS",
  "not-an-evidence-claim": "NOT AN EVIDENCE CLAIM",
};

function partLines(p: ClaimPart, several: boolean): string[] {
  const lines: string[] = [];
  const lead = several ? `   - part "${p.text}": ${VERDICT[p.verdict]}` : undefined;
  if (lead) lines.push(lead);
  if (p.role !== "evidence-claim") {
    lines.push(`   ${p.role} (rule ${p.roleRule}): not judged`);
    return lines;
  }
  const s = p.stated;
  if (s) {
    const bits = [
      s.direction ? `direction ${s.direction}` : "",
      s.strength ? `strength ${s.strength}` : "",
      s.certainty.length ? `certainty ${s.certainty.join(", ")}` : "",
      s.about.length ? `about ${s.about.join(", ")}` : "",
      s.excludes.length ? `excluding ${s.excludes.join(", ")}` : "",
      s.figures.length ? `figures ${s.figures.join(", ")}` : "",
    ].filter(Boolean);
    lines.push(`   states: ${bits.join("; ") || "nothing the rules parse"}`);
  }
  if (p.passage) {
    lines.push(
      `   passage ${p.passage.passageId}${p.passage.alsoSupportedBy?.length ? ` with ${p.passage.alsoSupportedBy.join(", ")}` : ""}${p.verdict === "supported" ? `; matching: ${p.passage.matchingWords.join(", ") || "-"}` : ""}${p.passage.caution ? `; caution: ${p.passage.caution}` : ""}`,
    );
  }
  for (const d of p.differences) lines.push(`   DIFFERS (${d.field}): ${d.message}`);
  for (const a of p.notInCorpus) lines.push(`   NOT IN THE CORPUS (${a.field}): ${a.message}`);
  if (p.tieBreak.length) {
    lines.push(
      `   tie-breaker only (lexical): ${p.tieBreak.map((t) => `${t.passageId} ${t.score.toFixed(3)}`).join(", ")}`,
    );
  }
  return lines;
}

function claimLines(c: ClaimFinding): string {
  const named = c.namedSources.map((n) => `${n.mention} → ${n.sourceIds.join(", ")}`).join("; ");
  const lines = [
    `${c.index}. line ${c.line} ${VERDICT[c.verdict]}: ${c.sentence}`,
    `   named: ${named || "none"}${c.unknownSources.length ? `; not in corpus: ${c.unknownSources.join("; ")}` : ""}; markers: ${c.markers.join(", ") || "none"}`,
  ];
  for (const p of c.parts) lines.push(...partLines(p, c.parts.length > 1));
  if (c.fix) lines.push(`   FIX: ${c.fix}`);
  return lines.join("\n");
}

function issueLine(i: MetadataIssue): string {
  return `- line ${i.line} ${i.kind.toUpperCase()}: ${i.message}`;
}

/** The readable form of a verification: the same facts as the structured result. */
export function renderVerification(
  v: Verification & { notListed?: { quotations: number; claims: number; sourceIssues: number } },
): string {
  const s = v.summary;
  const out = [
    `Citation check against corpus ${v.corpusVersion}`,
    ...(v.notChecked ? [v.notChecked.message] : []),
    `Quotations: ${s.quotations} (verbatim ${s.verbatim}, near-match ${s.nearMatch}, not found ${s.notFound}, too short to check ${s.tooShortToCheck}). All quotations verified: ${s.allQuotesVerified ? "yes" : "no"}${s.notCheckedQuotations ? ` (${s.notCheckedQuotations} not checked)` : ""}.`,
    `Attributed sentences: ${s.attributedSentences}; evidence claims ${s.evidenceClaims} (supported ${s.supportedClaims}, unsupported ${s.unsupportedClaims}, not in the corpus ${s.notInCorpusClaims}); not evidence claims (case facts, advice, reasoning; not judged) ${s.notEvidenceClaims}${s.notCheckedSentences ? `; not checked ${s.notCheckedSentences}` : ""}.`,
    `Source facts: ${s.metadataIssues} issue(s), of which ${s.unknownSources} unknown source(s).`,
  ];
  if (v.quotes.length) out.push("", "## Quotations", ...v.quotes.map(quoteLine));
  if (v.claims.length) {
    out.push(
      "",
      `## Attributed claims (rule-based: ${v.method.rules})`,
      `Can establish: ${v.method.canEstablish.join("; ")}.`,
      `Cannot establish: ${v.method.cannotEstablish.join("; ")}.`,
      ...v.claims.map(claimLines),
    );
  }
  if (v.metadataIssues.length) out.push("", "## Source facts", ...v.metadataIssues.map(issueLine));
  const more = v.notListed;
  if (more)
    out.push(
      "",
      `Not listed in this view (checked and counted above, past its size budget): ${more.quotations} quotation(s), ${more.claims} attributed sentence(s) and ${more.sourceIssues} source issue(s). Split the text to see every finding.`,
    );
  return out.join("\n");
}
