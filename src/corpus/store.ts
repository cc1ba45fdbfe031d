import { provenanceFor } from "./attribution.js";
import type { Citation } from "./citation.js";
import { formatCitation } from "./format-citation.js";
import type { Corpus } from "./load-evidence.js";
import { locatorOf } from "./locator.js";
import type { Passage, Source } from "./schemas.js";

export type { Corpus } from "./load-evidence.js";
export type { Passage, Source } from "./schemas.js";
export { formatCitation } from "./format-citation.js";

/**
 * A checkable citation of a passage. `quote` defaults to the whole passage text; it must be a
 * non-empty byte-exact substring of the stored text, or this throws (never paraphrase a quote).
 */
export function citationFor(corpus: Corpus, passageId: string, quote?: string): Citation {
  const passage = corpus.passages.get(passageId);
  if (!passage) throw new Error(`unknown passage id "${passageId}"`);
  const source = corpus.sources.get(passage.sourceId);
  if (!source) throw new Error(`passage "${passageId}" names unknown source "${passage.sourceId}"`);
  const words = quote ?? passage.text;
  if (words.length === 0) throw new Error(`empty quote for passage "${passageId}"`);
  // The whole passage (what nearly every citation quotes) contains itself: only a part is searched for.
  if (words !== passage.text && !passage.text.includes(words)) {
    throw new Error(`the quote is not a verbatim substring of passage "${passageId}"`);
  }
  const whole = wholePassage(passageId, passage, source);
  return words === passage.text ? whole : { ...whole, quote: words };
}

/**
 * The citation of a whole passage, built once per loaded passage (a review cites the same few
 * passages many times); frozen, since every answer shares it.
 */
const wholeCitations = new WeakMap<Passage, Citation>();

function wholePassage(passageId: string, passage: Passage, source: Source): Citation {
  let citation = wholeCitations.get(passage);
  if (!citation) {
    citation = Object.freeze({
      passageId,
      sourceId: source.id,
      quote: passage.text,
      locator: locatorOf(passage),
      provenance: provenanceFor(source, passage.provenance, passage.section),
      citation: formatCitation(source),
    });
    wholeCitations.set(passage, citation);
  }
  return citation;
}
