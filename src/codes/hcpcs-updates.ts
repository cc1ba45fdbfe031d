import type { HcpcsUpdate, UpdateSource } from "./hcpcs-updates-schema.js";
import type { CodeData } from "./load-code-data.js";
import type { CodeResult } from "./lookup-result-schema.js";

/**
 * What a known update means for a date of service (without one: the newest known state):
 * - valid: added on or before the date (or deleted after it)
 * - not-yet-valid: added after the date
 * - deleted: deleted on or before the date
 * - undetermined: the sources give no date for the change, and a date of service was given
 */
export type UpdateStatus = "valid" | "not-yet-valid" | "deleted" | "undetermined";

export function updateStatus(entry: HcpcsUpdate, date: string | undefined): UpdateStatus {
  const added = entry.change === "added";
  if (date === undefined) return added ? "valid" : "deleted";
  if (entry.effectiveDate === null) return "undetermined";
  if (added) return date >= entry.effectiveDate ? "valid" : "not-yet-valid";
  return date >= entry.effectiveDate ? "deleted" : "valid";
}

const KIND_RANK: Record<UpdateSource["seenAtKind"], number> = {
  publisher: 0,
  repository: 1,
  copy: 2,
  secondary: 3,
};

/** The most authoritative kind among the sources that support the entry. */
export function strongestKind(entry: HcpcsUpdate): UpdateSource["seenAtKind"] {
  const kinds = entry.sources.filter((s) => s.stance === "supports").map((s) => s.seenAtKind);
  return kinds.sort((a, b) => KIND_RANK[a] - KIND_RANK[b])[0] ?? "secondary";
}

/** The known update of a code, if the updates file has one. */
export function knownUpdate(data: CodeData, code: string): HcpcsUpdate | undefined {
  return data.updatesByCode.get(code);
}

/** The `update` block of a lookup result. */
export function updateBlock(entry: HcpcsUpdate, date: string | undefined): NonNullable<CodeResult["update"]> {
  return {
    change: entry.change,
    ...(entry.effectiveDate ? { effectiveDate: entry.effectiveDate } : {}),
    ...(entry.replaces ? { replaces: entry.replaces } : {}),
    ...(entry.replacedBy ? { replacedBy: entry.replacedBy } : {}),
    onDateOfService: updateStatus(entry, date),
    verifiedAtCms: entry.verifiedAtCms,
    provenance: strongestKind(entry),
    sources: [...new Set(entry.sources.filter((s) => s.stance === "supports").map((s) => s.seenAt))],
    note: entry.note,
  };
}

/** "the HCPCS updates file (secondary sources, not verified at CMS)" */
export function updateOrigin(entry: HcpcsUpdate): string {
  return `the HCPCS updates file (${strongestKind(entry)} sources${entry.verifiedAtCms ? "" : ", not verified at CMS"})`;
}
