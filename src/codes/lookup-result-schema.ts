import { z } from "zod";

export const CodeSystemSchema = z.enum(["ICD-10-CM", "HCPCS", "CPT"]);

/** Where a description comes from; the answer's `release.descriptionSources` says the same in words. */
export const DescriptionSourceSchema = z
  .enum(["release-verbatim", "project-summary", "updates-file"])
  .describe(
    "release-verbatim: the release's own text, verbatim (ICD-10-CM order file long title, CMS HCPCS long description). " +
      "project-summary: a plain-language summary written by this project, not the AMA CPT descriptor. " +
      "updates-file: the descriptor recorded in the HCPCS updates file from the sources it names (not a CMS file; see `update`).",
  );

export const DateFitSchema = z
  .enum(["in-force", "outside", "no-date"])
  .describe(
    "in-force: the date of service falls in the release's window; outside: no shipped release covers it and the nearest answers; no-date: none was given and the newest answers.",
  );

const UpdateSchema = z
  .object({
    change: z.enum(["added", "deleted"]).describe("Created or deleted after the shipped HCPCS file."),
    effectiveDate: z
      .string()
      .optional()
      .describe(
        "added: first date of service it is valid for; deleted: first date it is no longer valid for (YYYY-MM-DD); absent when the sources give none.",
      ),
    replaces: z.array(z.string()).optional().describe("added: the codes it replaces."),
    replacedBy: z.array(z.string()).optional().describe("deleted: the codes that replace it."),
    onDateOfService: z
      .enum(["valid", "not-yet-valid", "deleted", "undetermined"])
      .describe(
        "What the change means for the date of service (without one: the newest known state); undetermined when the sources give no date.",
      ),
    verifiedAtCms: z.boolean().describe("true only when checked against a CMS file or transmittal."),
    provenance: z
      .enum(["publisher", "repository", "copy", "secondary"])
      .describe("The most authoritative kind among the supporting sources."),
    sources: z.array(z.string()).describe("Where the supporting sources were seen."),
    note: z
      .string()
      .describe("What the sources leave open or contradict, and why the recorded values were chosen."),
  })
  .describe(
    "HCPCS: a change after the shipped file, from the HCPCS updates file (corpus/codes/hcpcs-updates.json).",
  );

const CodeRefSchema = z.object({
  code: z.string().describe("Canonical code (ICD-10-CM with the dot after the third character)."),
  system: CodeSystemSchema,
  billable: z
    .boolean()
    .optional()
    .describe(
      "ICD-10-CM: valid for HIPAA transactions (not a header). HCPCS: no termination date in the file (a reference, not dated). Absent: not asserted (CPT, HCPCS modifiers).",
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
    .describe(
      "true when the release data (or, for CPT, this project's plain-language list; for an HCPCS code created after the shipped file, the HCPCS updates file: see `update`) holds the code.",
    ),
  billable: z
    .boolean()
    .optional()
    .describe(
      "ICD-10-CM: true for a code valid for HIPAA transactions, false for a header (category or subcategory with children). " +
        "HCPCS: false when the file gives a termination date on or before the date of service (or, with no date, at all), when the updates file records its deletion on or before the date of service (or, with no date, at all), " +
        "or when it was added after the date of service; else true, and absent for a code known only from the updates file. " +
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
    .describe(
      "HCPCS: termination date (YYYY-MM-DD), the code's last date of service in the file (the termination takes effect the next day).",
    ),
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
  update: UpdateSchema.optional(),
  inOtherReleases: z
    .array(z.string())
    .optional()
    .describe(
      "ICD-10-CM not found: the other shipped releases that hold the code (their labels in `release`).",
    ),
  reason: z
    .string()
    .optional()
    .describe("Why the code is not found, not described or not billable, or where it is known from."),
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

const ShippedRelease = z.object({ label: z.string(), inForceFrom: z.string(), inForceTo: z.string() });

const ReleaseOut = z
  .object({
    dateOfService: z
      .string()
      .optional()
      .describe("The date of service the releases were chosen for (YYYY-MM-DD); absent when none was given."),
    icd10cm: z.object({
      label: z
        .string()
        .describe(
          "The ICD-10-CM release answering: in force on the date of service, else the nearest (or, with no date, the newest).",
        ),
      inForceFrom: z.string(),
      inForceTo: z.string(),
      dateFit: DateFitSchema,
      dateNote: z
        .string()
        .describe(
          "One sentence: which release answers for the date of service, and what a date outside it means.",
        ),
      otherShipped: z
        .array(ShippedRelease)
        .optional()
        .describe("The other shipped ICD-10-CM releases, oldest first (absent when only one is shipped)."),
      sourceFile: z.string().describe("The CDC/NCHS order file the shipped codes were imported from."),
      sourceSha256: z.string(),
      notes: z
        .string()
        .describe("Which codes have tabular notes (Excludes1/2 and others) in the shipped excerpt."),
    }),
    hcpcs: z.object({
      label: z.string(),
      inForceFrom: z.string().describe("First date of service of the year the annual file is for."),
      inForceTo: z.string(),
      dateFit: DateFitSchema,
      dateNote: z.string().describe("One sentence: how the file fits the date of service."),
      fileDate: z.string().optional().describe("Date of the CMS file, when it states one."),
      sourceFile: z.string().describe("The CMS file the shipped codes were imported from."),
      sourceSha256: z.string(),
      caveat: z.string().describe("How old the file is and what a code not found in it means."),
      otherShipped: z
        .array(ShippedRelease)
        .optional()
        .describe("The other shipped HCPCS files, oldest first (absent when only one is shipped)."),
      updates: z
        .string()
        .describe(
          "The HCPCS updates file: what it holds and where its entries come from (see each result's `update`).",
        ),
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
      .object({ "release-verbatim": z.string(), "project-summary": z.string(), "updates-file": z.string() })
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
