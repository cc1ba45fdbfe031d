import type { Source } from "../corpus/store.js";

/**
 * The year a text gives a source next to its name: "the 2020 NICE guideline", "BMJ 2025",
 * "Busse et al. 2025", "NICE (2016)".
 */
export function yearNextTo(
  sentence: string,
  start: number,
  end: number,
): { year: number; phrase: string } | undefined {
  const noun = /^\s+(?:guidelines?|guidance|quality standard|review|network meta-analysis|policy)\b/.exec(
    sentence.slice(end),
  );
  const nounEnd = end + (noun?.[0].length ?? 0);
  const before = /\b((?:19|20)\d{2})\s+(?:[A-Z][\p{L}&]*\s+)?$/u.exec(sentence.slice(0, start));
  if (before?.[1]) return { year: Number(before[1]), phrase: sentence.slice(before.index, nounEnd) };
  const after = /^(?:['’]s)?(?:\s+et al\.?)?,?\s*\(?((?:19|20)\d{2})\b\)?/.exec(sentence.slice(end));
  if (after?.[1]) return { year: Number(after[1]), phrase: sentence.slice(start, end + after[0].length) };
  return undefined;
}

export interface DateProblem {
  sourceId: string;
  claimed: string;
  recorded: string;
  message: string;
}

function describe(source: Source): string {
  const extra = source.versionOrEffective ? `; version ${source.versionOrEffective}` : "";
  return `publication year ${source.year ?? "not recorded"} (recorded as "${source.published}"${extra})`;
}

/**
 * A year that is not the source's publication year is a date mismatch. When the year is a later update or
 * revision the corpus records, the message says so: calling NG59 "the 2020 NICE guideline" names its
 * update year, not the year it was published.
 */
export function checkYear(
  year: number,
  candidates: readonly Source[],
  mention: string,
): DateProblem | undefined {
  const dated = candidates.filter((s) => s.year !== undefined);
  if (dated.length === 0 || dated.some((s) => s.year === year)) return undefined;
  const source = dated[0]!;
  const recordedText = `${source.published} ${source.versionOrEffective ?? ""}`;
  const laterEvent = new RegExp(`\\b${year}\\b`).test(recordedText);
  const name = source.shortTitle ?? source.title;
  const message = laterEvent
    ? `date mismatch: the text says "${mention}", but ${name} was published in ${source.year} ` +
      `(recorded as "${source.published}"); ${year} is a later update or revision, not its publication year`
    : `date mismatch: the text gives year ${year} for "${mention}", but the corpus records ${name} with ${describe(source)}`;
  return { sourceId: source.id, claimed: String(year), recorded: describe(source), message };
}
