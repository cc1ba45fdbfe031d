/** One chapter of the tabular list. */
export interface IcdChapter {
  number: number;
  range: string;
  title: string;
}

/** One block (section) of the tabular list, grouping blocks included. */
export interface IcdBlock {
  range: string;
  chapter: number;
  title: string;
}

export interface CategoryPlace {
  chapter: number;
  /** Block ranges holding the category, narrowest first. */
  blocks: string[];
}

/**
 * ICD-10-CM release in CMS order, kept as the imported text plus offsets: no per-code strings are
 * held (a few MB instead of tens), and lookups binary-search a code-sorted permutation.
 */
export class IcdTable {
  readonly size: number;
  readonly billable: Uint8Array;
  /** Indices of the 3-character categories, in CMS order. */
  readonly categories: number[] = [];
  private readonly starts: Int32Array;
  private readonly codeLengths: Uint8Array;
  private readonly titleEnds: Int32Array;
  private readonly sorted: Int32Array;

  constructor(
    private readonly text: string,
    readonly places: Map<string, CategoryPlace>,
    readonly chapters: Map<number, IcdChapter>,
    readonly blocks: Map<string, IcdBlock>,
  ) {
    let count = 0;
    for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) count++;
    this.size = count;
    this.billable = new Uint8Array(count);
    this.starts = new Int32Array(count);
    this.codeLengths = new Uint8Array(count);
    this.titleEnds = new Int32Array(count);
    let start = 0;
    for (let i = 0; i < count; i++) {
      const end = text.indexOf("\n", start);
      const tab1 = text.indexOf("\t", start);
      const tab2 = tab1 < 0 ? -1 : text.indexOf("\t", tab1 + 1);
      if (end < 0 || tab1 < 0 || tab2 !== tab1 + 2 || tab2 > end || tab1 - start < 3 || tab1 - start > 7) {
        throw new Error(
          `ICD-10-CM codes table line ${i + 1}: expected code, flag and title separated by tabs`,
        );
      }
      const tab3 = text.indexOf("\t", tab2 + 1);
      const titleEnd = tab3 >= 0 && tab3 < end ? tab3 : end;
      this.starts[i] = start;
      this.codeLengths[i] = tab1 - start;
      this.titleEnds[i] = titleEnd;
      this.billable[i] = text[tab1 + 1] === "1" ? 1 : 0;
      if (tab1 - start === 3) this.categories.push(i);
      if (titleEnd !== end) {
        const code = text.slice(start, tab1);
        const [chapter = "", blockList = ""] = text.slice(titleEnd + 1, end).split("\t");
        const place = { chapter: Number(chapter), blocks: blockList.split(",") };
        if (!chapters.has(place.chapter) || place.blocks.some((b) => !blocks.has(b))) {
          throw new Error(
            `ICD-10-CM codes table line ${i + 1}: category ${code} names an unknown chapter or block`,
          );
        }
        places.set(code, place);
      }
      start = end + 1;
    }
    // CMS order is nearly code order (C4A, Z3A... differ), so this sort is close to linear.
    this.sorted = new Int32Array(count);
    for (let i = 0; i < count; i++) this.sorted[i] = i;
    this.sorted.sort((a, b) => this.compareRows(a, b));
    for (let k = 1; k < count; k++) {
      if (this.compareRows(this.sorted[k - 1] ?? 0, this.sorted[k] ?? 0) === 0) {
        throw new Error(`ICD-10-CM codes table: code ${this.code(this.sorted[k] ?? 0)} appears twice`);
      }
    }
  }

  code(i: number): string {
    const start = this.starts[i] ?? 0;
    return this.text.slice(start, start + (this.codeLengths[i] ?? 0));
  }

  title(i: number): string {
    return this.text.slice((this.starts[i] ?? 0) + (this.codeLengths[i] ?? 0) + 3, this.titleEnds[i]);
  }

  /** Does the code at row i start with `prefix`? (No string is made.) */
  startsWith(i: number, prefix: string): boolean {
    if ((this.codeLengths[i] ?? 0) < prefix.length) return false;
    const start = this.starts[i] ?? 0;
    for (let k = 0; k < prefix.length; k++)
      if (this.text.charCodeAt(start + k) !== prefix.charCodeAt(k)) return false;
    return true;
  }

  private compareTo(i: number, code: string): number {
    const start = this.starts[i] ?? 0;
    const length = this.codeLengths[i] ?? 0;
    const n = Math.min(length, code.length);
    for (let k = 0; k < n; k++) {
      const d = this.text.charCodeAt(start + k) - code.charCodeAt(k);
      if (d !== 0) return d;
    }
    return length - code.length;
  }

  private compareRows(a: number, b: number): number {
    const sa = this.starts[a] ?? 0;
    const sb = this.starts[b] ?? 0;
    const la = this.codeLengths[a] ?? 0;
    const lb = this.codeLengths[b] ?? 0;
    for (let k = 0; k < la && k < lb; k++) {
      const d = this.text.charCodeAt(sa + k) - this.text.charCodeAt(sb + k);
      if (d !== 0) return d;
    }
    return la - lb;
  }

  /** Row of a code without its dot, or -1. */
  find(bare: string): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const d = this.compareTo(this.sorted[mid] ?? 0, bare);
      if (d === 0) return this.sorted[mid] ?? -1;
      if (d < 0) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  }
}

function tsvRows(text: string, file: string, minColumns: number): string[][] {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines.map((line, i) => {
    const cols = line.split("\t");
    if (cols.length < minColumns)
      throw new Error(`${file} line ${i + 1}: expected at least ${minColumns} tab-separated columns`);
    return cols;
  });
}

/** Parses the importer's ICD-10-CM codes, chapters and blocks tables (icd10cm-fy<year>*.tsv). */
export function parseIcdTable(codesText: string, chaptersText: string, blocksText: string): IcdTable {
  const chapters = new Map<number, IcdChapter>();
  for (const [n = "", first = "", last = "", title = ""] of tsvRows(
    chaptersText,
    "ICD-10-CM chapters table",
    4,
  )) {
    chapters.set(Number(n), { number: Number(n), range: `${first}-${last}`, title });
  }
  const blocks = new Map<string, IcdBlock>();
  for (const [first = "", last = "", chapter = "", title = ""] of tsvRows(
    blocksText,
    "ICD-10-CM blocks table",
    4,
  )) {
    const range = first === last ? first : `${first}-${last}`;
    blocks.set(range, { range, chapter: Number(chapter), title });
  }
  return new IcdTable(codesText, new Map(), chapters, blocks);
}

/** Index of the nearest existing ancestor (longest proper prefix of 3+ characters), or -1. */
export function ancestorIndex(table: IcdTable, bare: string): number {
  for (let n = bare.length - 1; n >= 3; n--) {
    const i = table.find(bare.slice(0, n));
    if (i >= 0) return i;
  }
  return -1;
}

/** Billable descendants of the code at `at` (the run right after it in CMS order), first `cap` of them, and their count. */
export function billableDescendants(
  table: IcdTable,
  at: number,
  cap: number,
): { first: number[]; total: number } {
  const prefix = table.code(at);
  const first: number[] = [];
  let total = 0;
  for (let j = at + 1; j < table.size && table.startsWith(j, prefix); j++) {
    if (table.billable[j] !== 1) continue;
    total++;
    if (first.length < cap) first.push(j);
  }
  return { first, total };
}
