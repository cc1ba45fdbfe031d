import { z } from "zod";
import { NOTE_KINDS, NoteSetSchema } from "../src/codes/icd-notes-schema.js";
import type { NoteSet, ShippedNotes } from "../src/codes/icd-notes-schema.js";

/** An input file the importer rejects; the message names the file position and what was expected. */
export class ImportError extends Error {}

export interface OrderEntry {
  order: number;
  code: string;
  billable: boolean;
  longTitle: string;
}

const OrderEntrySchema = z.strictObject({
  order: z.int().positive(),
  code: z
    .string()
    .regex(/^[A-Z][0-9A-Z]{2}[0-9A-Z]{0,4}$/, "expected an ICD-10-CM code of 3 to 7 characters"),
  billable: z.boolean(),
  longTitle: z
    .string()
    .min(1, "expected a long title")
    .regex(/^[^\t\r\n]*[^\s]$/, "expected a long title without tabs or trailing blanks"),
});

/** Lines of a text file, CRLF or LF, without a trailing empty line. */
export function textLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/**
 * One line of the CDC order file (1-based columns): 1-5 order number, 7-13 code without dot,
 * 15 flag (1 billable, 0 header), 17-76 short title, 78- long title.
 */
export function parseOrderLine(line: string, lineNumber: number): OrderEntry {
  const where = `order file line ${lineNumber}`;
  if (line.length < 78 || line[5] !== " " || line[13] !== " " || line[15] !== " " || line[76] !== " ") {
    throw new ImportError(
      `${where}: expected the fixed-width order-file layout (78+ characters, blanks at 6, 14, 16, 77)`,
    );
  }
  const orderText = line.slice(0, 5);
  const flag = line[14];
  if (!/^\d{5}$/.test(orderText))
    throw new ImportError(`${where}: expected a 5-digit order number, found "${orderText}"`);
  if (flag !== "0" && flag !== "1")
    throw new ImportError(`${where}: expected flag 0 or 1 in column 15, found "${flag}"`);
  const parsed = OrderEntrySchema.safeParse({
    order: Number(orderText),
    code: line.slice(6, 13).trimEnd(),
    billable: flag === "1",
    longTitle: line.slice(77),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ImportError(`${where}: ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}

/**
 * The whole order file, checked: order numbers increase, codes are unique, every code below a
 * category sits directly after its nearest existing ancestor's run, and billable codes have no children.
 */
export function parseOrderFile(text: string): OrderEntry[] {
  const entries = textLines(text).map((line, i) => parseOrderLine(line, i + 1));
  if (entries.length === 0) throw new ImportError("order file: no entries");
  const seen = new Set<string>();
  const open: OrderEntry[] = [];
  entries.forEach((entry, i) => {
    const where = `order file line ${i + 1} (${entry.code})`;
    const previous = entries[i - 1];
    if (previous && entry.order <= previous.order)
      throw new ImportError(`${where}: order numbers must increase`);
    if (seen.has(entry.code)) throw new ImportError(`${where}: duplicate code`);
    seen.add(entry.code);
    while (open.length > 0 && !entry.code.startsWith(open[open.length - 1]?.code ?? "")) open.pop();
    const parent = open.at(-1);
    if (parent?.billable)
      throw new ImportError(`${where}: follows billable code ${parent.code}, which cannot have children`);
    if (entry.code.length > 3) {
      const ancestor = nearestAncestor(entry.code, seen);
      if (ancestor === undefined) throw new ImportError(`${where}: no ancestor code precedes it`);
      if (ancestor !== parent?.code)
        throw new ImportError(`${where}: not inside the run of its ancestor ${ancestor}`);
    } else if (parent) {
      throw new ImportError(`${where}: a category cannot sit below ${parent.code}`);
    }
    open.push(entry);
  });
  return entries;
}

function nearestAncestor(code: string, known: Set<string>): string | undefined {
  for (let n = code.length - 1; n >= 3; n--) {
    const prefix = code.slice(0, n);
    if (known.has(prefix)) return prefix;
  }
  return undefined;
}

/** RFC 4180 CSV: quoted fields may hold commas and doubled quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (quoted) throw new ImportError("CSV: unterminated quoted field");
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export interface Chapter {
  number: number;
  first: string;
  last: string;
  title: string;
}

export interface Block {
  first: string;
  last: string;
  chapter: number;
  title: string;
}

const Category = z.string().regex(/^[A-Z][0-9A-Z]{2}$/);
const ChapterRow = z.tuple([z.string().regex(/^\d{1,2}$/), z.string().min(1)]);
const SectionRow = z.tuple([
  z.string().regex(/^[A-Z][0-9A-Z]{2}(-[A-Z][0-9A-Z]{2})?$/),
  z.string().regex(/^\d{1,2}$/),
  z.string().min(1),
]);

function csvRows<T>(text: string, header: string, row: z.ZodType<T>, file: string): T[] {
  const [head, ...rows] = parseCsv(text);
  if (head?.join(",") !== header)
    throw new ImportError(`${file}: expected the header "${header}", found "${head?.join(",") ?? ""}"`);
  return rows.map((r, i) => {
    const parsed = row.safeParse(r);
    if (!parsed.success)
      throw new ImportError(
        `${file} row ${i + 2}: ${parsed.error.issues[0]?.message ?? "invalid"} (${r.join(",")})`,
      );
    return parsed.data;
  });
}

/** The chapters CSV (`chapter,description`); each description ends with its range, e.g. "(M00-M99)". */
export function parseChapters(text: string): Chapter[] {
  return csvRows(text, "chapter,description", ChapterRow, "chapters CSV").map(([number, title], i) => {
    const range = /\(([A-Z0-9]{3})-([A-Z0-9]{3})\)$/.exec(title);
    if (!range?.[1] || !range[2] || !Category.safeParse(range[1]).success) {
      throw new ImportError(
        `chapters CSV row ${i + 2}: expected the description to end with a range like "(M00-M99)"`,
      );
    }
    return { number: Number(number), first: range[1], last: range[2], title };
  });
}

/** The sections CSV (`section_range,chapter,description`), grouping sections included. */
export function parseSections(text: string): Block[] {
  return csvRows(text, "section_range,chapter,description", SectionRow, "sections CSV").map(
    ([range, chapter, title]) => {
      const [first = "", last = first] = range.split("-");
      if (last < first) throw new ImportError(`sections CSV: range ${range} ends before it starts`);
      return { first, last, chapter: Number(chapter), title };
    },
  );
}

export interface CategoryPlace {
  chapter: number;
  /** Ranges of the blocks holding the category, narrowest first (e.g. M50-M54, then M40-M54). */
  blocks: string[];
}

export function rangeKey(first: string, last: string): string {
  return first === last ? first : `${first}-${last}`;
}

/**
 * Places every category in its chapter and blocks. Ranges follow the order file: a range spans
 * the order-file positions of its endpoints and of the all-digit categories between them in
 * ASCII order, so C4A (between C43 and C44) is in C43-C44, Z3A in Z30-Z39, J45 in J40-J4A, and
 * D3A not in D37-D48. The narrowest block comes first.
 */
export function placeCategories(
  entries: OrderEntry[],
  chapters: Chapter[],
  blocks: Block[],
): Map<string, CategoryPlace> {
  const categories = entries.filter((e) => e.code.length === 3).map((e) => e.code);
  const members = (first: string, last: string): Set<string> => {
    const anchors: number[] = [];
    categories.forEach((c, i) => {
      if (c === first || c === last || (/^.\d\d$/.test(c) && first <= c && c <= last)) anchors.push(i);
    });
    const start = Math.min(...anchors);
    const end = Math.max(...anchors);
    return new Set(categories.filter((_, i) => start <= i && i <= end));
  };
  const chapterNumbers = new Set(chapters.map((c) => c.number));
  for (const block of blocks) {
    if (!chapterNumbers.has(block.chapter))
      throw new ImportError(
        `sections CSV: block ${rangeKey(block.first, block.last)} names unknown chapter ${block.chapter}`,
      );
  }
  const chapterSets = chapters.map((c) => ({ chapter: c.number, set: members(c.first, c.last) }));
  const blockSets = blocks.map((b) => ({
    block: b,
    range: rangeKey(b.first, b.last),
    set: members(b.first, b.last),
  }));
  const places = new Map<string, CategoryPlace>();
  for (const code of categories) {
    const inChapters = chapterSets.filter(({ set }) => set.has(code));
    const chapter = inChapters[0]?.chapter;
    if (inChapters.length !== 1 || chapter === undefined)
      throw new ImportError(`category ${code}: lies in ${inChapters.length} chapters, expected 1`);
    const holding = blockSets.filter(({ set }) => set.has(code)).sort((a, b) => a.set.size - b.set.size);
    if (holding.length === 0) throw new ImportError(`category ${code}: lies in no block of the sections CSV`);
    if (holding.some(({ block }) => block.chapter !== chapter))
      throw new ImportError(`category ${code}: a block holding it belongs to another chapter`);
    const sizes = holding.map(({ set }) => set.size);
    if (sizes.some((size, i) => i > 0 && size === sizes[i - 1]))
      throw new ImportError(`category ${code}: two blocks of the same size hold it`);
    places.set(code, { chapter, blocks: holding.map(({ range }) => range) });
  }
  return places;
}

const noteShape = Object.fromEntries(
  NOTE_KINDS.map((k) => [k, NoteSetSchema.shape[k]]),
) as typeof NoteSetSchema.shape;

const ExcerptSchema = z.strictObject({
  _about: z.string().optional(),
  fiscalYear: z.int(),
  chapters: z.record(z.string(), z.string()),
  sections: z.record(
    z.string(),
    z.strictObject({
      chapter: z.string(),
      desc: z.string(),
      parentGroup: z.string().optional(),
      _note: z.string().optional(),
      ...noteShape,
    }),
  ),
  codes: z.record(
    z.string().regex(/^[A-Z][0-9A-Z]{2}(\.[0-9A-Z]{1,4})?$/),
    z.strictObject({
      section: z.string(),
      desc: z.string(),
      placeholder: z.boolean().optional(),
      ...noteShape,
    }),
  ),
});

function noteSet(source: Record<string, unknown>): NoteSet {
  const picked = Object.fromEntries(
    NOTE_KINDS.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]),
  );
  return NoteSetSchema.parse(picked);
}

/**
 * The tabular-notes excerpt JSON, checked against the order file (every code exists with the
 * same long title) and the sections (every block exists with the same title).
 */
export function parseNotesExcerpt(
  text: string,
  entries: OrderEntry[],
  blocks: Block[],
  fiscalYear: number,
): ShippedNotes {
  const parsed = ExcerptSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ImportError(`notes JSON: ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}`);
  }
  const excerpt = parsed.data;
  if (excerpt.fiscalYear !== fiscalYear) {
    throw new ImportError(
      `notes JSON: fiscal year ${excerpt.fiscalYear} does not match the order file's FY${fiscalYear}; pass a notes file of the same release or --icd-notes none`,
    );
  }
  const titles = new Map(entries.map((e) => [e.code, e.longTitle]));
  const blockTitles = new Map(blocks.map((b) => [rangeKey(b.first, b.last), b.title]));
  const codes: Record<string, NoteSet> = {};
  for (const key of Object.keys(excerpt.codes).sort()) {
    const entry = excerpt.codes[key];
    if (!entry) continue;
    const title = titles.get(key.replace(".", ""));
    if (title !== entry.desc)
      throw new ImportError(
        `notes JSON: code ${key} is "${entry.desc}" but the order file has ${title === undefined ? "no such code" : `"${title}"`}`,
      );
    codes[key] = noteSet(entry);
  }
  const sectionBlocks: Record<string, NoteSet> = {};
  for (const key of Object.keys(excerpt.sections).sort()) {
    const section = excerpt.sections[key];
    if (!section) continue;
    if (blockTitles.get(key) !== section.desc)
      throw new ImportError(
        `notes JSON: section ${key} "${section.desc}" is not a block of the sections CSV`,
      );
    // A section carrying a _note was listed without its notes being read: not shipped, so not "complete".
    if (section._note === undefined) sectionBlocks[key] = noteSet(section);
  }
  const ranges = Object.keys(sectionBlocks).join(", ");
  return {
    fiscalYear,
    coverage:
      `Notes of ${Object.keys(codes).length} listed codes and the block notes of ${ranges}, transcribed from the ICD-10-CM FY${fiscalYear} tabular list; chapter-level notes are not included. ` +
      `A code's notes are complete below chapter level only when its block, the code and each of its ancestors are listed; elsewhere, no notes means "not available", not "none".`,
    blocks: sectionBlocks,
    codes,
  };
}

/**
 * The committed ICD-10-CM table in CMS order: code (no dot), flag, long title; category lines add
 * the chapter number and the comma-separated block ranges, narrowest first.
 */
export function icdTsv(entries: OrderEntry[], places: Map<string, CategoryPlace>): string {
  return entries
    .map((e) => {
      const place = places.get(e.code);
      const extra = place ? `\t${place.chapter}\t${place.blocks.join(",")}` : "";
      return `${e.code}\t${e.billable ? 1 : 0}\t${e.longTitle}${extra}\n`;
    })
    .join("");
}

export function chaptersTsv(chapters: Chapter[]): string {
  return chapters.map((c) => `${c.number}\t${c.first}\t${c.last}\t${c.title}\n`).join("");
}

export function blocksTsv(blocks: Block[]): string {
  return blocks.map((b) => `${b.first}\t${b.last}\t${b.chapter}\t${b.title}\n`).join("");
}
