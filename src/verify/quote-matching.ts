import { alignWords, type DiffOp } from "./word-diff.js";
import { tokenize, wordCount, type Token } from "./tokens.js";
import { byCodeUnit } from "../util/code-unit-order.js";

/**
 * How a quotation compares with the stored passages.
 *
 * - verbatim: the quotation is a byte-exact substring of a passage, allowing only the conventions of
 *   quoting that change no word: a changed case of the first letter ("all or nearly all…" quoting "All or
 *   nearly all…"), sentence punctuation placed inside the closing mark, and an ellipsis at either end.
 *   Each such allowance is listed in `adjustments`; `matchedText` is always the exact stored words.
 * - near-match: the best-aligned passage stretch shares at least NEAR_MATCH_MIN of its words (after
 *   normalising case, whitespace, dashes, quote marks and ellipses); the word-level diff shows the rest.
 * - not-found: neither.
 * - too-short-to-check: MAX_SHORT_WORDS words or fewer (scare quotes, single terms).
 */
export type QuoteStatus = "verbatim" | "near-match" | "not-found" | "too-short-to-check";
export type Adjustment = "initial-case" | "trailing-punctuation" | "edge-ellipsis";

export const MAX_SHORT_WORDS = 2;
export const NEAR_MATCH_MIN = 0.75;
const MAX_NEAR_MATCHES = 3;
/** Longer quotations are checked for verbatim matches only (bounds the alignment cost). */
const MAX_ALIGN_TOKENS = 400;

export interface MatchablePassage {
  id: string;
  text: string;
}

export interface QuoteMatch {
  passageId: string;
  /** The stored words this quotation corresponds to: always a byte-exact substring of the passage. */
  matchedText: string;
  /** Share of words that agree: 1 for verbatim matches. */
  similarity: number;
  adjustments: Adjustment[];
  /** Near matches: true when every word agrees and only case, spacing, dashes, quote marks or punctuation differ. */
  wordsIdentical: boolean;
  surfaceDifferences: string[];
  diff: DiffOp[];
}

export interface QuoteMatchResult {
  status: QuoteStatus;
  matches: QuoteMatch[];
}

interface Variant {
  text: string;
  adjustments: Adjustment[];
}

function swapInitialCase(s: string): string {
  const first = s.charAt(0);
  const swapped = first === first.toUpperCase() ? first.toLowerCase() : first.toUpperCase();
  return swapped + s.slice(1);
}

/** The quotation as written, then with the allowed quoting conventions undone, fewest allowances first. */
function variants(quote: string): Variant[] {
  const out: Variant[] = [{ text: quote, adjustments: [] }];
  const noEllipsis = quote
    .replace(/^(?:…|\.\.\.|\[(?:…|\.\.\.)\])\s*/, "")
    .replace(/\s*(?:…|\.\.\.|\[(?:…|\.\.\.)\])$/, "");
  if (noEllipsis !== quote && noEllipsis.length > 0)
    out.push({ text: noEllipsis, adjustments: ["edge-ellipsis"] });
  for (const base of [...out]) {
    const trimmed = base.text.replace(/[.,;:!?]+$/, "");
    if (trimmed !== base.text && trimmed.length > 0)
      out.push({ text: trimmed, adjustments: [...base.adjustments, "trailing-punctuation"] });
  }
  for (const base of [...out]) {
    const swapped = swapInitialCase(base.text);
    if (swapped !== base.text)
      out.push({ text: swapped, adjustments: [...base.adjustments, "initial-case"] });
  }
  return out.sort((a, b) => a.adjustments.length - b.adjustments.length);
}

function verbatimMatches(quote: string, passages: readonly MatchablePassage[]): QuoteMatch[] {
  const all = variants(quote);
  const matches: QuoteMatch[] = [];
  for (const passage of passages) {
    const variant = all.find((v) => passage.text.includes(v.text));
    if (!variant) continue;
    matches.push({
      passageId: passage.id,
      matchedText: variant.text,
      similarity: 1,
      adjustments: [...variant.adjustments].sort(),
      wordsIdentical: true,
      surfaceDifferences: [],
      diff: [],
    });
  }
  return matches;
}

const SEPARATOR_CLASSES: [RegExp, string][] = [
  [/[-‐‑‒–—―]/, "dashes"],
  [/["“”'‘’«»]/, "quote marks"],
  [/…|\.\.\./, "ellipses"],
  [/\s/, "whitespace"],
  [/[^\s\-‐‑‒–—―"“”'‘’«»…]/, "punctuation"],
];

/** What differs between aligned words that agree after normalisation, by category. */
function surfaceDifferences(
  quote: string,
  passage: string,
  q: Token[],
  p: Token[],
  pairs: [number, number][],
): string[] {
  const found = new Set<string>();
  for (const [qi, pi] of pairs) {
    const a = q[qi]!.raw;
    const b = p[pi]!.raw;
    if (a === b) continue;
    if (a.toLowerCase() === b.toLowerCase()) found.add("letter case");
    else found.add("quote marks");
  }
  for (let k = 1; k < pairs.length; k++) {
    const [qa, pa] = pairs[k - 1]!;
    const [qb, pb] = pairs[k]!;
    if (qb !== qa + 1 || pb !== pa + 1) continue;
    const sq = quote.slice(q[qa]!.end, q[qb]!.start);
    const sp = passage.slice(p[pa]!.end, p[pb]!.start);
    if (sq === sp) continue;
    const differing = [...new Set([...sq, ...sp])].filter((c) => sq.split(c).length !== sp.split(c).length);
    for (const [re, name] of SEPARATOR_CLASSES) if (differing.some((c) => re.test(c))) found.add(name);
    if (/…|\.\.\./.test(sq) !== /…|\.\.\./.test(sp)) found.add("ellipses");
  }
  return [...found].sort();
}

interface TokenizedPassage {
  text: string;
  tokens: Token[];
  words: Set<string>;
}

/** A passage's tokens, computed once per passage object (passages are immutable once loaded). */
const tokenized = new WeakMap<MatchablePassage, TokenizedPassage>();

function tokensOf(passage: MatchablePassage): TokenizedPassage {
  let t = tokenized.get(passage);
  if (!t || t.text !== passage.text) {
    const tokens = tokenize(passage.text);
    t = { text: passage.text, tokens, words: new Set(tokens.map((x) => x.norm)) };
    tokenized.set(passage, t);
  }
  return t;
}

function nearMatches(q: Token[], quote: string, passages: readonly MatchablePassage[]): QuoteMatch[] {
  if (q.length === 0 || q.length > MAX_ALIGN_TOKENS) return [];
  const distinct = new Set(q.map((t) => t.norm));
  const out: QuoteMatch[] = [];
  for (const passage of passages) {
    const { tokens: p, words: present } = tokensOf(passage);
    let shared = 0;
    for (const w of distinct) if (present.has(w)) shared++;
    if (shared < distinct.size * NEAR_MATCH_MIN) continue;
    const a = alignWords(q, p);
    if (!a || a.matched === 0) continue;
    const span = a.passageTo - a.passageFrom + 1 - a.elided;
    const similarity = a.matched / Math.max(q.length, span);
    if (similarity < NEAR_MATCH_MIN) continue;
    const wordsIdentical = a.ops.every((op) => op.op === "equal" || op.op === "elided");
    out.push({
      passageId: passage.id,
      matchedText: passage.text.slice(p[a.passageFrom]!.start, p[a.passageTo]!.end),
      similarity: Math.round(similarity * 1000) / 1000,
      adjustments: [],
      wordsIdentical,
      surfaceDifferences: wordsIdentical
        ? [
            ...surfaceDifferences(quote, passage.text, q, p, a.pairs),
            ...(a.elided > 0 ? ["elided words"] : []),
          ].sort()
        : [],
      diff: a.ops,
    });
  }
  return out
    .sort((x, y) => y.similarity - x.similarity || byCodeUnit(x.passageId, y.passageId))
    .slice(0, MAX_NEAR_MATCHES);
}

/** Compare one quotation with every passage. Passages are given in a stable order (by id). */
export function matchQuote(quote: string, passages: readonly MatchablePassage[]): QuoteMatchResult {
  const q = tokenize(quote);
  if (wordCount(q) <= MAX_SHORT_WORDS) return { status: "too-short-to-check", matches: [] };
  const verbatim = verbatimMatches(quote, passages);
  if (verbatim.length > 0) return { status: "verbatim", matches: verbatim };
  const near = nearMatches(q, quote, passages);
  if (near.length > 0) return { status: "near-match", matches: near };
  return { status: "not-found", matches: [] };
}
