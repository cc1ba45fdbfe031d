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

/** ICD-10-CM FY release in CMS order, as parallel arrays (compact and fast to scan). */
export interface IcdTable {
  codes: string[];
  billable: Uint8Array;
  titles: string[];
  index: Map<string, number>;
  places: Map<string, CategoryPlace>;
  chapters: Map<number, IcdChapter>;
  blocks: Map<string, IcdBlock>;
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

/** Parses the importer's icd10cm.tsv, chapters and blocks files. */
export function parseIcdTable(codesText: string, chaptersText: string, blocksText: string): IcdTable {
  const chapters = new Map<number, IcdChapter>();
  for (const [n = "", first = "", last = "", title = ""] of tsvRows(
    chaptersText,
    "icd10cm-chapters.tsv",
    4,
  )) {
    chapters.set(Number(n), { number: Number(n), range: `${first}-${last}`, title });
  }
  const blocks = new Map<string, IcdBlock>();
  for (const [first = "", last = "", chapter = "", title = ""] of tsvRows(
    blocksText,
    "icd10cm-blocks.tsv",
    4,
  )) {
    const range = first === last ? first : `${first}-${last}`;
    blocks.set(range, { range, chapter: Number(chapter), title });
  }
  // Scanned with indexOf rather than split: ~100k lines, and little garbage keeps resident memory low.
  let count = 0;
  for (let at = codesText.indexOf("\n"); at >= 0; at = codesText.indexOf("\n", at + 1)) count++;
  const codes: string[] = new Array<string>(count);
  const titles: string[] = new Array<string>(count);
  const billable = new Uint8Array(count);
  const index = new Map<string, number>();
  const places = new Map<string, CategoryPlace>();
  let start = 0;
  for (let i = 0; i < count; i++) {
    const end = codesText.indexOf("\n", start);
    const tab1 = codesText.indexOf("\t", start);
    const tab2 = tab1 < 0 ? -1 : codesText.indexOf("\t", tab1 + 1);
    if (end < 0 || tab1 < 0 || tab2 < 0 || tab2 > end || tab2 !== tab1 + 2) {
      throw new Error(`icd10cm.tsv line ${i + 1}: expected code, flag and title separated by tabs`);
    }
    const code = codesText.slice(start, tab1);
    const tab3 = codesText.indexOf("\t", tab2 + 1);
    const titleEnd = tab3 >= 0 && tab3 < end ? tab3 : end;
    codes[i] = code;
    titles[i] = codesText.slice(tab2 + 1, titleEnd);
    billable[i] = codesText[tab1 + 1] === "1" ? 1 : 0;
    index.set(code, i);
    if (titleEnd !== end) {
      const [chapter = "", blockList = ""] = codesText.slice(titleEnd + 1, end).split("\t");
      const place = { chapter: Number(chapter), blocks: blockList.split(",") };
      if (!chapters.has(place.chapter) || place.blocks.some((b) => !blocks.has(b))) {
        throw new Error(`icd10cm.tsv line ${i + 1}: category ${code} names an unknown chapter or block`);
      }
      places.set(code, place);
    }
    start = end + 1;
  }
  return { codes, billable, titles, index, places, chapters, blocks };
}

/** Index of the nearest existing ancestor (longest proper prefix of 3+ characters), or -1. */
export function ancestorIndex(table: IcdTable, bare: string): number {
  for (let n = bare.length - 1; n >= 3; n--) {
    const i = table.index.get(bare.slice(0, n));
    if (i !== undefined) return i;
  }
  return -1;
}

/** Billable descendants of the code at `at` (the run right after it in CMS order), first `cap` of them, and their count. */
export function billableDescendants(
  table: IcdTable,
  at: number,
  cap: number,
): { first: number[]; total: number } {
  const prefix = table.codes[at] ?? "";
  const first: number[] = [];
  let total = 0;
  for (let j = at + 1; j < table.codes.length && (table.codes[j] ?? "").startsWith(prefix); j++) {
    if (table.billable[j] !== 1) continue;
    total++;
    if (first.length < cap) first.push(j);
  }
  return { first, total };
}
