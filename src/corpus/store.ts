import { corpusDir } from "../util/package-root.js";
import { provenanceFor } from "./attribution.js";
import type { Citation } from "./citation.js";
import { formatCitation } from "./format-citation.js";
import { loadEvidence } from "./load-evidence.js";
import type { Corpus } from "./load-evidence.js";
import { locatorOf } from "./locator.js";

export type { Corpus } from "./load-evidence.js";
export type { Passage, Source } from "./schemas.js";
export { formatCitation } from "./format-citation.js";

/** Thrown when the corpus cannot be loaded; `problems` names every file and field at fault. */
export class CorpusLoadError extends Error {
  constructor(readonly problems: string[]) {
    super(`the evidence corpus failed to load:\n  - ${problems.join("\n  - ")}`);
    this.name = "CorpusLoadError";
  }
}

let cached: { dir: string; corpus: Corpus } | undefined;

/** The evidence corpus, loaded and validated once per corpus folder (MNM_CORPUS_DIR or the shipped corpus/). */
export function getCorpus(): Corpus {
  const dir = corpusDir();
  if (cached?.dir === dir) return cached.corpus;
  const { corpus, problems } = loadEvidence(dir);
  if (!corpus) throw new CorpusLoadError(problems);
  cached = { dir, corpus };
  return corpus;
}

/**
 * A checkable citation of a passage. `quote` defaults to the whole passage text; it must be a
 * non-empty byte-exact substring of the stored text, or this throws (never paraphrase a quote).
 */
export function citationFor(passageId: string, quote?: string): Citation {
  const corpus = getCorpus();
  const passage = corpus.passages.get(passageId);
  if (!passage) throw new Error(`unknown passage id "${passageId}"`);
  const source = corpus.sources.get(passage.sourceId);
  if (!source) throw new Error(`passage "${passageId}" names unknown source "${passage.sourceId}"`);
  const words = quote ?? passage.text;
  if (words.length === 0) throw new Error(`empty quote for passage "${passageId}"`);
  if (!passage.text.includes(words)) {
    throw new Error(`the quote is not a verbatim substring of passage "${passageId}"`);
  }
  return {
    passageId,
    sourceId: source.id,
    quote: words,
    locator: locatorOf(passage),
    provenance: provenanceFor(source, passage.provenance, passage.section),
    citation: formatCitation(source),
  };
}
