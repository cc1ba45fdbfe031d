import { z } from "zod";
import { CodeFindingCodeSchema } from "../codes/code-findings.js";
import { CriterionStatusSchema, DeterminationSchema, FactValueSchema } from "../engine/evaluation-schema.js";

/*
 * The summary view of an evaluation (detail "summary", the default): what a reviewer or a model
 * needs to answer, once each. The full view (detail "full") carries everything else.
 */

const Codes = z.array(z.string()).describe("service codes, in request order");

export const SummaryServicesSchema = z.object({
  services: Codes.min(1).describe("the services with this outcome (same determination, pathway and reasons)"),
  determination: DeterminationSchema,
  pathway: z
    .string()
    .optional()
    .describe("the id of the policy pathway that decided them (the full view has its title)"),
  reason: z.string().describe("the first sentence of each of the review's reasons"),
  factsNotNeeded: z
    .array(z.string())
    .optional()
    .describe("facts the case does not document that could not change this outcome"),
});
export type SummaryServices = z.infer<typeof SummaryServicesSchema>;

export const SummaryQuoteSchema = z.object({
  passageId: z.string().describe("citeGuideline takes it for the passage and its full citation"),
  quote: z.string().describe("verbatim from the local corpus"),
  locator: z.string(),
  citation: z
    .string()
    .describe("first author, journal or issuing body, year and DOI where the source has them"),
  caution: z.string().optional().describe("present when the words were not seen on the publisher's own text"),
  services: Codes.describe("the services this passage governs"),
});
export type SummaryQuote = z.infer<typeof SummaryQuoteSchema>;

export const SummaryCriteriaSchema = z.object({
  status: CriterionStatusSchema,
  services: Codes.describe("the services these criteria have this status and these facts for"),
  criteria: z
    .record(z.string(), z.record(z.string(), FactValueSchema))
    .describe(
      "by criterion id, in policy order: the case facts it used (null: undocumented). A text value is cut at its first colon; a fact's source (<name>Source) is shown only when it is not the case's own statement",
    ),
});
export type SummaryCriteria = z.infer<typeof SummaryCriteriaSchema>;

export const SummaryConflictSchema = z.object({
  passageId: z.string(),
  whyNotGoverning: z.string(),
  alsoFromSource: z
    .array(z.string())
    .optional()
    .describe("other conflicting passages of the same source, by id"),
});
export type SummaryConflict = z.infer<typeof SummaryConflictSchema>;

const Line = z.object({ id: z.string(), line: z.string() });

export const EvaluationSummarySchema = z.object({
  detail: z.literal("summary"),
  determination: DeterminationSchema.describe("overall recommended determination"),
  services: z
    .array(SummaryServicesSchema)
    .describe("services grouped by identical outcome, in request order"),
  governing: z.array(SummaryQuoteSchema).describe("the governing passages, most authoritative first"),
  criteria: z
    .array(SummaryCriteriaSchema)
    .describe("each criterion once, grouped by status and the services it applies to, in policy order"),
  missingInformation: z.array(z.string()).describe("documents to request before a decision; empty when none"),
  conflicting: z
    .array(SummaryConflictSchema)
    .describe(
      "the strongest conflicting evidence, one item per source (at most three), most authoritative first",
    ),
  conflictingTotal: z.int().describe("how many conflicting passages the full view lists"),
  pitfalls: z.array(Line).describe("each pitfall's rule (its first sentence up to a colon), by id"),
  alternatives: z.array(Line).describe("each alternative's first sentence, by id"),
  codeFindings: z
    .array(
      z.object({
        code: CodeFindingCodeSchema,
        value: z.string().optional().describe("the code or date it is about, when there is one"),
        message: z.string(),
      }),
    )
    .optional()
    .describe("codes that cannot be taken at face value, in input order; absent when none"),
  contradictions: z
    .array(
      z.object({
        fact: z.string(),
        stated: FactValueSchema,
        fromCodes: FactValueSchema,
        codes: z.array(z.string()),
      }),
    )
    .optional()
    .describe("diagnosis codes that disagree with a stated fact and change an outcome; absent when none"),
  otherContradictions: z
    .int()
    .optional()
    .describe("how many contradictions change no outcome (the full view lists them); absent when none"),
  policy: z.object({ id: z.string(), version: z.string() }),
  corpusVersion: z.string().describe("the first 12 hex digits of the corpus version"),
  reviewRequired: z.literal(true),
  disclaimer: z.string(),
  more: z.string().describe("what the full view adds"),
});
export type EvaluationSummary = z.infer<typeof EvaluationSummarySchema>;
