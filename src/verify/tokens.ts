/**
 * Word tokens for comparing quotations with passages. A token keeps its place in the original string,
 * so a match can be reported as the exact stored words.
 *
 * Normalisation (what "same words" means): letter case, apostrophe form (' or ’), and everything between
 * words (whitespace, dashes, quote marks, other punctuation) are ignored. Comparison symbols and percent
 * signs stay tokens because they change meaning ("≥3 months").
 */
export interface Token {
  /** Normalised form used for comparison. */
  norm: string;
  /** The token exactly as written. */
  raw: string;
  start: number;
  end: number;
  /** True when an ellipsis (…, ..., [...]) stands right before this token. */
  afterEllipsis: boolean;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*|[≥≤<>%+=]/gu;
const ELLIPSIS = /…|\.\.\.|\[(?:…|\.\.\.)\]/;

export function normaliseWord(raw: string): string {
  return raw.normalize("NFKC").toLowerCase().replace(/’/g, "'");
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    const gap = text.slice(previousEnd, start);
    tokens.push({
      norm: normaliseWord(m[0]),
      raw: m[0],
      start,
      end: start + m[0].length,
      afterEllipsis: ELLIPSIS.test(gap),
    });
    previousEnd = start + m[0].length;
  }
  return tokens;
}

/** True when the text ends with an ellipsis after its last word (an elided tail). */
export function endsWithEllipsis(text: string): boolean {
  return /(?:…|\.\.\.|\[(?:…|\.\.\.)\])\s*$/.test(text);
}

/** Number of word tokens (symbols excluded): used for the "too short to check" rule. */
export function wordCount(text: string | readonly Token[]): number {
  return (typeof text === "string" ? tokenize(text) : text).filter((t) => /[\p{L}\p{N}]/u.test(t.raw)).length;
}
