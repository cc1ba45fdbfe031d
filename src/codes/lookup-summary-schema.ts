import { z } from "zod";
import { CodeSystemSchema, DateFitSchema } from "./lookup-result-schema.js";

/** What a code is, in one word, for the release that answered. */
export const CodeStatusSchema = z
  .enum([
    "billable",
    "header",
    "not-billable",
    "described",
    "modifier",
    "from-updates",
    "not-in-release",
    "not-described",
    "unrecognised",
  ])
  .describe(
    "billable: valid on a claim (ICD-10-CM) or not terminated (HCPCS). header: an ICD-10-CM category or subcategory, not valid on a claim. " +
      "not-billable: an HCPCS code terminated, deleted or not yet added on the date of service. described: a CPT code this project describes (no CPT release is shipped). " +
      "modifier: an HCPCS modifier. from-updates: an HCPCS code known only from the HCPCS updates file. not-in-release: not in the release that answered (not a finding that it is invalid). " +
      "not-described: a CPT code this project does not describe (AMA copyright). unrecognised: the shape of no supported code system.",
  );

const WindowSchema = z.object({
  label: z.string(),
  inForceFrom: z.string(),
  inForceTo: z.string(),
  dateFit: DateFitSchema,
});

export const CodeEntrySchema = z.object({
  code: z.string().describe("Canonical form (ICD-10-CM with the dot)."),
  input: z.string().optional().describe("The code as given, when it differs from `code`."),
  system: CodeSystemSchema.optional().describe("Absent when the input has the shape of no supported system."),
  status: CodeStatusSchema,
  title: z
    .string()
    .optional()
    .describe(
      "The release's own title, verbatim (ICD-10-CM long title, HCPCS long description; for a code known only from the updates file, that file's descriptor).",
    ),
  plain: z
    .string()
    .optional()
    .describe("Plain language written by this project, not official text (for CPT: not the AMA descriptor)."),
  findings: z
    .array(z.string())
    .optional()
    .describe(
      "What else to know, a few words each: header children, updates and deletions, other releases, near codes, policy class.",
    ),
});
export type CodeEntry = z.infer<typeof CodeEntrySchema>;

export const LookupSummarySchema = z
  .object({
    detail: z.literal("summary"),
    release: z
      .object({
        dateOfService: z.string().optional().describe("YYYY-MM-DD; absent when none was given."),
        icd10cm: WindowSchema,
        hcpcs: WindowSchema.extend({ fileDate: z.string().optional() }),
        cpt: z.string().describe("No CPT release is shipped: this project's CPT summaries answer."),
        notes: z
          .array(z.string())
          .describe("What the releases mean for the codes of this answer, one sentence each."),
      })
      .describe("The releases that answered, stated once for every code of the answer."),
    classes: z
      .array(z.object({ id: z.string(), label: z.string() }))
      .optional()
      .describe("The policy classes the findings name (policy class <id>), from the family data."),
    codes: z.array(CodeEntrySchema).describe("One per distinct code asked for, in the order given."),
    query: z.string().optional(),
    matches: z
      .array(CodeEntrySchema.omit({ input: true, findings: true }))
      .optional()
      .describe("Search hits for `query`, best first."),
    matchesTotal: z.int().optional().describe("How many descriptions matched at least one query word."),
    more: z.string().describe('What detail: "full" adds.'),
  })
  .describe('detail "summary": each code in one entry, the releases once.');

export type LookupSummary = z.infer<typeof LookupSummarySchema>;
