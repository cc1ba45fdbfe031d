import { searchCodes } from "./code-search.js";
import type { CodeData, CodeSets } from "./load-code-data.js";
import { cptReleaseLabel, lookupCode } from "./lookup-code.js";
import type { LookupCodesOutput } from "./lookup-result-schema.js";
import type { CodeDating } from "./release-dating.js";

export interface LookupRequest {
  codes?: string[] | undefined;
  query?: string | undefined;
  limit?: number | undefined;
  /** YYYY-MM-DD: chooses the releases that answer; absent, the newest shipped answer. */
  dateOfService?: string | undefined;
}

/** Where the shipped tabular notes stop, in one sentence (from the notes data itself). */
function notesCoverage(data: CodeData): string {
  const notes = data.notes;
  if (!notes) return 'No tabular notes are shipped: Excludes notes are "not available", not "none".';
  const blocks = Object.keys(notes.blocks).sort().join(", ");
  return `Tabular notes shipped for ${Object.keys(notes.codes).length} codes and the blocks ${blocks} only (no chapter notes); where notesComplete is false, a missing note is "not available", not "none".`;
}

function others<T extends { label: string; inForceFrom: string; inForceTo: string }>(
  shipped: readonly T[],
  answering: string,
) {
  const rest = shipped
    .filter((r) => r.label !== answering)
    .map(({ label, inForceFrom, inForceTo }) => ({ label, inForceFrom, inForceTo }));
  return rest.length > 0 ? { otherShipped: rest } : {};
}

/**
 * The release block of every answer: the releases chosen for the date of service, how they fit
 * it, and the caveats in short form, stated once per answer (each result carries only its
 * release's label).
 */
export function releaseSummary(data: CodeData, dating: CodeDating): LookupCodesOutput["release"] {
  const { icd10cm, hcpcs } = data.releases;
  const dated = hcpcs.fileDate ? ` of ${hcpcs.fileDate}` : "";
  const age = icd10cm.fiscalYear - hcpcs.year;
  const updates = data.updates;
  return {
    ...(dating.dateOfService ? { dateOfService: dating.dateOfService } : {}),
    icd10cm: {
      label: icd10cm.label,
      inForceFrom: icd10cm.inForceFrom,
      inForceTo: icd10cm.inForceTo,
      dateFit: dating.icd10cm.fit,
      dateNote: dating.icd10cm.note,
      ...others(data.shipped.icd10cm, icd10cm.label),
      sourceFile: icd10cm.source.file,
      sourceSha256: icd10cm.source.sha256,
      notes: notesCoverage(data),
    },
    hcpcs: {
      label: hcpcs.label,
      inForceFrom: hcpcs.inForceFrom,
      inForceTo: hcpcs.inForceTo,
      dateFit: dating.hcpcs.fit,
      dateNote: dating.hcpcs.note,
      ...(hcpcs.fileDate ? { fileDate: hcpcs.fileDate } : {}),
      sourceFile: hcpcs.source.file,
      sourceSha256: hcpcs.source.sha256,
      caveat: `CMS file${dated}${age > 0 ? `, ${age} years older than ${icd10cm.label}` : ""}: later additions, revisions and terminations are missing; a code not in it is "not in the ${hcpcs.year} HCPCS file", not invalid.`,
      ...others(data.shipped.hcpcs, hcpcs.label),
      updates: `corpus/codes/hcpcs-updates.json: ${updates.entries.map((e) => e.code).join(", ")}, created or deleted after ${updates.after} (sources in each entry; not a CMS file).`,
    },
    cpt: {
      label: cptReleaseLabel(data),
      about:
        'No CPT release is shipped (AMA copyright): CPT codes other than describedCodes are "not described".',
      describedCodes: data.cpt.codes.map((c) => c.code),
    },
    descriptionSources: {
      "release-verbatim": "The release's own text, verbatim (ICD-10-CM long title, HCPCS long description).",
      "project-summary": `A ${data.cpt.descriptionSource}.`,
      "updates-file":
        "Recorded in corpus/codes/hcpcs-updates.json from the sources it names (not a CMS file).",
    },
  };
}

/**
 * Answers a lookupCodes request from the releases chosen for its date of service: one result per
 * distinct code (system and canonical code), then the search matches.
 */
export function lookupCodes(codes: CodeSets, request: LookupRequest): LookupCodesOutput {
  const { data, dating } = codes.forDate(request.dateOfService);
  const seen = new Set<string>();
  const results = [];
  for (const input of request.codes ?? []) {
    const result = lookupCode(data, input, request.dateOfService);
    const key = `${result.system ?? "?"}:${result.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    results.push(result);
  }
  const output: LookupCodesOutput = { release: releaseSummary(data, dating), results };
  if (request.query !== undefined) {
    const { matches, total } = searchCodes(data, request.query, request.limit ?? 10);
    output.query = request.query;
    output.matches = matches;
    output.matchesTotal = total;
  }
  return output;
}
