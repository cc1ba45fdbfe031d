import { z } from "zod";
import { ProvenanceSchema } from "./citation.js";
import { DirectionSchema, SourceSchema, SourceTypeSchema } from "./schemas.js";

const Year = z.number().int().min(1900).max(2100);
const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]*$/u;

export const CiteGuidelineFiltersSchema = z.strictObject({
  direction: DirectionSchema.optional().describe("Only passages with this direction"),
  intervention: z
    .string()
    .min(1)
    .max(200)
    .regex(NO_CONTROL_CHARACTERS, { error: "expected text without control characters" })
    .optional()
    .describe("Words that must all appear in the passage's intervention (synonyms count, e.g. RFA = radiofrequency ablation)"),
  sourceType: SourceTypeSchema.optional().describe("Only passages from sources of this type"),
  publishedFrom: Year.optional().describe("Earliest publication year (inclusive)"),
  publishedTo: Year.optional().describe("Latest publication year (inclusive)"),
});
export type CiteGuidelineFilters = z.infer<typeof CiteGuidelineFiltersSchema>;

export const CiteGuidelineInputSchema = z.strictObject({
  passageId: z.string().min(1).max(200).optional().describe("Return this passage, e.g. busse-bmj-2025#rec-joint-rfa"),
  sourceId: z.string().min(1).max(200).optional().describe("Return this source's passages in document order, e.g. busse-bmj-2025"),
  query: z
    .string()
    .min(1)
    .max(500)
    .regex(NO_CONTROL_CHARACTERS, { error: "expected text without control characters (no newlines or tabs)" })
    .optional()
    .describe("Search the evidence in plain words, e.g. 'Is sacroiliac joint RFA recommended for chronic axial spine pain?'"),
  filters: CiteGuidelineFiltersSchema.optional().describe("Narrow a query or sourceId look-up"),
  limit: z.number().int().min(1).max(20).optional().describe("Most results to return (1-20, default 5)"),
});
export type CiteGuidelineInput = z.infer<typeof CiteGuidelineInputSchema>;

export const CiteGuidelineResultSchema = z.object({
  passageId: z.string(),
  sourceId: z.string(),
  quote: z.string().describe("verbatim: the stored passage text, byte for byte"),
  section: z.string(),
  page: z.number().int().optional(),
  pageLabel: z.string().optional(),
  locator: z.string(),
  provenance: ProvenanceSchema,
  direction: DirectionSchema.optional(),
  strength: z.string().optional(),
  certainty: z.string().optional(),
  population: z.string().optional(),
  intervention: z.string().optional(),
  source: SourceSchema,
  citation: z.string().describe("AMA / Vancouver style"),
  score: z.number().optional().describe("search relevance (query look-ups only)"),
  resourceUri: z.string(),
});
export type CiteGuidelineResult = z.infer<typeof CiteGuidelineResultSchema>;

export const CiteGuidelineOutputSchema = z.object({
  corpusVersion: z.string(),
  lookup: z.enum(["passageId", "sourceId", "query"]),
  query: z.string().optional(),
  results: z.array(CiteGuidelineResultSchema),
  /** Matches before `limit` was applied. */
  total: z.number().int().min(0),
});
export type CiteGuidelineOutput = z.infer<typeof CiteGuidelineOutputSchema>;
