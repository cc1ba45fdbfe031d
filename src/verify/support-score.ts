import type { Corpus } from "../corpus/store.js";
import { stem } from "../util/stem.js";
import { CLAIM_STOP_WORDS } from "../util/stop-words.js";
import { tokenize } from "./tokens.js";
import { byCodeUnit } from "../util/code-unit-order.js";

/**
 * The lexical share, a TIE-BREAKER of the claim check (never a verdict):
 *   score = (content words of the claim found in the passage) / (content words of the claim)
 * Content words are the claim's words minus stop words, attribution verbs, source names, citation markers
 * and years, each reduced by stem() and counted once. It orders passages that the structured comparison
 * ranks equal, and is the containment test for claims in which the rules parse nothing.
 */

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
  // Spans sorted by start and walked with the tokens: linear, however many markers a text carries.
  spans.sort((a, b) => a.start - b.start);
  let at = 0;
  let reach = -1;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of tokenize(text)) {
    while (at < spans.length && spans[at]!.start < t.end) {
      reach = Math.max(reach, spans[at]!.end);
      at++;
    }
    if (reach > t.start) continue;
    const lower = t.norm;
    if (lower.length < 2 || CLAIM_STOP_WORDS.has(lower) || YEAR.test(lower) || !/[\p{L}\p{N}]/u.test(lower))
      continue;
    const s = stem(lower);
    if (CLAIM_STOP_WORDS.has(s) || seen.has(s)) continue;
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
  return out.sort((a, b) => b.score - a.score || byCodeUnit(a.passageId, b.passageId));
}
