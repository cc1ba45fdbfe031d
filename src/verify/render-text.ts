import type { ClaimFinding, MetadataIssue, QuoteFinding, Verification } from "./schema.js";

function quoteLine(q: QuoteFinding): string {
  const head = `${q.index}. line ${q.line} [${q.kind}] ${q.status.toUpperCase()}: ${q.quote}`;
  const lines = [head, `   ${q.note}`];
  for (const m of q.matches) {
    if (q.status === "near-match")
      lines.push(`   diff against ${m.passageId} ([-stored-] {+quoted+}): ${m.diffText}`);
    lines.push(`   source: ${m.citation.citation} (${m.citation.locator})`);
  }
  return lines.join("\n");
}

function claimLine(c: ClaimFinding): string {
  const named = c.namedSources.map((n) => `${n.mention} → ${n.sourceIds.join(", ")}`).join("; ");
  const lines = [
    `${c.index}. line ${c.line} ${c.support.toUpperCase()}: ${c.sentence}`,
    `   named: ${named || "none"}${c.unknownSources.length ? `; not in corpus: ${c.unknownSources.join("; ")}` : ""}; markers: ${c.markers.join(", ") || "none"}`,
    `   ${c.note}`,
  ];
  for (const p of c.bestPassages) {
    lines.push(
      `   ${p.passageId} score ${p.score.toFixed(3)}: matched ${p.matchedWords.join(", ") || "-"}; missing ${p.missingWords.join(", ") || "-"}`,
    );
  }
  return lines.join("\n");
}

function issueLine(i: MetadataIssue): string {
  return `- line ${i.line} ${i.kind.toUpperCase()}: ${i.message}`;
}

/** The readable form of a verification: the same facts as the structured result. */
export function renderVerification(v: Verification): string {
  const s = v.summary;
  const out = [
    `Citation check against corpus ${v.corpusVersion}`,
    `Quotations: ${s.quotations} (verbatim ${s.verbatim}, near-match ${s.nearMatch}, not found ${s.notFound}, too short to check ${s.tooShortToCheck}). All quotations verified: ${s.allQuotesVerified ? "yes" : "no"}.`,
    `Attribution claims (HEURISTIC): ${s.attributionClaims} (supported ${s.supportedClaims}, partly supported ${s.partlySupportedClaims}, unsupported ${s.unsupportedClaims}).`,
    `Source facts: ${s.metadataIssues} issue(s), of which ${s.unknownSources} unknown source(s).`,
  ];
  if (v.quotes.length) out.push("", "## Quotations", ...v.quotes.map(quoteLine));
  if (v.attributionClaims.length) {
    out.push(
      "",
      "## Attribution claims (heuristic)",
      v.heuristic.method,
      ...v.attributionClaims.map(claimLine),
    );
  }
  if (v.metadataIssues.length) out.push("", "## Source facts", ...v.metadataIssues.map(issueLine));
  return out.join("\n");
}
