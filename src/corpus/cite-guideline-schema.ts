import { z } from "zod";
import { ProvenanceSchema } from "./citation.js";
import { DirectionSchema, SourceSchema, SourceTypeSchema } from "./schemas.js";

const Year = z.number().int().min(1900).max(2100);
const CONTROL_CHARACTER = /\p{Cc}/u;
const noControl = (v: string) => !CONTROL_CHARACTER.test(v);

export const CiteGuidelineFiltersSchema = z.strictObject({
  direction: DirectionSchema.optional(),
  intervention: z
    .string()
    .min(1)
    .max(200)
    .refine(noControl, { error: "expected text without control characters" })
    .optional()
    .describe("words all in the passage's intervention (synonyms count)"),
  sourceType: SourceTypeSchema.optional(),
  publishedFrom: Year.optional().describe("year, inclusive"),
  publishedTo: Year.optional().describe("year, inclusive"),
});
export type CiteGuidelineFilters = z.infer<typeof CiteGuidelineFiltersSchema>;

export const CiteGuidelineInputSchema = z.strictObject({
  passageId: z.string().min(1).max(200).optional().describe("e.g. busse-bmj-2025#rec-joint-rfa"),
  sourceId: z.string().min(1).max(200).optional().describe("e.g. busse-bmj-2025"),
  query: z
    .string()
    .min(1)
    .max(500)
    .refine(noControl, { error: "expected text without control characters (no newlines or tabs)" })
    .optional()
    .describe("plain words, e.g. 'Is SI joint RFA recommended?'"),
  filters: CiteGuidelineFiltersSchema.optional().describe("narrow a query or sourceId"),
  limit: z.number().int().min(1).max(20).optional().describe("default 5"),
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
