import { dottedIcd, normalizeCode } from "./code-shapes.js";
import { hcpcsRef, icdRef } from "./code-refs.js";
import type { HcpcsEntry } from "./hcpcs-table.js";
import type { HcpcsUpdate } from "./hcpcs-updates-schema.js";
import { knownUpdate, updateBlock, updateOrigin, updateStatus } from "./hcpcs-updates.js";
import { icdNotes } from "./icd-notes.js";
import { billableDescendants } from "./icd10cm-table.js";
import type { CodeData } from "./load-code-data.js";
import type { CodeResult } from "./lookup-result-schema.js";
import { hcpcsSuggestions, icdSuggestions } from "./suggestions.js";

/** A header lists at most this many billable descendants (childrenTotal gives the full count). */
export const CHILDREN_CAP = 50;

const SHAPES_TEXT =
  "ICD-10-CM (a letter, two letters or digits, then up to 4 more; dot optional after the third character), " +
  "HCPCS Level II (a letter and 4 digits), CPT (5 digits, or 4 digits and F, T or U) or a 2-character HCPCS modifier";

export function cptReleaseLabel(data: CodeData): string {
  return `project CPT summaries v${data.cpt.version}`;
}

function icdFound(data: CodeData, input: string, i: number): CodeResult {
  const { icd } = data;
  const bare = icd.code(i);
  const chain = [dottedIcd(bare)];
  let parent: number | undefined;
  for (let n = bare.length - 1; n >= 3; n--) {
    const at = icd.find(bare.slice(0, n));
    if (at < 0) continue;
    parent ??= at;
    chain.push(dottedIcd(bare.slice(0, n)));
  }
  const place = icd.places.get(bare.slice(0, 3));
  const chapter = place ? icd.chapters.get(place.chapter) : undefined;
  const blocks = (place?.blocks ?? []).map((range) => ({ range, title: icd.blocks.get(range)?.title ?? "" }));
  const [block, ...within] = blocks;
  const header = icd.billable[i] !== 1;
  const children = header ? billableDescendants(icd, i, CHILDREN_CAP) : undefined;
  return {
    input,
    code: dottedIcd(bare),
    system: "ICD-10-CM",
    found: true,
    billable: !header,
    description: icd.title(i),
    descriptionSource: "release-verbatim",
    release: data.releases.icd10cm.label,
    ...(chapter ? { chapter: { number: chapter.number, range: chapter.range, title: chapter.title } } : {}),
    ...(block ? { block: { ...block, within } } : {}),
    ...(parent !== undefined ? { parent: icdRef(data, parent) } : {}),
    ...(children
      ? { children: children.first.map((j) => icdRef(data, j)), childrenTotal: children.total }
      : {}),
    ...icdNotes(data, chain, place?.blocks ?? []),
    ...(header
      ? {
          reason:
            "a header (category or subcategory with more specific codes): not valid on a claim; code one of its billable children",
        }
      : {}),
  };
}

function icdMissing(data: CodeData, input: string, bare: string, reason: string): CodeResult {
  const elsewhere = bare.length >= 3 ? data.icdElsewhere(bare) : [];
  const also = elsewhere.map((r) => `${r.label} (in force ${r.inForceFrom} to ${r.inForceTo})`).join(", ");
  return {
    input,
    code: dottedIcd(bare),
    system: "ICD-10-CM",
    found: false,
    release: data.releases.icd10cm.label,
    reason: elsewhere.length > 0 ? `${reason}; it is in ${also}` : reason,
    ...(elsewhere.length > 0 ? { inOtherReleases: elsewhere.map((r) => r.label) } : {}),
    suggestions: icdSuggestions(data, bare),
  };
}

/** Why a known deletion makes a code of the file not valid for the date of service (or undefined when it does not). */
function deletionReason(entry: HcpcsUpdate, date: string | undefined): string | undefined {
  const status = updateStatus(entry, date);
  const by = entry.replacedBy?.length ? `; replaced by ${entry.replacedBy.join(", ")}` : "";
  if (status === "undetermined")
    return `deleted after the file on a date its sources do not give, per ${updateOrigin(entry)}: whether it was valid on ${date ?? "the date of service"} is not known${by}`;
  if (status !== "deleted") return undefined;
  const when = date ? `, on or before the date of service ${date}` : "; no date of service was given";
  return `deleted on ${entry.effectiveDate ?? "an unknown date"} per ${updateOrigin(entry)}${when}: not valid for services on or after that date${by}`;
}

function hcpcsFound(data: CodeData, input: string, entry: HcpcsEntry, date: string | undefined): CodeResult {
  const release = data.releases.hcpcs;
  const plain = data.hcpcsNotes.get(entry.code);
  const { billable } = hcpcsRef(entry);
  const update = entry.kind === "procedure" ? knownUpdate(data, entry.code) : undefined;
  const deletion = update?.change === "deleted" ? update : undefined;
  const deleted = deletion && !entry.terminationDate ? deletionReason(deletion, date) : undefined;
  const goneByUpdate =
    deleted !== undefined && deletion !== undefined && updateStatus(deletion, date) === "deleted";
  // The file's termination date is the code's last date of service (the action takes effect the next day).
  const terminated = entry.terminationDate !== null && (date === undefined || date > entry.terminationDate);
  return {
    input,
    code: entry.code,
    system: "HCPCS",
    found: true,
    ...(billable !== undefined ? { billable: !goneByUpdate && !terminated } : {}),
    description: entry.longDescription,
    descriptionSource: "release-verbatim",
    release: release.label,
    kind: entry.kind,
    shortDescription: entry.shortDescription,
    ...(entry.addedDate ? { addedDate: entry.addedDate } : {}),
    ...(entry.effectiveDate ? { effectiveDate: entry.effectiveDate } : {}),
    ...(entry.terminationDate ? { terminationDate: entry.terminationDate } : {}),
    ...(plain ? { plainLanguage: plain } : {}),
    ...(deletion ? { update: updateBlock(deletion, date) } : {}),
    ...(entry.terminationDate
      ? {
          reason: `terminated in the ${release.label} file: ${entry.terminationDate} is its last date of service${terminated ? "" : `, after the date of service ${date ?? ""}`}; not billable for services after it`,
        }
      : deleted
        ? { reason: deleted }
        : entry.kind === "modifier"
          ? { reason: "a modifier: reported with a procedure code, not billed on its own" }
          : {}),
  };
}

/** A code the shipped HCPCS file lacks but the updates file records as added after it. */
function hcpcsAdded(data: CodeData, input: string, entry: HcpcsUpdate, date: string | undefined): CodeResult {
  const year = data.releases.hcpcs.year;
  const status = updateStatus(entry, date);
  const replacing = entry.replaces?.length ? entry.replaces.join(", ") : undefined;
  const added = entry.effectiveDate
    ? `added ${entry.effectiveDate}`
    : `added after ${year} on a date its sources do not give`;
  const base = `not in the ${year} HCPCS file; known from ${updateOrigin(entry)}: ${added}`;
  const reason =
    status === "not-yet-valid"
      ? `${base}, after the date of service ${date ?? ""}: not valid for it${replacing ? `; ${replacing} applied then` : ""}`
      : status === "undetermined"
        ? `${base}: whether it was valid on ${date ?? "the date of service"} is not known${replacing ? `; it replaces ${replacing}` : ""}`
        : `${base}${replacing ? `, replacing ${replacing}` : ""}`;
  return {
    input,
    code: entry.code,
    system: "HCPCS",
    found: true,
    ...(status === "not-yet-valid" ? { billable: false } : {}),
    ...(entry.description
      ? { description: entry.description, descriptionSource: "updates-file" as const }
      : {}),
    release: data.updates.label,
    kind: "procedure",
    update: updateBlock(entry, date),
    reason,
  };
}

function hcpcsMissing(data: CodeData, input: string, bare: string, date: string | undefined): CodeResult {
  const release = data.releases.hcpcs;
  const dental = bare.startsWith("D")
    ? " D codes are CDT dental codes (ADA copyright), which the CMS file does not hold."
    : "";
  const deletion = knownUpdate(data, bare);
  const deleted = deletion?.change === "deleted" ? deletionReason(deletion, date) : undefined;
  return {
    input,
    code: bare,
    system: "HCPCS",
    found: false,
    release: release.label,
    ...(deletion?.change === "deleted" ? { update: updateBlock(deletion, date) } : {}),
    reason: deleted
      ? `not in the ${release.year} HCPCS file; ${deleted}`
      : `not in the ${release.year} HCPCS file: it may have been created after ${release.year} or be mistyped; this is not a finding that it is invalid.${dental}`,
    suggestions: hcpcsSuggestions(data, bare),
  };
}

function cpt(data: CodeData, input: string, bare: string): CodeResult {
  const description = data.cptDescriptions.get(bare);
  const base = { input, code: bare, system: "CPT" as const };
  if (description)
    return {
      ...base,
      found: true,
      description,
      descriptionSource: "project-summary",
      release: cptReleaseLabel(data),
    };
  return {
    ...base,
    found: false,
    release: cptReleaseLabel(data),
    reason: `not described: ${data.cpt.notDescribedReason}`,
  };
}

/**
 * Looks one code up in the releases of `data` (chosen for the date of service) and the known HCPCS
 * updates; the date decides whether a known addition or deletion applies. Never throws for odd input.
 */
export function lookupCode(data: CodeData, input: string, dateOfService?: string): CodeResult {
  const { bare, shape } = normalizeCode(input);
  const { icd, hcpcs } = data;
  switch (shape) {
    case "cpt":
      return cpt(data, input, bare);
    case "hcpcs": {
      const entry = hcpcs.procedures.get(bare);
      const asIcd = icd.find(bare);
      if (entry)
        return {
          ...hcpcsFound(data, input, entry, dateOfService),
          ...(asIcd >= 0 ? { alsoReadAs: [icdRef(data, asIcd)] } : {}),
        };
      const update = knownUpdate(data, bare);
      if (update?.change === "added")
        return {
          ...hcpcsAdded(data, input, update, dateOfService),
          ...(asIcd >= 0 ? { alsoReadAs: [icdRef(data, asIcd)] } : {}),
        };
      if (asIcd >= 0) return icdFound(data, input, asIcd);
      return hcpcsMissing(data, input, bare, dateOfService);
    }
    case "icd": {
      const i = icd.find(bare);
      if (i >= 0) return icdFound(data, input, i);
      return icdMissing(
        data,
        input,
        bare,
        `not in ${data.releases.icd10cm.label}: no such code in the order file`,
      );
    }
    case "modifier": {
      const entry = hcpcs.modifiers.get(bare);
      if (entry) return hcpcsFound(data, input, entry, dateOfService);
      if (/^\d\d$/.test(bare)) {
        return {
          ...cpt(data, input, bare),
          reason: `not an HCPCS Level II modifier in the ${data.releases.hcpcs.label} file; two-digit modifiers (e.g. 25, 59) are CPT modifiers, not described here (AMA copyright)`,
        };
      }
      return icdMissing(
        data,
        input,
        bare,
        "too short: ICD-10-CM codes have 3 to 7 characters, and it is not an HCPCS Level II modifier",
      );
    }
    case "icd-short":
      return icdMissing(data, input, bare, "too short: ICD-10-CM codes have 3 to 7 characters");
    case "unknown":
      return {
        input,
        code: input.trim().toUpperCase(),
        found: false,
        reason: `not the shape of a supported code: expected ${SHAPES_TEXT}`,
      };
  }
}
