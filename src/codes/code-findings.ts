import { z } from "zod";

/**
 * Stable codes of what the code checks of a review found about a code that is of the right kind
 * but cannot be taken at face value. A finding never blocks the review of the other services.
 */
export const CodeFindingCodeSchema = z
  .enum([
    "icd-header-code",
    "code-not-in-release",
    "code-known-from-updates",
    "code-added-after-service",
    "code-deleted",
    "date-outside-release",
    "no-date-of-service",
  ])
  .describe(
    [
      "icd-header-code: an ICD-10-CM header (category or subcategory with more specific codes), not valid on a claim; `billableChildren` names its billable codes.",
      "code-not-in-release: not in the release in force on the date of service (ICD-10-CM) or in the shipped HCPCS file and the known updates: not verifiable there.",
      "code-known-from-updates: an HCPCS code created after the shipped file, known only from the HCPCS updates file (secondary sources).",
      "code-added-after-service: an HCPCS code the updates file records as added after the date of service (not valid for it).",
      "code-deleted: an HCPCS code terminated in the file or deleted per the updates file on or before the date of service (or, with no date, at all); `replacedBy` when known.",
      "date-outside-release: the date of service is outside the window of every shipped release of a system; the nearest answers.",
      "no-date-of-service: no date of service was given; the newest shipped releases answered.",
    ].join(" "),
  );

export const CodeFindingSchema = z.strictObject({
  code: CodeFindingCodeSchema,
  path: z
    .string()
    .describe(
      'The input field: "request.services.0.code", "request.diagnoses.1" or "request.dateOfService".',
    ),
  value: z
    .string()
    .describe(
      "The code in canonical form (ICD-10-CM dotted), or the date of service (empty when none was given).",
    ),
  system: z.enum(["ICD-10-CM", "HCPCS"]),
  release: z
    .string()
    .describe('The release the check used, e.g. "ICD-10-CM FY2026" or "HCPCS Level II 2020".'),
  message: z.string().describe("One plain sentence."),
  billableChildren: z
    .array(z.strictObject({ code: z.string(), description: z.string() }))
    .optional()
    .describe("icd-header-code: its first billable descendants in tabular order (at most 10)."),
  billableChildrenTotal: z
    .int()
    .optional()
    .describe("icd-header-code: how many billable descendants it has."),
  replaces: z
    .array(z.string())
    .optional()
    .describe("code-known-from-updates, code-added-after-service: the codes it replaces."),
  replacedBy: z.array(z.string()).optional().describe("code-deleted: the codes that replace it, when known."),
  effectiveDate: z
    .string()
    .optional()
    .describe(
      "The first date of service the addition, deletion or termination applies to (YYYY-MM-DD; for a termination in the file, the day after its termination date), when known.",
    ),
  inOtherReleases: z
    .array(z.string())
    .optional()
    .describe("code-not-in-release (ICD-10-CM): other shipped releases that hold the code."),
});

export type CodeFindingCode = z.infer<typeof CodeFindingCodeSchema>;
export type CodeFinding = z.infer<typeof CodeFindingSchema>;

const ReleaseUsedSchema = z.strictObject({
  label: z.string().describe('e.g. "ICD-10-CM FY2026"'),
  inForceFrom: z.string(),
  inForceTo: z.string(),
  fit: z
    .enum(["in-force", "outside", "no-date"])
    .describe(
      "in-force: the date of service falls in the release's window; outside: no shipped release covers it and the nearest answered; no-date: none was given and the newest answered.",
    ),
});

/** The code-set releases a review checked its codes against, chosen by the date of service. */
export const CodeSetsSchema = z
  .strictObject({
    dateOfService: z.string().nullable(),
    icd10cm: ReleaseUsedSchema,
    hcpcs: ReleaseUsedSchema,
  })
  .describe("the code-set releases in force on the date of service that the codes were checked against");
export type CodeSets = z.infer<typeof CodeSetsSchema>;
