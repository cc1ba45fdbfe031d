/**
 * Citation markers in a sentence: [1], [2, 3], superscripts ¹², an author-year reference such as
 * (Busse 2025) or (Busse et al., 2025), and bare reference numbers as chat answers print them
 * ("…spine pain 1", "…approach 2, 3.", "…spondyloarthropathy 1, and while…").
 */
export interface Marker {
  text: string;
  start: number;
  end: number;
  /** For author-year markers: the name and the year. */
  author?: string;
  year?: number;
}

const BRACKETED = /\[(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\]/g;
const SUPERSCRIPT = /[¹²³⁴⁵⁶⁷⁸⁹⁰]+(?:[,˒][¹²³⁴⁵⁶⁷⁸⁹⁰]+)*/g;
const AUTHOR_YEAR =
  /\(([A-Z][\p{L}'’&-]+)(?:\s+(?:et al\.?|and [A-Z][\p{L}'’-]+|& [A-Z][\p{L}'’-]+))?,?\s+((?:19|20)\d{2})[a-z]?\)/gu;
const BARE = /(?<=[\p{L}"”’)])[ \t]+(\d{1,2}(?:,[ \t]*\d{1,2})*)(?=[ \t]*(?:[.;:][ \t]*$|$|,[ \t]+\p{Ll}))/gu;

/** Words after which a small number is a quantity, not a reference. */
const QUANTITY_WORDS = new Set(
  (
    "than of to aged age over under about approximately around at in for by from last within after before " +
    "page p pp grade level levels type stage step number no vs and or least most up only every each per " +
    "week weeks month months year years day days hour hours score chapter chapters section sections part " +
    "parts article articles paragraph item items table tables figure figures appendix line lines version rule"
  ).split(" "),
);

export function findMarkers(sentence: string): Marker[] {
  const out: Marker[] = [];
  for (const m of sentence.matchAll(BRACKETED))
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  for (const m of sentence.matchAll(SUPERSCRIPT))
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  for (const m of sentence.matchAll(AUTHOR_YEAR)) {
    out.push({
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
      author: m[1] ?? "",
      year: Number(m[2]),
    });
  }
  for (const m of sentence.matchAll(BARE)) {
    const before =
      /([\p{L}]+)\W*$/u.exec(sentence.slice(Math.max(0, m.index - 40), m.index))?.[1]?.toLowerCase() ?? "";
    if (QUANTITY_WORDS.has(before)) continue;
    const lead = m[0].length - m[0].trimStart().length;
    out.push({ text: m[1] ?? "", start: m.index + lead, end: m.index + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}
