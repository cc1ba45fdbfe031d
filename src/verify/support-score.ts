import type { Corpus } from "../corpus/store.js";
import { STOPWORDS, stem } from "./stems.js";
import { tokenize } from "./tokens.js";

/**
 * The transparent lexical support score (a heuristic, not a judgement of meaning):
 *   score = (content words of the claim found in the passage) / (content words of the claim)
 * Content words are the claim's words minus stop words, attribution verbs, source names, citation markers
 * and years, each reduced by stem() and counted once. A passage supports a claim at SUPPORTED_MIN or more,
 * partly at PARTLY_SUPPORTED_MIN or more; below that no passage supports it.
 */
export const SUPPORTED_MIN = 0.6;
export const PARTLY_SUPPORTED_MIN = 0.45;
/** Claims with fewer content words than this are not scored (too little to compare). */
export const MIN_CONTENT_WORDS = 3;

export interface Span {
  start: number;
  end: number;
}

export interface PassageScore {
  passageId: string;
  score: number;
  matchedWords: string[];
  missingWords: string[];
}

const YEAR = /^(?:19|20)\d{2}$/;
const NON_CLAIM_PHRASES = /\bclinical practice guidelines?\b|\bsynthes[ie]s\b|\bet al\b/gi;

function contentStems(text: string, exclude: readonly Span[] = []): string[] {
  const spans = [...exclude];
  for (const m of text.matchAll(NON_CLAIM_PHRASES))
    spans.push({ start: m.index, end: m.index + m[0].length });
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of tokenize(text)) {
    if (spans.some((s) => t.start < s.end && s.start < t.end)) continue;
    const lower = t.norm;
    if (lower.length < 2 || STOPWORDS.has(lower) || YEAR.test(lower) || !/[\p{L}\p{N}]/u.test(lower))
      continue;
    const s = stem(lower);
    if (STOPWORDS.has(s) || seen.has(s)) continue;
    seen.add(s);
    out.push(s);
  }
  return out;
}

/** The claim's content words (stems), in order of appearance, each once. */
export function claimWords(sentence: string, exclude: readonly Span[]): string[] {
  return contentStems(sentence, exclude);
}

const passageIndexes = new WeakMap<Corpus, Map<string, Set<string>>>();

function passageStems(corpus: Corpus): Map<string, Set<string>> {
  const cached = passageIndexes.get(corpus);
  if (cached) return cached;
  const index = new Map<string, Set<string>>();
  for (const passage of corpus.passages.values()) index.set(passage.id, new Set(contentStems(passage.text)));
  passageIndexes.set(corpus, index);
  return index;
}

/** Score the claim against the given passages; best first (score, then passage id). */
export function scorePassages(
  words: readonly string[],
  passageIds: readonly string[],
  corpus: Corpus,
): PassageScore[] {
  const index = passageStems(corpus);
  const out: PassageScore[] = [];
  for (const passageId of passageIds) {
    const stems = index.get(passageId);
    if (!stems || words.length === 0) continue;
    const matchedWords = words.filter((w) => stems.has(w));
    out.push({
      passageId,
      score: Math.round((matchedWords.length / words.length) * 1000) / 1000,
      matchedWords,
      missingWords: words.filter((w) => !stems.has(w)),
    });
  }
  return out.sort((a, b) => b.score - a.score || a.passageId.localeCompare(b.passageId));
}
