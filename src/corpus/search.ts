import MiniSearch from "minisearch";
import type { Corpus } from "./load-evidence.js";
import type { Direction, Passage, Source, SourceType } from "./schemas.js";
import { analyse } from "./text-analysis.js";

export interface SearchFilters {
  direction?: Direction | undefined;
  /** Words that must all appear (after synonym expansion) in the passage's intervention field. */
  intervention?: string | undefined;
  sourceType?: SourceType | undefined;
  /** Inclusive publication-year range; sources without a known year are excluded when either is set. */
  publishedFrom?: number | undefined;
  publishedTo?: number | undefined;
}

export interface SearchHit {
  passage: Passage;
  score: number;
}

/**
 * Ranking: MiniSearch BM25+ over the fields below with these weights (the quote itself counts most).
 * Authority-aware boost, applied once per passage: a passage that states a position (direction
 * for / against / conditional) is a recommendation or coverage statement, and ranks 1.25x above a
 * neutral one (scope, methods, definitions) that matches equally well. Source type is not boosted:
 * which source governs is a policy decision, not a search one.
 */
const FIELD_BOOST = { text: 3, intervention: 2, section: 1.5, population: 1, sourceTitle: 1, organisation: 0.5 };
const STANCE_BOOST = 1.25;
/** Prefix matching for longer words only ("recommend" finds "recommendations"), at half weight. */
const PREFIX_MIN_LENGTH = 5;

interface IndexedPassage {
  id: string;
  text: string;
  section: string;
  intervention: string;
  population: string;
  sourceTitle: string;
  organisation: string;
}

function indexFor(corpus: Corpus): MiniSearch<IndexedPassage> {
  const index = new MiniSearch<IndexedPassage>({
    idField: "id",
    fields: Object.keys(FIELD_BOOST),
    storeFields: [],
    tokenize: analyse,
    processTerm: (term) => term,
  });
  const documents: IndexedPassage[] = [];
  for (const passage of corpus.passages.values()) {
    const source = corpus.sources.get(passage.sourceId);
    documents.push({
      id: passage.id,
      text: passage.text,
      section: passage.section,
      intervention: passage.intervention ?? "",
      population: passage.population ?? "",
      sourceTitle: [source?.title, source?.shortTitle].filter(Boolean).join(" "),
      organisation: source?.organisation ?? "",
    });
  }
  index.addAll(documents);
  return index;
}

const indexes = new WeakMap<Corpus, MiniSearch<IndexedPassage>>();

function indexOf(corpus: Corpus): MiniSearch<IndexedPassage> {
  let index = indexes.get(corpus);
  if (!index) indexes.set(corpus, (index = indexFor(corpus)));
  return index;
}

/** Whether a passage (and its source) passes every filter given. */
export function matchesFilters(passage: Passage, source: Source | undefined, filters: SearchFilters): boolean {
  if (filters.direction && passage.direction !== filters.direction) return false;
  if (filters.sourceType && source?.type !== filters.sourceType) return false;
  if (filters.publishedFrom !== undefined || filters.publishedTo !== undefined) {
    const year = source?.year;
    if (year === undefined) return false;
    if (filters.publishedFrom !== undefined && year < filters.publishedFrom) return false;
    if (filters.publishedTo !== undefined && year > filters.publishedTo) return false;
  }
  if (filters.intervention !== undefined) {
    const wanted = analyse(filters.intervention);
    const have = new Set(analyse(passage.intervention ?? ""));
    if (wanted.length === 0 || !wanted.every((t) => have.has(t))) return false;
  }
  return true;
}

/** Scores are rounded so that ties are real ties, broken by passage id (deterministic order). */
function rounded(score: number): number {
  return Math.round(score * 1e4) / 1e4;
}

/** Every passage matching the query and filters, best first (score descending, then id ascending). */
export function searchPassages(corpus: Corpus, query: string, filters: SearchFilters = {}): SearchHit[] {
  const hits = indexOf(corpus).search(query, {
    combineWith: "OR",
    boost: FIELD_BOOST,
    prefix: (term) => !term.startsWith("~") && term.length >= PREFIX_MIN_LENGTH,
    weights: { prefix: 0.5, fuzzy: 0 },
    fuzzy: false,
  });
  const results: SearchHit[] = [];
  for (const hit of hits) {
    const passage = corpus.passages.get(String(hit.id));
    if (!passage || !matchesFilters(passage, corpus.sources.get(passage.sourceId), filters)) continue;
    const boost = passage.direction && passage.direction !== "neutral" ? STANCE_BOOST : 1;
    results.push({ passage, score: rounded(hit.score * boost) });
  }
  return results.sort((a, b) => b.score - a.score || (a.passage.id < b.passage.id ? -1 : 1));
}
