import { searchCodes } from "./code-search.js";
import { normalizeCode } from "./code-shapes.js";
import type { CodeData } from "./load-code-data.js";
import { cptReleaseLabel, lookupCode } from "./lookup-code.js";
import type { LookupCodesOutput } from "./lookup-result-schema.js";

export interface LookupRequest {
  codes?: string[] | undefined;
  query?: string | undefined;
  limit?: number | undefined;
}

const releaseSummaries = new WeakMap<CodeData, LookupCodesOutput["release"]>();

/** The release block of every answer (built once per data set). */
export function releaseSummary(data: CodeData): LookupCodesOutput["release"] {
  let summary = releaseSummaries.get(data);
  if (summary) return summary;
  const { icd10cm, hcpcs } = data.releases;
  summary = {
    icd10cm: {
      label: icd10cm.label,
      fiscalYear: icd10cm.fiscalYear,
      inForceFrom: icd10cm.inForceFrom,
      inForceTo: icd10cm.inForceTo,
      publisher: icd10cm.publisher,
      sourceFile: icd10cm.source.file,
      sourceSha256: icd10cm.source.sha256,
      billableCount: icd10cm.billableCount,
      headerCount: icd10cm.headerCount,
      notesCoverage:
        icd10cm.notes?.coverage ?? "No tabular notes are shipped: Excludes notes are not available.",
    },
    hcpcs: {
      label: hcpcs.label,
      year: hcpcs.year,
      fileDate: hcpcs.fileDate,
      publisher: hcpcs.publisher,
      sourceFile: hcpcs.source.file,
      sourceSha256: hcpcs.source.sha256,
      procedureCount: hcpcs.procedureCount,
      modifierCount: hcpcs.modifierCount,
      caveat: hcpcs.caveat,
    },
    cpt: {
      label: cptReleaseLabel(data),
      version: data.cpt.version,
      descriptionSource: data.cpt.descriptionSource,
      about: data.cpt.about,
      describedCodes: data.cpt.codes.map((c) => c.code),
    },
  };
  releaseSummaries.set(data, summary);
  return summary;
}

/** Answers a lookupCodes request: one result per distinct normalised code, then the search matches. */
export function lookupCodes(data: CodeData, request: LookupRequest): LookupCodesOutput {
  const seen = new Set<string>();
  const results = [];
  for (const input of request.codes ?? []) {
    const key = normalizeCode(input).bare;
    if (seen.has(key)) continue;
    seen.add(key);
    results.push(lookupCode(data, input));
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
