import { FUNCTION_WORDS } from "../util/stop-words.js";
export interface SearchHit {
  doc: number;
  /** Query words matched, as a whole word or as a word prefix. */
  matched: number;
  /** Query words matched as a whole word. */
  exact: number;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** Calls `visit` with each lower-case word of letters and digits; diacritics and possessive 's removed. */
export function eachToken(text: string, visit: (word: string) => void): void {
  let plain = text.toLowerCase();
  if (/[\u0080-\uffff]/.test(plain)) plain = plain.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  let start = -1;
  for (let i = 0; i <= plain.length; i++) {
    const c = i < plain.length ? plain.charCodeAt(i) : 32;
    if (isWordChar(c)) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) visit(plain.slice(start, i));
    start = -1;
    // Possessive: skip the s of "'s" / "’s" when a word boundary follows it.
    if ((c === 39 || c === 0x2019) && plain.charCodeAt(i + 1) === 115 && !isWordChar(plain.charCodeAt(i + 2)))
      i++;
  }
}

/** Lower-case words of letters and digits; diacritics and possessive 's removed. */
export function tokenize(text: string): string[] {
  const words: string[] = [];
  eachToken(text, (w) => words.push(w));
  return words;
}

/** The distinct words a query searches for, in first-seen order. */
export function queryWords(query: string): string[] {
  const words = [...new Set(tokenize(query))];
  const content = words.filter((w) => !FUNCTION_WORDS.has(w));
  return content.length > 0 ? content : words;
}

/**
 * Inverted index over descriptions (docs are numbered 0..count-1). Ranking: more query words
 * matched first; then more of them matched as whole words (a query word of 3+ characters also
 * matches as a word prefix); then the shorter description; then the code. Postings live in one
 * typed array and scratch arrays are allocated once, so memory stays small and a query
 * allocates little beyond its hits.
 */
export class SearchIndex {
  private readonly wordIds = new Map<string, number>();
  private readonly vocabulary: string[];
  private readonly offsets: Int32Array;
  private readonly postings: Int32Array;
  private readonly lengths: Uint16Array;
  private readonly stamp: Int32Array;
  private readonly matched: Uint8Array;
  private readonly exact: Uint8Array;

  constructor(
    count: number,
    textOf: (doc: number) => string,
    private readonly codeOf: (doc: number) => string,
  ) {
    // Two passes over the texts (count, then fill) keep the build free of large temporary arrays.
    const lastDoc: number[] = [];
    const counts: number[] = [];
    this.lengths = new Uint16Array(count);
    const eachWord = (visit: (id: number, doc: number) => void): void => {
      lastDoc.fill(-1);
      for (let doc = 0; doc < count; doc++) {
        eachToken(textOf(doc), (word) => {
          let id = this.wordIds.get(word);
          if (id === undefined) {
            id = this.wordIds.size;
            this.wordIds.set(word, id);
            lastDoc.push(-1);
            counts.push(0);
          }
          if (lastDoc[id] === doc) return;
          lastDoc[id] = doc;
          visit(id, doc);
        });
      }
    };
    eachWord((id) => counts[id]!++);
    this.offsets = new Int32Array(this.wordIds.size + 1);
    counts.forEach((n, id) => (this.offsets[id + 1] = (this.offsets[id] ?? 0) + n));
    const fill = this.offsets.slice(0, this.wordIds.size);
    this.postings = new Int32Array(this.offsets[this.wordIds.size] ?? 0);
    eachWord((id, doc) => (this.postings[fill[id]!++] = doc));
    for (let doc = 0; doc < count; doc++) this.lengths[doc] = Math.min(textOf(doc).length, 65535);
    this.vocabulary = [...this.wordIds.keys()].sort();
    this.stamp = new Int32Array(count).fill(-1);
    this.matched = new Uint8Array(count);
    this.exact = new Uint8Array(count);
  }

  private list(word: string): Int32Array | undefined {
    const id = this.wordIds.get(word);
    return id === undefined ? undefined : this.postings.subarray(this.offsets[id], this.offsets[id + 1]);
  }

  /** Words of the vocabulary that start with `prefix` (excluding `prefix` itself). */
  private extensions(prefix: string): string[] {
    let lo = 0;
    let hi = this.vocabulary.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.vocabulary[mid] ?? "") < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < this.vocabulary.length; i++) {
      const word = this.vocabulary[i] ?? "";
      if (!word.startsWith(prefix)) break;
      if (word !== prefix) out.push(word);
    }
    return out;
  }

  private better(a: number, b: number): boolean {
    const { matched, exact, lengths } = this;
    if (matched[a] !== matched[b]) return (matched[a] ?? 0) > (matched[b] ?? 0);
    if (exact[a] !== exact[b]) return (exact[a] ?? 0) > (exact[b] ?? 0);
    if (lengths[a] !== lengths[b]) return (lengths[a] ?? 0) < (lengths[b] ?? 0);
    const ca = this.codeOf(a);
    const cb = this.codeOf(b);
    return ca !== cb ? ca < cb : a < b;
  }

  /** The best `limit` hits in rank order, and how many docs matched at least one word. */
  search(words: string[], limit: number): { hits: SearchHit[]; total: number } {
    const touched: number[] = [];
    words.forEach((word, w) => {
      const visit = (list: Int32Array | undefined, whole: boolean): void => {
        if (!list) return;
        for (const doc of list) {
          if (this.stamp[doc] === w) continue;
          if (this.stamp[doc] === -1) touched.push(doc);
          this.stamp[doc] = w;
          this.matched[doc] = (this.matched[doc] ?? 0) + 1;
          if (whole) this.exact[doc] = (this.exact[doc] ?? 0) + 1;
        }
      };
      visit(this.list(word), true);
      if (word.length >= 3) for (const longer of this.extensions(word)) visit(this.list(longer), false);
    });
    const top: number[] = [];
    for (const doc of touched) {
      if (top.length === limit && !this.better(doc, top[limit - 1] ?? 0)) continue;
      let at = top.length;
      while (at > 0 && this.better(doc, top[at - 1] ?? 0)) at--;
      top.splice(at, 0, doc);
      if (top.length > limit) top.pop();
    }
    const hits = top.map((doc) => ({ doc, matched: this.matched[doc] ?? 0, exact: this.exact[doc] ?? 0 }));
    for (const doc of touched) {
      this.stamp[doc] = -1;
      this.matched[doc] = 0;
      this.exact[doc] = 0;
    }
    return { hits, total: touched.length };
  }
}
