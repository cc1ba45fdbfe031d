import type { CodeRef, CodeResult, LookupCodesOutput } from "./lookup-result-schema.js";

type Note = NonNullable<CodeResult["excludes1"]>[number];
type OtherNote = NonNullable<CodeResult["notes"]>[number];

function billableText(billable: boolean | undefined): string {
  return billable === undefined ? "billable: not asserted" : billable ? "billable" : "not billable";
}

function ref(r: CodeRef): string {
  return `${r.code} (${r.system}, ${billableText(r.billable)}) ${r.description}`;
}

/** A title with its range, unless the title already ends with it (as CMS writes them). */
function titled(range: string, title: string): string {
  return title.endsWith(`(${range})`) ? title : `${range} ${title}`;
}

/** "Excludes1 [M54.5] a; b [M50-M54] c": consecutive notes from the same entry share their bracket. */
function noteGroups(label: string, notes: readonly Note[]): string {
  let out = label;
  let from: string | undefined;
  for (const n of notes) {
    out += n.from === from ? `; ${n.text}` : ` [${n.from}] ${n.text}`;
    from = n.from;
  }
  return out;
}

function otherNotes(notes: readonly OtherNote[]): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 1; i <= notes.length; i++) {
    const first = notes[start];
    const next = notes[i];
    if (first && (next?.kind !== first.kind || next.from !== first.from)) {
      parts.push(noteGroups(first.kind, notes.slice(start, i)));
      start = i;
    }
  }
  return parts;
}

/** The update block in one part: the change, its date and links, its status for the date, its sources. */
function updateText(u: NonNullable<CodeResult["update"]>): string {
  const links = [
    u.replaces && `replaces ${u.replaces.join(", ")}`,
    u.replacedBy && `replaced by ${u.replacedBy.join(", ")}`,
  ].filter(Boolean);
  return [
    `update: ${u.change} ${u.effectiveDate ?? "(date not given by its sources)"}${links.length ? `, ${links.join(", ")}` : ""}`,
    `on the date of service: ${u.onDateOfService}`,
    `${u.provenance} sources${u.verifiedAtCms ? "" : ", not verified at CMS"}: ${u.sources.join("; ")}`,
    `note: ${u.note}`,
  ].join("; ");
}

// ASCII only: one character beyond Latin-1 anywhere in the answer makes the whole JSON-RPC message a
// two-byte string, which costs about 0.1 ms per round trip on a 10-code answer (encode and decode).
/** One line with the same facts as the structured result (policy class labels are in the legend). */
export function resultLine(r: CodeResult): string {
  const parts = [
    `${r.input} -> ${r.code} [${r.release ?? "no supported code system"}]: ${r.found ? "found" : "not found"}${r.found ? `, ${billableText(r.billable)}` : ""}`,
  ];
  if (r.kind) parts.push(`HCPCS ${r.kind}`);
  if (r.description !== undefined)
    parts.push(
      `"${r.description}"${r.descriptionSource === "project-summary" ? " (project summary, not the AMA CPT descriptor)" : r.descriptionSource === "updates-file" ? " (updates file, not a CMS file)" : ""}`,
    );
  if (r.chapter) parts.push(`chapter ${r.chapter.number}: ${titled(r.chapter.range, r.chapter.title)}`);
  if (r.block)
    parts.push(`block ${[r.block, ...r.block.within].map((b) => titled(b.range, b.title)).join(" within ")}`);
  if (r.parent)
    parts.push(`parent ${r.parent.code} (${billableText(r.parent.billable)}) ${r.parent.description}`);
  if (r.children) {
    parts.push(
      `billable children (${r.children.length} of ${r.childrenTotal ?? r.children.length}): ${r.children.map((c) => `${c.code} ${c.description}`).join("; ")}`,
    );
  }
  if (r.excludes1) parts.push(noteGroups("Excludes1", r.excludes1));
  if (r.excludes2) parts.push(noteGroups("Excludes2", r.excludes2));
  if (r.notes) parts.push(...otherNotes(r.notes));
  if (r.notesComplete !== undefined)
    parts.push(r.notesComplete ? "notes complete below chapter level" : "notes not available in full");
  if (r.shortDescription) parts.push(`short: ${r.shortDescription}`);
  const dates = [
    r.addedDate && `added ${r.addedDate}`,
    r.effectiveDate && `effective ${r.effectiveDate}`,
    r.terminationDate && `terminated ${r.terminationDate}`,
  ].filter(Boolean);
  if (dates.length) parts.push(dates.join(", "));
  if (r.plainLanguage) parts.push(`project note: ${r.plainLanguage}`);
  if (r.update) parts.push(updateText(r.update));
  if (r.inOtherReleases) parts.push(`in other shipped releases: ${r.inOtherReleases.join(", ")}`);
  if (r.alsoReadAs) parts.push(`also reads as ${r.alsoReadAs.map(ref).join("; ")}`);
  if (r.classification)
    parts.push(`policy class ${r.classification.category} (rule ${r.classification.prefix})`);
  if (r.reason) parts.push(`reason: ${r.reason}`);
  if (r.suggestions?.length)
    parts.push(`suggestions: ${r.suggestions.map((s) => `${ref(s)} [${s.why}]`).join("; ")}`);
  return `- ${parts.join(" | ")}`;
}

function classLegend(output: LookupCodesOutput): string[] {
  const labels = new Map<string, string>();
  for (const r of output.results)
    if (r.classification) labels.set(r.classification.category, r.classification.label);
  if (labels.size === 0) return [];
  const legend = [...labels].map(([category, label]) => `${category} = ${label}`).join("; ");
  return [`Policy classes (${output.classificationSource ?? "policy data"}): ${legend}`];
}

/**
 * The release lines: every label, in-force dates and the shared caveats once, each caveat only
 * when a result depends on it (the structured `release` block always carries them all).
 */
function releaseLines(output: LookupCodesOutput): string[] {
  const { icd10cm, hcpcs, cpt } = output.release;
  const systems = new Set(output.results.map((r) => r.system));
  const shipped = [...(icd10cm.otherShipped ?? []), ...(hcpcs.otherShipped ?? [])];
  const lines = [
    `Releases: ${icd10cm.label}; ${hcpcs.label}; ${cpt.label}.${shipped.length ? ` Also shipped: ${shipped.map((r) => `${r.label} (${r.inForceFrom} to ${r.inForceTo})`).join("; ")}.` : ""}`,
    icd10cm.dateNote,
  ];
  if (output.results.some((r) => r.descriptionSource === "release-verbatim"))
    lines.push("Descriptions are the release's own text, verbatim, unless marked as a project summary.");
  if (output.results.some((r) => r.notesComplete === false)) lines.push(icd10cm.notes);
  if (systems.has("HCPCS") || output.matches?.some((m) => m.system === "HCPCS")) lines.push(hcpcs.dateNote);
  if (systems.has("HCPCS")) lines.push(`${hcpcs.label}: ${hcpcs.caveat}`);
  if (output.results.some((r) => r.update)) lines.push(hcpcs.updates);
  if (systems.has("CPT")) lines.push(`CPT: ${cpt.about}`);
  return lines;
}

/** The readable text block of a lookupCodes answer: releases once, one line per result, then matches. */
export function lookupText(output: LookupCodesOutput): string {
  const lines = [...releaseLines(output), ...classLegend(output)];
  if (output.results.length > 0)
    lines.push(`Codes (${output.results.length}):`, ...output.results.map(resultLine));
  if (output.matches) {
    lines.push(
      `Matches for ${JSON.stringify(output.query ?? "")} (${output.matches.length} shown of ${output.matchesTotal ?? output.matches.length}):`,
    );
    if (output.matches.length === 0) lines.push("- none");
    output.matches.forEach((m, i) => lines.push(`${i + 1}. ${ref(m)}, score ${m.score}`));
  }
  return lines.join("\n");
}
