import { z } from "zod";

export const CodeSystemSchema = z.enum(["ICD-10-CM", "HCPCS", "CPT"]);

/** Where a description comes from; the answer's `release.descriptionSources` says the same in words. */
export const DescriptionSourceSchema = z
  .enum(["release-verbatim", "project-summary"])
  .describe(
    "release-verbatim: the release's own text, verbatim (ICD-10-CM order file long title, CMS HCPCS long description). " +
      "project-summary: a plain-language summary written by this project, not the AMA CPT descriptor.",
  );

const CodeRefSchema = z.object({
  code: z.string().describe("Canonical code (ICD-10-CM with the dot after the third character)."),
  system: CodeSystemSchema,
  billable: z
    .boolean()
    .optional()
    .describe(
      "ICD-10-CM: valid for HIPAA transactions (not a header). HCPCS: no termination date in the file. Absent: not asserted (CPT, HCPCS modifiers).",
    ),
  description: z
    .string()
    .describe("The release's own long title or description, verbatim; for CPT, this project's summary."),
});

const NoteSchema = z.object({
  text: z.string().describe("The note as written in the ICD-10-CM tabular list, verbatim."),
  from: z
    .string()
    .describe(
      "The code or block range whose tabular entry states the note; notes of ancestors apply to their descendants.",
    ),
});

/** Tabular-list note kinds that are lists of texts, in the order a code's notes are listed. */
export const LIST_NOTE_KINDS = [
  "includes",
  "inclusionTerm",
  "codeFirst",
  "useAdditionalCode",
  "codeAlso",
  "sevenChrNote",
] as const;

const OtherNoteSchema = NoteSchema.extend({
  kind: z
    .enum([...LIST_NOTE_KINDS, "sevenChrDef"])
    .describe(
      "Tabular-list element: includes, inclusion term, code first, use additional code, code also, 7th-character note or definition.",
    ),
});

export const ClassificationSchema = z
  .object({
    category: z
      .string()
      .describe(
        'The policy\'s diagnosis class id, e.g. "mechanical"; classes joined by "+" when several apply.',
      ),
    label: z.string().describe("What the class means for the SI-joint evidence, in the policy data's words."),
    prefix: z.string().describe('The code prefix(es) of the policy rules that matched, e.g. "M46.1".'),
  })
  .describe(
    "How the SI-joint policy classifies this diagnosis code (set by the policy layer from the data named in `classificationSource`; absent when it has no view).",
  );

export const CodeResultSchema = z.object({
  input: z.string().describe("The code as given."),
  code: z
    .string()
    .describe("Canonical form: trimmed, upper case, ICD-10-CM with the dot after the third character."),
  system: CodeSystemSchema.optional().describe(
    "Code system the input belongs to (best guess when not found); absent when it has the shape of no supported system.",
  ),
  found: z
    .boolean()
    .describe("true when the release data (or, for CPT, this project's plain-language list) holds the code."),
  billable: z
    .boolean()
    .optional()
    .describe(
      "ICD-10-CM: true for a code valid for HIPAA transactions, false for a header (category or subcategory with children). " +
        "HCPCS: false when the 2020 file gives a termination date (not billable on or after it), else true. " +
        "Absent when not asserted: not found, CPT (no CPT release data is shipped), or an HCPCS modifier.",
    ),
  description: z
    .string()
    .optional()
    .describe(
      "ICD-10-CM long title or HCPCS long description verbatim, or this project's plain-language CPT summary; absent when not found.",
    ),
  descriptionSource: DescriptionSourceSchema.optional().describe(
    'Where `description` comes from: "release-verbatim" (the release\'s own text) or "project-summary" (our own words, not the AMA CPT descriptor).',
  ),
  release: z
    .string()
    .optional()
    .describe(
      'The release answering for this code (its label in `release`), e.g. "ICD-10-CM FY2026"; absent for an unrecognised shape.',
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
        'false means missing notes are "not available", not "none" (see `release.icd10cm.notes`).',
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
    .string()
    .optional()
    .describe(
      "A plain-language note written by this project (not official text), next to the official description (e.g. G0260).",
    ),
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

const ReleaseOut = z
  .object({
    icd10cm: z.object({
      label: z.string(),
      inForceFrom: z.string(),
      inForceTo: z.string(),
      sourceFile: z.string().describe("The CDC/NCHS order file the shipped codes were imported from."),
      sourceSha256: z.string(),
      notes: z
        .string()
        .describe("Which codes have tabular notes (Excludes1/2 and others) in the shipped excerpt."),
    }),
    hcpcs: z.object({
      label: z.string(),
      fileDate: z.string().optional().describe("Date of the CMS file, when it states one."),
      sourceFile: z.string().describe("The CMS file the shipped codes were imported from."),
      sourceSha256: z.string(),
      caveat: z.string().describe("How old the file is and what a code not found in it means."),
    }),
    cpt: z.object({
      label: z.string(),
      about: z.string().describe("Why no CPT release is shipped and what is described instead."),
      describedCodes: z
        .array(z.string())
        .describe(
          "The CPT codes this product describes in its own words; all others are reported as not described.",
        ),
    }),
    descriptionSources: z
      .object({ "release-verbatim": z.string(), "project-summary": z.string() })
      .describe("What each `descriptionSource` value of the results means."),
  })
  .describe("The releases every answer comes from, stated once per answer; each result names its own.");

export const LookupCodesOutputSchema = z.object({
  release: ReleaseOut,
  classificationSource: z
    .string()
    .optional()
    .describe(
      "Present when a result has a `classification`: the policy data it comes from, and that explicit case facts take precedence over the code.",
    ),
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
