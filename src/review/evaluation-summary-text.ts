import type { EvaluationSummary } from "./evaluation-summary-schema.js";
import { DETERMINATION_LABEL, factText, factsText } from "./evaluation-view-text.js";

/**
 * The summary view as text, carrying the same facts as its structured form (a client shows the
 * model one of the two). Every quote is in quotation marks after its passage id.
 */
export function summaryText(s: EvaluationSummary): string {
  const out: string[] = [];
  out.push(
    `Recommended determination: ${DETERMINATION_LABEL[s.determination]} (${s.determination}). Review required: yes.`,
  );
  out.push(`Policy ${s.policy.id} version ${s.policy.version}; corpus ${s.corpusVersion}.`);

  out.push("", "Services:");
  for (const g of s.services) {
    const pathway = g.pathway ? ` [pathway ${g.pathway}]` : "";
    out.push(`- ${g.services.join(", ")}: ${g.determination}${pathway}. ${g.reason}`);
    if (g.factsNotNeeded) out.push(`  Facts not needed: ${g.factsNotNeeded.join(", ")}.`);
  }

  out.push("", "Governing evidence (verbatim; citeGuideline takes any passage id):");
  if (s.governing.length === 0) out.push("- none");
  for (const q of s.governing) {
    out.push(
      `- ${q.passageId} (governs ${q.services.join(", ") || "no service"}), ${q.locator}: "${q.quote}"`,
    );
    out.push(`  ${q.citation}${q.caution ? ` Caution: ${q.caution}.` : ""}`);
  }

  out.push("", "Criteria (each once, policy order; the case facts it used):");
  for (const g of s.criteria) {
    out.push(`${g.status} for ${g.services.join(", ")}:`);
    for (const [id, facts] of Object.entries(g.criteria)) {
      const used = factsText(facts);
      out.push(`- ${id}${used ? `: ${used}` : ""}`);
    }
  }

  out.push("", "Missing information (documents to request):");
  if (s.missingInformation.length === 0) out.push("- none");
  for (const m of s.missingInformation) out.push(`- ${m}`);

  out.push(
    "",
    `Conflicting evidence (${s.conflicting.length} strongest of ${s.conflictingTotal}; none governs):`,
  );
  if (s.conflicting.length === 0) out.push("- none");
  for (const c of s.conflicting) {
    const also = c.alsoFromSource ? ` (also ${c.alsoFromSource.join(", ")})` : "";
    out.push(`- ${c.passageId}${also}: ${c.whyNotGoverning}.`);
  }

  out.push("", "Pitfalls:");
  if (s.pitfalls.length === 0) out.push("- none");
  for (const p of s.pitfalls) out.push(`- ${p.id}: ${p.line}`);
  out.push("", "Alternatives:");
  if (s.alternatives.length === 0) out.push("- none");
  for (const a of s.alternatives) out.push(`- ${a.id}: ${a.line}`);

  if (s.codeFindings) {
    out.push("", "Code findings:");
    for (const f of s.codeFindings) out.push(`- ${f.code}${f.value ? ` ${f.value}` : ""}: ${f.message}`);
  }
  if (s.contradictions || s.otherContradictions) {
    out.push("", "Contradictions between the codes and the stated facts:");
    for (const c of s.contradictions ?? []) {
      out.push(
        `- ${c.fact}: stated ${factText(c.stated)}, from codes ${factText(c.fromCodes)} (${c.codes.join(", ")}); it changes the outcome.`,
      );
    }
    if (s.otherContradictions) out.push(`- ${s.otherContradictions} more that change no outcome.`);
  }

  out.push("", s.disclaimer, `More: ${s.more}.`);
  return out.join("\n");
}
