import { z } from "zod";
import { CitationSchema } from "../corpus/citation.js";
import {
  CertaintyLevelSchema,
  DirectionValueSchema,
  SentenceRoleSchema,
  StrengthValueSchema,
} from "./claim-rules-schema.js";

export const VERIFY_TEXT_MAX_CHARS = 200_000;

export const VerifyInputSchema = z.strictObject({
  text: z.string().min(1).max(VERIFY_TEXT_MAX_CHARS).describe("the text to check"),
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
      "verbatim: the passages holding the words, in corpus order (up to 3; further ones in alsoFoundIn); near-match: up to 3, by similarity then passage id",
    ),
  alsoFoundIn: z
    .array(z.string())
    .optional()
    .describe("verbatim: further passages holding the same words, by id (citeGuideline reads them)"),
  note: z.string(),
});
export type QuoteFinding = z.infer<typeof QuoteFindingSchema>;

export const VerdictSchema = z.enum(["supported", "unsupported", "not-in-corpus", "not-an-evidence-claim"]);
export type Verdict = z.infer<typeof VerdictSchema>;

export const FieldSchema = z.enum([
  "direction",
  "strength",
  "certainty",
  "intervention",
  "population",
  "outcome",
  "number",
  "date",
  "quotation",
  "source",
  "wording",
]);

export const DifferenceSchema = z.object({
  field: FieldSchema,
  claimed: z.string(),
  recorded: z.string(),
  message: z.string(),
});

export const AbsenceSchema = z.object({ field: FieldSchema, claimed: z.string(), message: z.string() });

export const StatedSchema = z
  .object({
    direction: DirectionValueSchema.optional(),
    strength: StrengthValueSchema.optional(),
    certainty: z.array(CertaintyLevelSchema),
    about: z
      .array(z.string())
      .describe("what the claim is about (interventions, sites, populations, outcomes)"),
    excludes: z.array(z.string()),
    figures: z.array(z.string()),
  })
  .describe("what the claim states, as parsed by the rules");

export const TieBreakSchema = z
  .array(
    z.object({
      passageId: z.string(),
      score: z.number().min(0).max(1),
    }),
  )
  .describe(
    "TIE-BREAKER ONLY: the lexical share of the claim's words found in each of the closest passages (up to 3, in the order the comparison ranks them); it orders passages the structured comparison ranks equal and never decides a verdict",
  );

export const ClaimPartSchema = z.object({
  text: z.string(),
  role: SentenceRoleSchema,
  /** The role rule that decided (an id in corpus/verify/claim-rules.json), or "attributed". */
  roleRule: z.string(),
  verdict: VerdictSchema,
  stated: StatedSchema.optional(),
  passage: z
    .object({
      passageId: z.string(),
      sourceId: z.string(),
      /** Other passages of the same source that state the rest of the claim (its population, its procedure). */
      alsoSupportedBy: z.array(z.string()).optional(),
      matchingWords: z.array(z.string()),
      recorded: z
        .object({
          direction: z.string().optional(),
          strength: z.string().optional(),
          certainty: z.string().optional(),
        })
        .describe("what the corpus records for the passage (its population and intervention: citeGuideline)"),
      caution: z.string().optional(),
    })
    .optional()
    .describe(
      "the passage the claim was compared with (for a supported claim: the passage that supports it)",
    ),
  differences: z
    .array(DifferenceSchema)
    .describe("what the passage says otherwise: each makes the claim unsupported"),
  notInCorpus: z.array(AbsenceSchema).describe("what the claim asserts that the corpus does not record"),
  tieBreak: TieBreakSchema,
});
export type ClaimPart = z.infer<typeof ClaimPartSchema>;

export const ClaimFindingSchema = z.object({
  index: z.int().min(1),
  sentence: z.string(),
  line: z.int().min(1),
  offset: z.int().min(0),
  markers: z.array(z.string()),
  namedSources: z.array(z.object({ mention: z.string(), sourceIds: z.array(z.string()) })),
  unknownSources: z.array(z.string()),
  searched: z.enum(["cited-passages", "named-sources", "earlier-named-sources", "whole-corpus", "none"]),
  role: SentenceRoleSchema.describe("evidence-claim when any part of the sentence is one"),
  verdict: VerdictSchema.describe(
    "worst verdict of the sentence's evidence-claim parts (unsupported, then not-in-corpus, then supported)",
  ),
  parts: z
    .array(ClaimPartSchema)
    .describe("the claims the sentence makes, split at citation markers and clause breaks"),
  fix: z.string().optional().describe("for an unsupported or not-in-corpus claim: what to change"),
  note: z.string(),
});
export type ClaimFinding = z.infer<typeof ClaimFindingSchema>;

export const MetadataIssueSchema = z.object({
  kind: z.enum(["date-mismatch", "unknown-source"]),
  line: z.int().min(1),
  offset: z.int().min(0),
  mention: z.string(),
  sourceId: z.string().optional(),
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
  /** Sentences that name a source or carry a citation marker (each listed in `claims`). */
  attributedSentences: z.int(),
  evidenceClaims: z.int(),
  supportedClaims: z.int(),
  unsupportedClaims: z.int(),
  notInCorpusClaims: z.int(),
  /** Case facts, advice and the writer's reasoning: listed, never judged. */
  notEvidenceClaims: z.int(),
  metadataIssues: z.int(),
  unknownSources: z.int(),
  /** Present only when the check is incomplete (see `notChecked`). */
  notCheckedQuotations: z
    .int()
    .min(0)
    .optional()
    .describe("quotations beyond the per-call limits, not checked"),
  notCheckedSentences: z
    .int()
    .min(0)
    .optional()
    .describe("sentences beyond the per-call limits, not read for claims"),
});
export type VerificationSummary = z.infer<typeof VerificationSummarySchema>;

export const NotCheckedSchema = z
  .object({
    quotations: z.int().min(0).describe("quotations not checked"),
    sentences: z
      .int()
      .min(0)
      .describe("sentences not read for claims: every sentence from fromLine on, and long ones anywhere"),
    tooLong: z
      .int()
      .min(0)
      .describe(
        "of these, quotations and sentences longer than 1,000 characters (or holding such a quotation), skipped wherever they are",
      ),
    fromLine: z
      .int()
      .min(1)
      .optional()
      .describe(
        "where a per-call cap (100 quotations, 100 attributed sentences, 2,000 sentences read) was reached: nothing from this line on was checked",
      ),
    message: z.string().describe("what was not checked and what to do: split the text and check each part"),
  })
  .describe(
    "Present only when the check is incomplete: nothing counted here is verified, supported or unsupported; split the text and check each part.",
  );
export type NotCheckedOut = z.infer<typeof NotCheckedSchema>;

export const NotListedSchema = z
  .object({ quotations: z.int().min(0), claims: z.int().min(0), sourceIssues: z.int().min(0) })
  .describe(
    "Checked (and counted in summary) but not listed in this view, to keep the answer small: the summary view lists failures only; split the text to see every finding.",
  );

export const VerificationSchema = z.object({
  summary: VerificationSummarySchema,
  notChecked: NotCheckedSchema.optional(),
  quotes: z.array(QuoteFindingSchema).describe("every quotation, in order of appearance"),
  claims: z
    .array(ClaimFindingSchema)
    .describe(
      "sentences that name a source or carry a citation marker, in order, each with its role and verdict",
    ),
  metadataIssues: z.array(MetadataIssueSchema).describe("by position in the text, then kind"),
  method: z.object({
    label: z.literal("rule-based"),
    rules: z.string().describe("the rules file and its version"),
    canEstablish: z.array(z.string()),
    cannotEstablish: z.array(z.string()),
    tieBreaker: z.string(),
  }),
  corpusVersion: z.string(),
});
export type Verification = z.infer<typeof VerificationSchema>;
