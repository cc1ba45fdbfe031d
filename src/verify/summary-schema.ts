import { z } from "zod";
import {
  NotCheckedSchema,
  NotListedSchema,
  QuoteStatusSchema,
  VerdictSchema,
  VerificationSchema,
  VerificationSummarySchema,
} from "./schema.js";

export const FailedQuoteSchema = z.object({
  index: z.int().min(1),
  line: z.int().min(1),
  quote: z.string(),
  status: QuoteStatusSchema.extract(["near-match", "not-found"]),
  passageId: z.string().optional().describe("near-match: the closest passage."),
  useText: z
    .string()
    .optional()
    .describe("near-match: the passage's stored words, verbatim: quote these instead."),
  diff: z.string().optional().describe("near-match: [-stored words-] {+quoted words+}."),
  citation: z.string().optional().describe("near-match: short citation of the passage's source."),
  fix: z.string(),
});
export type FailedQuote = z.infer<typeof FailedQuoteSchema>;

export const FailedClaimSchema = z.object({
  index: z.int().min(1),
  line: z.int().min(1),
  sentence: z.string(),
  verdict: VerdictSchema.extract(["unsupported", "not-in-corpus"]),
  passageIds: z
    .array(z.string())
    .describe("The passages the claim was compared with (citeGuideline reads them)."),
  differs: z
    .array(z.string())
    .describe("What the passages say otherwise, and what the claim asserts that the corpus does not record."),
  fix: z.string().optional(),
});
export type FailedClaim = z.infer<typeof FailedClaimSchema>;

export const VerifySummarySchema = z
  .object({
    detail: z.literal("summary"),
    corpusVersion: z.string(),
    summary: VerificationSummarySchema,
    notChecked: NotCheckedSchema.optional(),
    failedQuotes: z
      .array(FailedQuoteSchema)
      .describe("Near-matches and quotations not found, in order (at most the first 10)."),
    failedClaims: z
      .array(FailedClaimSchema)
      .describe(
        "Evidence claims that are unsupported or not in the corpus, in order (at most the first 10).",
      ),
    notListed: NotListedSchema.optional().describe(
      'Failing quotations, failing claims and source issues not listed here (each list holds at most 10 and 6,000 characters): detail "full" lists them.',
    ),
    sourceIssues: z
      .array(z.object({ line: z.int().min(1), kind: z.string(), message: z.string() }))
      .describe("Dates that disagree with the source, unknown sources (at most the first 10)."),
    cautions: z
      .array(z.object({ passageId: z.string(), caution: z.string(), quotes: z.array(z.int()) }))
      .describe(
        "Verbatim quotations whose words were seen on an unofficial copy or in a third party's summary.",
      ),
    method: z.string().describe("How claims were checked, and what 'not in the corpus' means."),
    more: z.string().describe('What detail: "full" adds.'),
  })
  .describe('detail "summary": the counts and only what fails, each with its fix.');
export type VerifySummary = z.infer<typeof VerifySummarySchema>;

export const VerifyFullSchema = VerificationSchema.extend({
  detail: z.literal("full"),
  notListed: NotListedSchema.optional().describe(
    "Findings past the full view's size budget (50,000 characters of findings, in order of appearance): checked and counted in summary, not listed here. Split the text to see them.",
  ),
}).describe(
  'detail "full": every quotation, every attributed sentence (not evidence claims too) with its parts, and the method.',
);

/** A verifyCitations answer at either detail level, told apart by `detail`. */
export const VerifyAnswerSchema = z.discriminatedUnion("detail", [VerifySummarySchema, VerifyFullSchema]);
