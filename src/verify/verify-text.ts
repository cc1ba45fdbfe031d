import type { Corpus } from "../corpus/store.js";
import { checkClaims } from "./check-claims.js";
import type { CompiledRules } from "./claim-rules.js";
import { CLAIM_RULES_FILE } from "./claim-rules.js";
import { checkQuotes } from "./check-quotes.js";
import { notCheckedMessage, VERIFY_LIMITS } from "./limits.js";
import { lineLocator } from "./mask-code.js";
import { extractQuotes } from "./quote-extraction.js";
import type { Verification } from "./schema.js";

/** What the claim check can and cannot establish: in every result and in the README. */
export const CAN_ESTABLISH = [
  "whether each quotation is verbatim in the corpus, and whose words it is (publisher, repository, unofficial copy, third-party summary)",
  "which sentences are attributed evidence claims and which are case facts, advice or the writer's reasoning (those are never judged)",
  "whether the direction, strength, certainty, intervention, population, figures and source year a claim states agree with the passages of the source it names (or of the whole corpus when it only carries a citation marker), with every difference named",
  "that a claim asserts something the corpus does not record (a source, a count, a certainty, an outcome), as opposed to something it contradicts",
];
export const CANNOT_ESTABLISH = [
  "whether a claim is true outside the corpus: the corpus holds excerpts, so 'not in the corpus' is not 'false'",
  "meaning beyond its rules: cue words, concepts and synonyms in corpus/verify/claim-rules.json; a paraphrase they do not know may be missed, and a claim that agrees on every parsed fact but adds wording the rules do not parse can pass",
  "which citation marker points to which reference: a bare marker ([1], ¹) is checked against the whole corpus",
  "whether a claim applies to the member: that is the evaluation's and the clinician's work",
];
export const TIE_BREAKER =
  "Lexical share of the claim's content words found in a passage (stop words, attribution verbs, source names, citation markers and years removed; crude stemming). A tie-breaker only: it orders passages the structured comparison ranks equal, and never decides a verdict.";

/** What a check reads: the evidence and the claim rules (the server's knowledge carries both). */
export interface VerifyKnowledge {
  corpus: Corpus;
  claimRules: CompiledRules;
}

/**
 * Check every quotation, attributed claim and stated source fact in a text against the corpus, in order
 * of appearance, up to the per-call limits (limits.ts); what lies beyond them is counted in `notChecked`.
 * Deterministic and offline.
 */
export function verifyText(text: string, { corpus, claimRules }: VerifyKnowledge): Verification {
  const extracted = extractQuotes(text);
  const long = extracted.filter((q) => q.tooLong);
  const checkable = extracted.filter((q) => !q.tooLong);
  const quoteCut = checkable[VERIFY_LIMITS.quotations]?.offset;
  const checked = checkQuotes(
    quoteCut === undefined ? checkable : checkable.filter((q) => q.offset < quoteCut),
    corpus,
  );
  const check = checkClaims(text, corpus, claimRules, checked, {
    sentences: VERIFY_LIMITS.sentences,
    ...(quoteCut !== undefined ? { stopAt: quoteCut } : {}),
    uncheckedQuotes: long.map((q) => q.offset),
  });
  // The check ends at the first quotation or sentence beyond a cap, whichever comes first.
  const cut = Math.min(quoteCut ?? Infinity, check.cutAt ?? Infinity);
  const quotes = checked.filter((q) => q.offset < cut);
  const claims = check.claims.filter((c) => c.offset < cut);
  const issues = check.issues.filter((i) => i.offset < cut);
  const quotesNotChecked = checkable.filter((q) => q.offset >= cut).length + long.length;
  const longSentences = check.tooLongAt.filter((o) => o < cut).length;
  const sentencesNotChecked = check.sentenceOffsets.filter((o) => o >= cut).length + longSentences;
  const tooLong = long.length + longSentences;
  const fromLine = Number.isFinite(cut) ? lineLocator(text)(cut) : undefined;
  const incomplete = quotesNotChecked > 0 || sentencesNotChecked > 0;
  const counts = {
    quotations: quotesNotChecked,
    sentences: sentencesNotChecked,
    tooLong,
    ...(fromLine !== undefined ? { fromLine } : {}),
  };
  const count = (status: string) => quotes.filter((q) => q.status === status).length;
  const verdicts = (v: string) => claims.filter((c) => c.verdict === v).length;
  return {
    summary: {
      quotations: quotes.length,
      verbatim: count("verbatim"),
      nearMatch: count("near-match"),
      notFound: count("not-found"),
      tooShortToCheck: count("too-short-to-check"),
      allQuotesVerified:
        quotesNotChecked === 0 &&
        quotes.every((q) => q.status === "verbatim" || q.status === "too-short-to-check"),
      attributedSentences: claims.length,
      evidenceClaims: claims.filter((c) => c.role === "evidence-claim").length,
      supportedClaims: verdicts("supported"),
      unsupportedClaims: verdicts("unsupported"),
      notInCorpusClaims: verdicts("not-in-corpus"),
      notEvidenceClaims: verdicts("not-an-evidence-claim"),
      metadataIssues: issues.length,
      unknownSources: issues.filter((i) => i.kind === "unknown-source").length,
      ...(incomplete
        ? { notCheckedQuotations: quotesNotChecked, notCheckedSentences: sentencesNotChecked }
        : {}),
    },
    ...(incomplete ? { notChecked: { ...counts, message: notCheckedMessage(counts) } } : {}),
    quotes,
    claims,
    metadataIssues: issues,
    method: {
      label: "rule-based",
      rules: `corpus/${CLAIM_RULES_FILE} version ${claimRules.version}`,
      canEstablish: CAN_ESTABLISH,
      cannotEstablish: CANNOT_ESTABLISH,
      tieBreaker: TIE_BREAKER,
    },
    corpusVersion: corpus.version,
  };
}
