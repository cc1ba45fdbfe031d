import type { CodeRef, CodeResult, LookupCodesOutput } from "./lookup-result-schema.js";
import type { CodeEntry, LookupSummary } from "./lookup-summary-schema.js";

/** Near codes and header children named in a finding, at most. */
const NAMED_CODES = 3;

export const LOOKUP_SUMMARY_MORE =
  "detail: \"full\" adds each code's chapter, block, parent, Excludes and other tabular notes, billable children, HCPCS dates and short descriptions, update sources and notes, and the releases' source files and hashes.";

function status(r: CodeResult): CodeEntry["status"] {
  switch (r.system) {
    case undefined:
      return "unrecognised";
    case "CPT":
      return r.found ? "described" : "not-described";
    case "HCPCS":
      if (!r.found) return "not-in-release";
      if (r.kind === "modifier") return "modifier";
      return r.billable === undefined ? "from-updates" : r.billable ? "billable" : "not-billable";
    case "ICD-10-CM":
      if (!r.found) return "not-in-release";
      return r.billable ? "billable" : "header";
  }
}

function refStatus(r: CodeRef): CodeEntry["status"] {
  if (r.system === "CPT") return "described";
  if (r.billable === undefined) return "modifier";
  if (r.system === "ICD-10-CM") return r.billable ? "billable" : "header";
  return r.billable ? "billable" : "not-billable";
}

/** title (the release's words) or plain (the project's), as the code system gives them. */
function words(system: CodeResult["system"], description: string | undefined, plain?: string) {
  if (description === undefined) return plain ? { plain } : {};
  if (system === "CPT") return { plain: description };
  return { title: description, ...(plain ? { plain } : {}) };
}

function updateFindings(u: NonNullable<CodeResult["update"]>): string[] {
  const when = u.effectiveDate ?? "on a date its sources do not give";
  const link =
    u.change === "added"
      ? u.replaces && `, replacing ${u.replaces.join(", ")}`
      : u.replacedBy && `, replaced by ${u.replacedBy.join(", ")}`;
  const checked = u.verifiedAtCms ? "" : " (not verified at CMS)";
  return [
    `${u.change} ${when} per the HCPCS updates file${link ?? ""}${checked}`,
    `on the date of service: ${u.onDateOfService}`,
  ];
}

/** Why a code was not found, in a few words, where the status alone does not say it. */
function notFoundFinding(r: CodeResult): string | undefined {
  const reason = r.reason ?? "";
  if (r.system === undefined) return "expected ICD-10-CM, HCPCS Level II, CPT or an HCPCS modifier";
  if (r.system === "CPT")
    return /CPT modifiers/.test(reason)
      ? "a two-digit CPT modifier, not described here (AMA copyright)"
      : "check it in a licensed CPT source (AMA copyright)";
  if (reason.startsWith("too short")) return reason.split(":")[0];
  if (r.system === "HCPCS" && !r.update) return "may be newer than the file, or mistyped";
  return undefined;
}

function findings(r: CodeResult): string[] {
  const out: string[] = [];
  if (r.system === "ICD-10-CM" && r.found && r.billable === false && r.children) {
    const some = r.children.slice(0, NAMED_CODES).map((c) => c.code);
    out.push(
      `code one of its ${r.childrenTotal ?? r.children.length} billable codes, e.g. ${some.join(", ")}`,
    );
  }
  if (r.terminationDate) out.push(`terminated: last date of service ${r.terminationDate}`);
  if (r.kind === "modifier") out.push("reported with a procedure code, not billed on its own");
  if (r.update) out.push(...updateFindings(r.update));
  if (!r.found) {
    const why = notFoundFinding(r);
    if (why) out.push(why);
  }
  if (r.inOtherReleases) out.push(`in ${r.inOtherReleases.join(", ")}`);
  if (r.suggestions?.length)
    out.push(
      `near: ${r.suggestions
        .slice(0, NAMED_CODES)
        .map((s) => `${s.code} ${s.description}`)
        .join("; ")}`,
    );
  for (const a of r.alsoReadAs ?? [])
    out.push(`also ${a.system} ${a.code} (write the dot for the diagnosis)`);
  if (r.classification) out.push(`policy class ${r.classification.category}`);
  return out;
}

function entry(r: CodeResult): CodeEntry {
  const found = findings(r);
  return {
    code: r.code,
    ...(r.input !== r.code ? { input: r.input } : {}),
    ...(r.system ? { system: r.system } : {}),
    status: status(r),
    ...words(r.system, r.description, r.plainLanguage),
    ...(found.length ? { findings: found } : {}),
  };
}

/** The release sentences this answer's codes depend on, each once. */
function releaseNotes(output: LookupCodesOutput, entries: readonly Omit<CodeEntry, "input">[]): string[] {
  const { icd10cm, hcpcs } = output.release;
  const systems = new Set(entries.map((e) => e.system));
  const notes: string[] = [];
  if (output.release.dateOfService === undefined)
    notes.push("No date of service given: the newest shipped releases answer.");
  else if (icd10cm.dateFit === "outside") notes.push(icd10cm.dateNote);
  if (systems.has("HCPCS")) {
    if (hcpcs.dateFit === "outside") notes.push(hcpcs.dateNote);
    notes.push(`${hcpcs.label}: ${hcpcs.caveat}`, hcpcs.updates);
  }
  if (systems.has("CPT"))
    notes.push(
      'No CPT release is shipped (AMA copyright): CPT codes this project does not describe are "not described".',
    );
  if (entries.some((e) => e.title)) notes.push("Titles are the release's own text, verbatim.");
  if (entries.some((e) => e.plain))
    notes.push("plain: this project's words, not official text (for CPT, not the AMA descriptor).");
  return notes;
}

function classes(output: LookupCodesOutput): Pick<LookupSummary, "classes"> {
  const labels = new Map<string, string>();
  for (const r of output.results)
    if (r.classification) labels.set(r.classification.category, r.classification.label);
  return labels.size ? { classes: [...labels].map(([id, label]) => ({ id, label })) } : {};
}

/** The summary of a lookupCodes answer: the releases once, each code in one compact entry. */
export function lookupSummary(output: LookupCodesOutput): LookupSummary {
  const { release } = output;
  const codes = output.results.map(entry);
  const matches = (output.matches ?? []).map((m) => ({
    code: m.code,
    system: m.system,
    status: refStatus(m),
    ...words(m.system, m.description),
  }));
  return {
    detail: "summary",
    release: {
      ...(release.dateOfService ? { dateOfService: release.dateOfService } : {}),
      icd10cm: {
        label: release.icd10cm.label,
        inForceFrom: release.icd10cm.inForceFrom,
        inForceTo: release.icd10cm.inForceTo,
        dateFit: release.icd10cm.dateFit,
      },
      hcpcs: {
        label: release.hcpcs.label,
        inForceFrom: release.hcpcs.inForceFrom,
        inForceTo: release.hcpcs.inForceTo,
        dateFit: release.hcpcs.dateFit,
        ...(release.hcpcs.fileDate ? { fileDate: release.hcpcs.fileDate } : {}),
      },
      cpt: release.cpt.label,
      notes: releaseNotes(output, [...codes, ...matches]),
    },
    ...classes(output),
    codes,
    ...(output.query !== undefined
      ? {
          query: output.query,
          matches,
          matchesTotal: output.matchesTotal ?? 0,
        }
      : {}),
    more: LOOKUP_SUMMARY_MORE,
  };
}
