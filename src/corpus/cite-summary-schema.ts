import { z } from "zod";
import { CiteGuidelineOutputSchema } from "./cite-guideline-schema.js";
import { SeenAtKindSchema } from "./citation.js";
import { DirectionSchema } from "./schemas.js";

export const CiteSummaryResultSchema = z.object({
  passageId: z.string().describe("Ask citeGuideline for { passageId } to read the passage in full."),
  quote: z.string().describe("verbatim: the stored passage text, byte for byte"),
  locator: z.string(),
  citation: z.string().describe("Short citation: first author, journal or issuing body, year, DOI."),
  seenAtKind: SeenAtKindSchema.describe(
    "Where the words were seen: publisher, repository, copy (unofficial), secondary (a third party's words), ingested-pdf.",
  ),
  caution: z.string().optional().describe("For an unofficial copy or a third party's words: what to check first."),
  direction: DirectionSchema.optional(),
});
export type CiteSummaryResult = z.infer<typeof CiteSummaryResultSchema>;

export const CiteSummarySchema = z
  .object({
    detail: z.literal("summary"),
    corpusVersion: z.string(),
    lookup: z.enum(["passageId", "sourceId", "query"]),
    query: z.string().optional(),
    results: z.array(CiteSummaryResultSchema),
    total: z.int().min(0).describe("Matches before `limit` was applied."),
    more: z.string().describe('What detail: "full" adds.'),
  })
  .describe('detail "summary": per passage its quote, locator, short citation and provenance caution.');
export type CiteSummary = z.infer<typeof CiteSummarySchema>;

export const CiteFullSchema = CiteGuidelineOutputSchema.extend({ detail: z.literal("full") }).describe(
  'detail "full": every result with its source record, method, provenance, full citation and resource URI.',
);
export type CiteFull = z.infer<typeof CiteFullSchema>;

/** A citeGuideline answer at either detail level, told apart by `detail`. */
export const CiteAnswerSchema = z.discriminatedUnion("detail", [CiteSummarySchema, CiteFullSchema]);
