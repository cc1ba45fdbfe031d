import { z } from "zod";
import { CitationSchema } from "../corpus/citation.js";

export const VERIFY_TEXT_MAX_CHARS = 200_000;

export const VerifyInputSchema = z.strictObject({
  text: z
    .string()
    .min(1)
    .max(VERIFY_TEXT_MAX_CHARS)
    .describe("the text to check, e.g. a drafted letter or an AI answer (1 character to 200,000 characters)"),
});
export type VerifyInput = z.infer<typeof VerifyInputSchema>;

export const DiffOpSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("equal"), passage: z.string(), quote: z.string() }),
  z.object({ op: z.literal("changed"), passage: z.string(), quote: z.string() }),
  z.object({ op: z.literal("quote-only"), quote: z.string() }),
  z.object({ op: z.literal("passage-only"), passage: z.string() }),
  z.object({ op: z.literal("elided"), passage: z.string() }),
]);

export const QuoteMatchSchema = z.object({
  passageId: z.string(),
  sourceId: z.string(),
  /** The stored words the quotation corresponds to: a byte-exact substring of the passage. */
  matchedText: z.string(),
  similarity: z.number().min(0).max(1),
  adjustments: z.array(z.enum(["edge-ellipsis", "initial-case", "trailing-punctuation"])),
  wordsIdentical: z.boolean(),
  surfaceDifferences: z.array(z.string()),
  diff: z.array(DiffOpSchema),
  /** The diff as one line: [-stored words-] {+quoted words+} (…elided…). Empty for verbatim matches. */
  diffText: z.string(),
  citation: CitationSchema,
});
export type QuoteMatchOut = z.infer<typeof QuoteMatchSchema>;

export const QuoteStatusSchema = z.enum(["verbatim", "near-match", "not-found", "too-short-to-check"]);

export const QuoteFindingSchema = z.object({
  index: z.int().min(1),
  quote: z.string(),
  kind: z.enum(["double-straight", "double-curly", "single-curly", "block"]),
  line: z.int().min(1),
  offset: z.int().min(0),
  status: QuoteStatusSchema,
  matches: z
    .array(QuoteMatchSchema)
    .describe(
      "verbatim: every passage holding the words, in corpus order; near-match: up to 3, by similarity then passage id",
    ),
  note: z.string(),
});
export type QuoteFinding = z.infer<typeof QuoteFindingSchema>;

export const SupportSchema = z.enum(["supported", "partly-supported", "unsupported", "not-assessed"]);

export const ClaimFindingSchema = z.object({
  index: z.int().min(1),
  sentence: z.string(),
  line: z.int().min(1),
  offset: z.int().min(0),
  markers: z.array(z.string()),
  namedSources: z.array(z.object({ mention: z.string(), sourceIds: z.array(z.string()) })),
  unknownSources: z.array(z.string()),
  searched: z.enum(["named-sources", "earlier-named-sources", "whole-corpus"]),
  contentWords: z.array(z.string()),
  support: SupportSchema,
  bestPassages: z
    .array(
      z.object({
        passageId: z.string(),
        sourceId: z.string(),
        score: z.number().min(0).max(1),
        matchedWords: z.array(z.string()),
        missingWords: z.array(z.string()),
      }),
    )
    .describe("up to 3, by score then passage id"),
  note: z.string(),
});
export type ClaimFinding = z.infer<typeof ClaimFindingSchema>;

export const MetadataIssueSchema = z.object({
  kind: z.enum(["date-mismatch", "strength-mismatch", "direction-mismatch", "unknown-source"]),
  line: z.int().min(1),
  offset: z.int().min(0),
  mention: z.string(),
  sourceId: z.string().optional(),
  passageId: z.string().optional(),
  claimed: z.string(),
  recorded: z.string(),
  message: z.string(),
});
export type MetadataIssue = z.infer<typeof MetadataIssueSchema>;

export const VerificationSummarySchema = z.object({
  quotations: z.int(),
  verbatim: z.int(),
  nearMatch: z.int(),
  notFound: z.int(),
  tooShortToCheck: z.int(),
  /** True when every checkable quotation (more than two words) is verbatim in the corpus. */
  allQuotesVerified: z.boolean(),
  attributionClaims: z.int(),
  supportedClaims: z.int(),
  partlySupportedClaims: z.int(),
  unsupportedClaims: z.int(),
  metadataIssues: z.int(),
  unknownSources: z.int(),
});
export type VerificationSummary = z.infer<typeof VerificationSummarySchema>;

export const VerificationSchema = z.object({
  summary: VerificationSummarySchema,
  quotes: z.array(QuoteFindingSchema).describe("every quotation, in order of appearance"),
  attributionClaims: z
    .array(ClaimFindingSchema)
    .describe("sentences that attribute a claim to a source, in order"),
  metadataIssues: z.array(MetadataIssueSchema).describe("by position in the text, then kind"),
  heuristic: z.object({
    label: z.literal("heuristic"),
    method: z.string(),
    supportedMin: z.number(),
    partlySupportedMin: z.number(),
  }),
  corpusVersion: z.string(),
});
export type Verification = z.infer<typeof VerificationSchema>;
