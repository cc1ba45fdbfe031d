import type { CodeRef, CodeResult, LookupCodesOutput } from "./lookup-result-schema.js";

function billableText(billable: boolean | null): string {
  return billable === null ? "billable: not asserted" : billable ? "billable" : "not billable";
}

function ref(r: CodeRef): string {
  return `${r.code} (${r.system}, ${billableText(r.billable)}) ${r.description}`;
}

/** One line with the same facts as the structured result. */
export function resultLine(r: CodeResult): string {
  const parts = [
    `${r.input} → ${r.code} [${r.system ?? "unknown system"}; ${r.release ?? "no release"}]: ${r.found ? "found" : "not found"}, ${billableText(r.billable)}`,
  ];
  if (r.kind) parts.push(`HCPCS ${r.kind}`);
  if (r.description !== null)
    parts.push(`"${r.description}"${r.descriptionSource ? ` (${r.descriptionSource})` : ""}`);
  if (r.chapter) parts.push(`chapter ${r.chapter.number}: ${r.chapter.title}`);
  if (r.block)
    parts.push(
      `block ${r.block.range}: ${r.block.title}${r.block.within.map((b) => ` within ${b.range}: ${b.title}`).join("")}`,
    );
  if (r.parent) parts.push(`parent ${ref(r.parent)}`);
  if (r.children) {
    parts.push(
      `billable children (${r.children.length} of ${r.childrenTotal ?? r.children.length}): ${r.children.map((c) => `${c.code} ${c.description}`).join("; ")}`,
    );
  }
  if (r.excludes1) parts.push(`Excludes1: ${r.excludes1.map((n) => `${n.text} [${n.from}]`).join("; ")}`);
  if (r.excludes2) parts.push(`Excludes2: ${r.excludes2.map((n) => `${n.text} [${n.from}]`).join("; ")}`);
  if (r.notes) parts.push(`notes: ${r.notes.map((n) => `${n.kind}: ${n.text} [${n.from}]`).join("; ")}`);
  if (r.notesComplete !== undefined)
    parts.push(r.notesComplete ? "notes complete below chapter level" : "notes not available in full");
  if (r.shortDescription) parts.push(`short: ${r.shortDescription}`);
  if (r.addedDate) parts.push(`added ${r.addedDate}`);
  if (r.effectiveDate) parts.push(`effective ${r.effectiveDate}`);
  if (r.terminationDate) parts.push(`terminated ${r.terminationDate}`);
  if (r.plainLanguage) parts.push(`plain-language note: ${r.plainLanguage.text} (${r.plainLanguage.source})`);
  if (r.alsoReadAs) parts.push(`also reads as ${r.alsoReadAs.map(ref).join("; ")}`);
  if (r.classification)
    parts.push(`classification: ${r.classification.label} (${r.classification.category})`);
  if (r.reason) parts.push(`reason: ${r.reason}`);
  if (r.suggestions?.length)
    parts.push(`suggestions: ${r.suggestions.map((s) => `${ref(s)} [${s.why}]`).join("; ")}`);
  return `- ${parts.join(" | ")}`;
}

/** The readable text block of a lookupCodes answer: releases, one line per result, then matches. */
export function lookupText(output: LookupCodesOutput): string {
  const { icd10cm, hcpcs, cpt } = output.release;
  const lines = [
    `Releases: ${icd10cm.label} (in force ${icd10cm.inForceFrom} to ${icd10cm.inForceTo}); ${hcpcs.label}: ${hcpcs.caveat} CPT: ${cpt.label}.`,
  ];
  if (output.results.length > 0)
    lines.push(`Codes (${output.results.length}):`, ...output.results.map(resultLine));
  if (output.matches) {
    lines.push(
      `Matches for ${JSON.stringify(output.query ?? "")} (${output.matches.length} shown of ${output.matchesTotal ?? output.matches.length}):`,
    );
    if (output.matches.length === 0) lines.push("- none");
    output.matches.forEach((m, i) => lines.push(`${i + 1}. ${ref(m)} — score ${m.score}`));
  }
  return lines.join("\n");
}
