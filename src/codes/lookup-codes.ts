import { searchCodes } from "./code-search.js";
import type { CodeData } from "./load-code-data.js";
import { cptReleaseLabel, lookupCode } from "./lookup-code.js";
import type { LookupCodesOutput } from "./lookup-result-schema.js";

export interface LookupRequest {
  codes?: string[] | undefined;
  query?: string | undefined;
  limit?: number | undefined;
}

/** Where the shipped tabular notes stop, in one sentence (from the notes data itself). */
function notesCoverage(data: CodeData): string {
  const notes = data.notes;
  if (!notes) return 'No tabular notes are shipped: Excludes notes are "not available", not "none".';
  const blocks = Object.keys(notes.blocks).sort().join(", ");
  return `Tabular notes shipped for ${Object.keys(notes.codes).length} codes and the blocks ${blocks} only (no chapter notes); where notesComplete is false, a missing note is "not available", not "none".`;
}

/**
 * The release block of every answer: the release facts and caveats in short form, stated once per
 * answer (each result carries only its release's label).
 */
export function releaseSummary(data: CodeData): LookupCodesOutput["release"] {
  const { icd10cm, hcpcs } = data.releases;
  const dated = hcpcs.fileDate ? ` of ${hcpcs.fileDate}` : "";
  return {
    icd10cm: {
      label: icd10cm.label,
      inForceFrom: icd10cm.inForceFrom,
      inForceTo: icd10cm.inForceTo,
      sourceFile: icd10cm.source.file,
      sourceSha256: icd10cm.source.sha256,
      notes: notesCoverage(data),
    },
    hcpcs: {
      label: hcpcs.label,
      ...(hcpcs.fileDate ? { fileDate: hcpcs.fileDate } : {}),
      sourceFile: hcpcs.source.file,
      sourceSha256: hcpcs.source.sha256,
      caveat: `CMS file${dated}, ${icd10cm.fiscalYear - hcpcs.year} years older than ${icd10cm.label}: later additions, revisions and terminations are missing; a code not in it is "not in the ${hcpcs.year} HCPCS file", not invalid.`,
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
    },
  };
}

/** Answers a lookupCodes request: one result per distinct code (system and canonical code), then the search matches. */
export function lookupCodes(data: CodeData, request: LookupRequest): LookupCodesOutput {
  const seen = new Set<string>();
  const results = [];
  for (const input of request.codes ?? []) {
    const result = lookupCode(data, input);
    const key = `${result.system ?? "?"}:${result.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    results.push(result);
  }
  const output: LookupCodesOutput = { release: releaseSummary(data), results };
  if (request.query !== undefined) {
    const { matches, total } = searchCodes(data, request.query, request.limit ?? 10);
    output.query = request.query;
    output.matches = matches;
    output.matchesTotal = total;
  }
  return output;
}
