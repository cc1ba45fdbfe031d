import { z } from "zod";

export const CodeSystemSchema = z.enum(["ICD-10-CM", "HCPCS", "CPT"]);

const CodeRefSchema = z.object({
  code: z.string().describe("Canonical code (ICD-10-CM with the dot after the third character)."),
  system: CodeSystemSchema,
  billable: z
    .boolean()
    .nullable()
    .describe(
      "ICD-10-CM: valid for HIPAA transactions (not a header). HCPCS: no termination date in the file. null: not asserted.",
    ),
  description: z.string().describe("The release's own long title or description, verbatim."),
});

const NoteSchema = z.object({
  text: z.string().describe("The note as written in the ICD-10-CM tabular list, verbatim."),
  from: z
    .string()
    .describe(
      "The code or block range whose tabular entry states the note; notes of ancestors apply to their descendants.",
    ),
});

const OtherNoteSchema = NoteSchema.extend({
  kind: z
    .enum([
      "includes",
      "inclusionTerm",
      "codeFirst",
      "useAdditionalCode",
      "codeAlso",
      "sevenChrNote",
      "sevenChrDef",
    ])
    .describe(
      "Tabular-list element: includes, inclusion term, code first, use additional code, code also, 7th-character note or definition.",
    ),
});

export const ClassificationSchema = z
  .object({
    category: z.string().describe("The policy's diagnosis category for this code."),
    label: z.string().describe("Readable name of the category."),
    note: z.string().optional().describe("Why the code falls in this category, or caveats."),
  })
  .describe(
    "How the SI-joint policy classifies this diagnosis code (set by the policy layer; absent when it has no view).",
  );

export const CodeResultSchema = z.object({
  input: z.string().describe("The code as given."),
  code: z
    .string()
    .describe("Canonical form: trimmed, upper case, ICD-10-CM with the dot after the third character."),
  system: CodeSystemSchema.nullable().describe(
    "Code system the input belongs to (best guess when not found); null when it has the shape of no supported system.",
  ),
  found: z
    .boolean()
    .describe("true when the release data (or, for CPT, this project's plain-language list) holds the code."),
  billable: z
    .boolean()
    .nullable()
    .describe(
      "ICD-10-CM: true for a code valid for HIPAA transactions, false for a header (category or subcategory with children). " +
        "HCPCS: false when the 2020 file gives a termination date (not billable on or after it), else true. " +
        "null when not asserted: not found, CPT (no CPT release data is shipped), or an HCPCS modifier.",
    ),
  description: z
    .string()
    .nullable()
    .describe(
      "ICD-10-CM long title or HCPCS long description verbatim, or this project's plain-language CPT summary; null when not found.",
    ),
  descriptionSource: z
    .string()
    .optional()
    .describe("Where the description comes from; says when it is our own wording."),
  release: z
    .string()
    .nullable()
    .describe(
      'The release answering for this code, e.g. "ICD-10-CM FY2026"; null for an unrecognised shape.',
    ),
  kind: z.enum(["procedure", "modifier"]).optional().describe("HCPCS only: a procedure code or a modifier."),
  chapter: z
    .object({ number: z.int(), range: z.string(), title: z.string() })
    .optional()
    .describe("ICD-10-CM chapter holding the code."),
  block: z
    .object({
      range: z.string().describe('Block (section) range, e.g. "M50-M54".'),
      title: z.string(),
      within: z
        .array(z.object({ range: z.string(), title: z.string() }))
        .describe("Enclosing grouping blocks, narrowest first (e.g. M40-M54 Dorsopathies)."),
    })
    .optional()
    .describe("ICD-10-CM block (section) holding the code's category."),
  parent: CodeRefSchema.optional().describe("ICD-10-CM: the nearest existing ancestor code (a header)."),
  children: z
    .array(CodeRefSchema)
    .optional()
    .describe("ICD-10-CM header: its billable descendants in tabular order, at most 50."),
  childrenTotal: z
    .int()
    .optional()
    .describe("ICD-10-CM header: how many billable descendants it has in all."),
  excludes1: z
    .array(NoteSchema)
    .optional()
    .describe(
      "Excludes1 notes (never coded together with this code) from the code and its ancestors, where the shipped notes excerpt has them.",
    ),
  excludes2: z
    .array(NoteSchema)
    .optional()
    .describe(
      "Excludes2 notes (not part of this condition; may be coded together) from the code and its ancestors.",
    ),
  notes: z
    .array(OtherNoteSchema)
    .optional()
    .describe("Other tabular-list notes of the code and its ancestors."),
  notesComplete: z
    .boolean()
    .optional()
    .describe(
      "ICD-10-CM: true when the notes excerpt lists the code and every ancestor, so the notes above are complete below chapter level; " +
        'false means missing notes are "not available", not "none".',
    ),
  shortDescription: z.string().optional().describe("HCPCS short description (28 characters), verbatim."),
  addedDate: z.string().optional().describe("HCPCS: date the code was added (YYYY-MM-DD)."),
  effectiveDate: z
    .string()
    .optional()
    .describe("HCPCS: effective date of the latest action on the code (YYYY-MM-DD)."),
  terminationDate: z
    .string()
    .optional()
    .describe("HCPCS: termination date (YYYY-MM-DD); the code is not billable for services on or after it."),
  plainLanguage: z
    .object({ text: z.string(), source: z.string() })
    .optional()
    .describe("A plain-language note written by this project, next to the official text (e.g. G0260)."),
  alsoReadAs: z
    .array(CodeRefSchema)
    .optional()
    .describe(
      "Another code system's code with the same characters (e.g. J1100 is also ICD-10-CM J11.00); write the dot to ask for the diagnosis.",
    ),
  reason: z.string().optional().describe("Why the code is not found, not described or not billable."),
  suggestions: z
    .array(
      CodeRefSchema.extend({
        why: z
          .string()
          .describe('How it is near the input, e.g. "nearest existing ancestor", "one character different".'),
      }),
    )
    .optional()
    .describe("Not found: up to 5 real codes near the input, nearest first."),
  classification: ClassificationSchema.optional(),
});

export const SearchMatchSchema = CodeRefSchema.extend({
  score: z
    .number()
    .describe(
      "Whole part: query words matched (whole word or word prefix); fraction: share matched as whole words. Ties: shorter description, then code.",
    ),
});

const IcdReleaseOut = z.object({
  label: z.string(),
  fiscalYear: z.int(),
  inForceFrom: z.string(),
  inForceTo: z.string(),
  publisher: z.string(),
  sourceFile: z.string(),
  sourceSha256: z.string(),
  billableCount: z.int(),
  headerCount: z.int(),
  notesCoverage: z
    .string()
    .describe("Which codes have tabular notes (Excludes1/2 etc.) in the shipped excerpt."),
});

const HcpcsReleaseOut = z.object({
  label: z.string(),
  year: z.int(),
  fileDate: z.string().nullable(),
  publisher: z.string(),
  sourceFile: z.string(),
  sourceSha256: z.string(),
  procedureCount: z.int(),
  modifierCount: z.int(),
  caveat: z.string().describe("How old the file is and what a not-found code means."),
});

const CptReleaseOut = z.object({
  label: z.string(),
  version: z.string(),
  descriptionSource: z.string(),
  about: z.string(),
  describedCodes: z
    .array(z.string())
    .describe(
      "The CPT codes this product describes in its own words; all others are reported as not described.",
    ),
});

export const LookupCodesOutputSchema = z.object({
  release: z
    .object({ icd10cm: IcdReleaseOut, hcpcs: HcpcsReleaseOut, cpt: CptReleaseOut })
    .describe("The releases every answer comes from."),
  results: z
    .array(CodeResultSchema)
    .describe("One per distinct code in `codes` (after normalisation), in the order first given."),
  query: z.string().optional().describe("The search query as given."),
  matches: z
    .array(SearchMatchSchema)
    .optional()
    .describe(
      "Search hits for `query` across ICD-10-CM titles, HCPCS descriptions and our CPT summaries, best first, at most `limit`.",
    ),
  matchesTotal: z.int().optional().describe("How many descriptions matched at least one query word."),
});

export type CodeResult = z.infer<typeof CodeResultSchema>;
export type CodeRef = z.infer<typeof CodeRefSchema>;
export type SearchMatch = z.infer<typeof SearchMatchSchema>;
export type LookupCodesOutput = z.infer<typeof LookupCodesOutputSchema>;
export type CodeSystem = z.infer<typeof CodeSystemSchema>;
