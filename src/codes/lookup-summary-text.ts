import type { CodeEntry, LookupSummary } from "./lookup-summary-schema.js";

// ASCII only, as the full text (see lookup-text.ts).

function windowText(w: LookupSummary["release"]["icd10cm"], fileDate?: string): string {
  return `${w.label} (in force ${w.inForceFrom} to ${w.inForceTo}${fileDate ? `, file of ${fileDate}` : ""}; date fit: ${w.dateFit})`;
}

/** One code in one line: code, system, status, "title", plain, findings. */
export function entryLine(e: Omit<CodeEntry, "input"> & { input?: string | undefined }): string {
  const head = `${e.code}${e.input !== undefined ? ` (given as ${e.input})` : ""} ${e.system ?? "no supported system"} ${e.status}`;
  const parts = [e.title !== undefined ? `${head}: "${e.title}"` : head];
  if (e.plain !== undefined) parts.push(`plain: ${e.plain}`);
  parts.push(...(e.findings ?? []));
  return parts.join(" | ");
}

/** The text block of a lookupCodes summary: the same facts as its structured content. */
export function lookupSummaryText(s: LookupSummary): string {
  const r = s.release;
  const lines = [
    `Releases (for every code below): ${windowText(r.icd10cm)}; ${windowText(r.hcpcs, r.hcpcs.fileDate)}; ${r.cpt}. Date of service: ${r.dateOfService ?? "none given"}.`,
    ...r.notes.map((n) => `- ${n}`),
  ];
  if (s.classes) lines.push(`Policy classes: ${s.classes.map((c) => `${c.id} = ${c.label}`).join("; ")}`);
  if (s.codes.length) lines.push(`Codes (${s.codes.length}):`, ...s.codes.map((e) => `- ${entryLine(e)}`));
  if (s.matches) {
    lines.push(
      `Matches for ${JSON.stringify(s.query ?? "")} (${s.matches.length} shown of ${s.matchesTotal ?? s.matches.length}):`,
    );
    if (s.matches.length === 0) lines.push("- none");
    s.matches.forEach((m, i) => lines.push(`${i + 1}. ${entryLine(m)}`));
  }
  lines.push(s.more);
  return lines.join("\n");
}
