import { citationFor, type Corpus } from "../corpus/store.js";
import { VERIFY_LIMITS } from "./limits.js";
import type { ExtractedQuote } from "./quote-extraction.js";
import { matchQuote, MAX_SHORT_WORDS, NEAR_MATCH_MIN, type QuoteMatch } from "./quote-matching.js";
import type { QuoteFinding, QuoteMatchOut } from "./schema.js";
import { renderDiff } from "./word-diff.js";

const ADJUSTMENT_WORDS: Record<string, string> = {
  "edge-ellipsis": "an ellipsis at an end",
  "initial-case": "the case of the first letter",
  "trailing-punctuation": "punctuation placed inside the closing quotation mark",
};

function withCitation(match: QuoteMatch, corpus: Corpus): QuoteMatchOut {
  const passage = corpus.passages.get(match.passageId)!;
  return {
    passageId: match.passageId,
    sourceId: passage.sourceId,
    matchedText: match.matchedText,
    similarity: match.similarity,
    adjustments: match.adjustments,
    wordsIdentical: match.wordsIdentical,
    surfaceDifferences: match.surfaceDifferences,
    diff: match.diff,
    diffText: renderDiff(match.diff),
    citation: citationFor(corpus, match.passageId, match.matchedText),
  };
}

function cautionOf(matches: readonly QuoteMatchOut[]): string {
  const cautions = [
    ...new Set(
      matches.flatMap((m) => (m.citation.provenance.caution ? [m.citation.provenance.caution] : [])),
    ),
  ];
  return cautions.length ? ` Caution: ${cautions.join("; ")}.` : "";
}

function noteFor(
  status: QuoteFinding["status"],
  matches: readonly QuoteMatchOut[],
  alsoFoundIn: readonly string[] = [],
): string {
  const first = matches[0];
  switch (status) {
    case "too-short-to-check":
      return `${MAX_SHORT_WORDS} words or fewer: too short to attribute to a passage (a term or scare quote), not a failure.`;
    case "not-found":
      return "Not found in the corpus: do not present these words as a quotation of any corpus source.";
    case "verbatim": {
      const adjusted = first && first.adjustments.length > 0;
      const how = adjusted
        ? `verbatim except for ${first.adjustments.map((a) => ADJUSTMENT_WORDS[a] ?? a).join(" and ")} (a quoting convention that changes no word)`
        : "verbatim";
      const where = [...matches.map((m) => m.passageId), ...alsoFoundIn].join(", ");
      return `Found ${how} in ${where}; whose words: ${first?.citation.provenance.attribution ?? ""}.${cautionOf(matches)}`;
    }
    case "near-match": {
      if (!first) return "";
      const kind = first.wordsIdentical
        ? `the same words, differing only in ${first.surfaceDifferences.join(", ") || "elided words"}`
        : `${Math.round(first.similarity * 100)}% of words agree (near-match threshold ${NEAR_MATCH_MIN * 100}%); the words differ`;
      return `Not verbatim. Closest: ${first.passageId}, ${kind}. Quote the stored words instead: ${first.matchedText}.${cautionOf(matches)}`;
    }
  }
}

/**
 * Check the given quotations (extracted by extractQuotes, in order) against every passage. A verbatim
 * quotation lists its first VERIFY_LIMITS.verbatimMatchesListed passages with their citation and the
 * rest by id (alsoFoundIn), so that one common phrase cannot multiply the answer.
 */
export function checkQuotes(quotes: readonly ExtractedQuote[], corpus: Corpus): QuoteFinding[] {
  const passages = [...corpus.passages.values()];
  const seen = new Map<string, ReturnType<typeof matchQuote>>();
  return quotes.map((q, i) => {
    const result = seen.get(q.text) ?? matchQuote(q.text, passages);
    seen.set(q.text, result);
    const listed = result.matches.slice(0, VERIFY_LIMITS.verbatimMatchesListed);
    const alsoFoundIn = result.matches.slice(listed.length).map((m) => m.passageId);
    const matches = listed.map((m) => withCitation(m, corpus));
    return {
      index: i + 1,
      quote: q.text,
      kind: q.kind,
      line: q.line,
      offset: q.offset,
      status: result.status,
      matches,
      ...(alsoFoundIn.length ? { alsoFoundIn } : {}),
      note: noteFor(result.status, matches, alsoFoundIn),
    };
  });
}
