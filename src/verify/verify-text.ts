import type { Corpus } from "../corpus/store.js";
import { checkClaims } from "./check-claims.js";
import { checkQuotes } from "./check-quotes.js";
import type { ClaimFinding, MetadataIssue, QuoteFinding, Verification } from "./schema.js";
import { PARTLY_SUPPORTED_MIN, SUPPORTED_MIN } from "./support-score.js";

export const HEURISTIC_METHOD =
  "Lexical support score = share of the claim's content words (stop words, attribution verbs, source names, " +
  "citation markers and years removed; crude suffix stemming) found in a passage of the named source(s), or of " +
  `the whole corpus when none is named. Supported at ${SUPPORTED_MIN} or more, partly supported at ` +
  `${PARTLY_SUPPORTED_MIN} or more, otherwise unsupported. It measures shared words, not meaning: a reviewer decides.`;

/**
 * A claim that quotes words the corpus does not contain is not supported, however many words it
 * shares with a passage: the attributed words themselves cannot be found.
 */
function withInventedQuotes(claims: ClaimFinding[], quotes: readonly QuoteFinding[]): ClaimFinding[] {
  return claims.map((claim) => {
    const end = claim.offset + claim.sentence.length;
    const invented = quotes.filter(
      (q) => q.status === "not-found" && q.offset >= claim.offset && q.offset < end,
    );
    if (invented.length === 0 || claim.support === "unsupported" || claim.support === "not-assessed")
      return claim;
    return {
      ...claim,
      support: "unsupported",
      note: `${claim.note} Overruled: the sentence quotes words that are not in the corpus (quotation ${invented
        .map((q) => q.index)
        .join(", ")}), so the claim is treated as unsupported.`,
    };
  });
}

/**
 * A claim that states the opposite direction, or another strength, than the passage it matches best
 * is not supported either: sharing words with a recommendation is not agreeing with it.
 */
function withContradictedStance(claims: ClaimFinding[], issues: readonly MetadataIssue[]): ClaimFinding[] {
  return claims.map((claim) => {
    const contradicted = issues.filter(
      (i) => (i.kind === "direction-mismatch" || i.kind === "strength-mismatch") && i.offset === claim.offset,
    );
    if (contradicted.length === 0 || claim.support === "unsupported" || claim.support === "not-assessed")
      return claim;
    return {
      ...claim,
      support: "unsupported",
      note: `${claim.note} Overruled: ${contradicted.map((i) => i.message).join("; ")}.`,
    };
  });
}

/** Check every quotation, attribution and stated source fact in a text against the corpus. */
export function verifyText(text: string, corpus: Corpus): Verification {
  const quotes = checkQuotes(text, corpus);
  const checked = checkClaims(text, corpus);
  const issues = checked.issues;
  const claims = withContradictedStance(withInventedQuotes(checked.claims, quotes), issues);
  const count = (status: string) => quotes.filter((q) => q.status === status).length;
  const support = (s: string) => claims.filter((c) => c.support === s).length;
  return {
    summary: {
      quotations: quotes.length,
      verbatim: count("verbatim"),
      nearMatch: count("near-match"),
      notFound: count("not-found"),
      tooShortToCheck: count("too-short-to-check"),
      allQuotesVerified: quotes.every((q) => q.status === "verbatim" || q.status === "too-short-to-check"),
      attributionClaims: claims.length,
      supportedClaims: support("supported"),
      partlySupportedClaims: support("partly-supported"),
      unsupportedClaims: support("unsupported"),
      metadataIssues: issues.length,
      unknownSources: issues.filter((i) => i.kind === "unknown-source").length,
    },
    quotes,
    attributionClaims: claims,
    metadataIssues: issues,
    heuristic: {
      label: "heuristic",
      method: HEURISTIC_METHOD,
      supportedMin: SUPPORTED_MIN,
      partlySupportedMin: PARTLY_SUPPORTED_MIN,
    },
    corpusVersion: corpus.version,
  };
}
