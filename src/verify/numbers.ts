import type { CompiledRules } from "./claim-rules.js";
import { findConcepts } from "./concepts.js";
import { normaliseTerm } from "./match-text.js";

/** A figure a text gives: its value, its unit when one follows it, and what it is about. */
export interface NumberFact {
  value: number;
  unit?: string;
  /** Days, for durations (so 12 months = 1 year). */
  days?: number;
  text: string;
  /** Concepts named in the words right after the figure ("two studies [of] SI joint pain"). */
  about: string[];
  /** "at least 75%" is a min, "no more than four sessions" a max; a negation before the bound reverses it. */
  bound?: Bound;
}

export type Bound = "min" | "max";

const BOUND_WINDOW = 160;
const DIGITS = /\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?/g;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/g;
const RANGE_LINK = /^\s*(?:-|–|to|or)\s*$/i;
const WORD = /[\p{L}%]+|\d[\d,.]*/gu;
/** Words that end the noun phrase after a figure. */
const LINKING = new Set(
  "of with per in for to are is was were be and or over after since between from lasting at within before than that which who have has had".split(
    " ",
  ),
);

function numberWordPattern(rules: CompiledRules): RegExp {
  const words = [...rules.numberWords.keys()].sort((a, b) => b.length - a.length).join("|");
  return new RegExp(`\\b(${words})(?:[- ](${words}))?\\b`, "gi");
}

const wordPatterns = new WeakMap<CompiledRules, RegExp>();

interface RawNumber {
  value: number;
  start: number;
  end: number;
  unitAttached?: string;
  /** Written as a word ("three"), not in digits. */
  word?: boolean;
}

function rawNumbers(text: string, rules: CompiledRules): RawNumber[] {
  const out: RawNumber[] = [];
  const dates = [...text.matchAll(ISO_DATE)].map((m) => [m.index, m.index + m[0].length] as const);
  for (const m of text.matchAll(DIGITS)) {
    const start = m.index;
    const end = start + m[0].length;
    if (dates.some(([a, b]) => start < b && a < end)) continue;
    const before = text.slice(Math.max(0, start - 2), start);
    // Codes and names: L5, NG59, J1100, M53.3, CMM-203, 16s, 2nd.
    if (/\p{L}$/u.test(before) || /\p{L}-$/u.test(before) || /[#.]$/.test(before)) continue;
    if (/^[\p{L}\d]/u.test(text.slice(end, end + 1)) && !/^%/.test(text.slice(end))) continue;
    const value = Number(m[0].replace(/,/g, ""));
    out.push({ value, start, end, ...(text[end] === "%" ? { unitAttached: "%" } : {}) });
  }
  let words = wordPatterns.get(rules);
  if (!words) {
    words = numberWordPattern(rules);
    wordPatterns.set(rules, words);
  }
  for (const m of text.matchAll(words)) {
    const a = rules.numberWords.get((m[1] ?? "").toLowerCase()) ?? 0;
    const b = m[2] ? (rules.numberWords.get(m[2].toLowerCase()) ?? 0) : 0;
    out.push({ value: a + b, start: m.index, end: m.index + m[0].length, word: true });
  }
  return out.sort((x, y) => x.start - y.start);
}

/**
 * The figures of a text, each with the unit word that follows it; in a range ("10 to 12 weeks", "40-50%")
 * both ends take the unit. Years (1900-2100) and five-digit codes without a unit are not figures.
 */
export function findNumbers(original: string, rules: CompiledRules): NumberFact[] {
  const text = withoutRestatedNumerals(original, rules);
  const raws = rawNumbers(text, rules);
  const units: (string | undefined)[] = raws.map((r, i) => {
    if (r.unitAttached) return "%";
    const stop = raws[i + 1]?.start ?? text.length;
    const clause = text.slice(r.end, stop).split(/[;.(),]/)[0] ?? "";
    // The unit is the last unit word of the noun phrase after the figure ("six therapeutic SI joint
    // injection sessions" → sessions), read up to five words or a linking word.
    let unit: string | undefined;
    let n = 0;
    for (const w of clause.matchAll(WORD)) {
      const key = w[0] === "%" ? "%" : normaliseTerm(w[0]);
      if (LINKING.has(key) || ++n > 5) break;
      if (rules.units.has(key)) unit = key;
    }
    return unit;
  });
  // Ranges: the first end takes the unit of the second.
  for (let i = 0; i + 1 < raws.length; i++) {
    const a = raws[i]!;
    const b = raws[i + 1]!;
    if (!units[i] && units[i + 1] && RANGE_LINK.test(text.slice(a.end, b.start))) units[i] = units[i + 1];
  }
  const out: NumberFact[] = [];
  raws.forEach((r, i) => {
    const key = units[i];
    const unit = key ? rules.units.get(key) : undefined;
    const isYear =
      Number.isInteger(r.value) && r.value >= 1900 && r.value <= 2100 && unit?.unit !== "percent";
    // A five-digit number written without a thousands separator is a code (CPT 64625), whatever follows it.
    const isCode =
      /^\d{5,}$/.test(text.slice(r.start, r.end)) || (Number.isInteger(r.value) && r.value >= 10000 && !unit);
    // "one" is a figure only when it counts something ("one month", not "the previous one").
    if (isYear || isCode || (r.word && r.value === 1 && !unit)) return;
    // A bound, its fillers and a negation before it lie within a few words of the figure.
    const bound = boundOf(text.slice(Math.max(0, r.start - BOUND_WINDOW), r.start), rules);
    const window = text
      .slice(r.end, raws[i + 1]?.start ?? text.length)
      .split(/[;.]/)[0]
      ?.split(/\s+/)
      .slice(0, 7)
      .join(" ");
    const about = [...findConcepts(window ?? "", rules)]
      .filter(([, p]) => p === "included")
      .map(([id]) => id)
      .sort();
    out.push({
      value: r.value,
      text: text.slice(r.start, r.end),
      about,
      ...(unit ? { unit: unit.unit } : {}),
      ...(unit?.days ? { days: r.value * unit.days } : {}),
      ...(bound ? { bound } : {}),
    });
  });
  return out;
}

/** "three (3) months", "four (4) sessions": the numeral in parentheses restates the word and is blanked. */
function withoutRestatedNumerals(text: string, rules: CompiledRules): string {
  return text.replace(
    /\b([A-Za-z]+)(\s*\((\d{1,3})\))/g,
    (m: string, word: string, restated: string, digits: string) =>
      rules.numberWords.get(word.toLowerCase()) === Number(digits) ? word + " ".repeat(restated.length) : m,
  );
}

/** The bound the words before a figure put on it, reversed by a negation just before the bound. */
function boundOf(before: string, rules: CompiledRules): Bound | undefined {
  const clause = before.slice(Math.max(before.lastIndexOf(";"), before.lastIndexOf(". ")) + 1);
  const m = rules.boundBefore.exec(clause);
  if (!m) return undefined;
  const bound: Bound = m[1] !== undefined ? "max" : "min";
  if (!rules.boundNegation.test(clause.slice(0, m.index))) return bound;
  return bound === "min" ? "max" : "min";
}

export function describeBound(n: NumberFact): string {
  const figure = describeFigure(n);
  if (n.bound === "min") return `at least ${figure}`;
  if (n.bound === "max") return `at most ${figure}`;
  return figure;
}

/** Same figure: equal values in the same unit, or durations within 3% of each other. */
export function sameFigure(a: NumberFact, b: NumberFact): boolean {
  if (a.days !== undefined && b.days !== undefined)
    return Math.abs(a.days - b.days) <= 0.03 * Math.max(a.days, b.days);
  return a.value === b.value && a.unit === b.unit;
}

export function sameDimension(a: NumberFact, b: NumberFact): boolean {
  if (a.days !== undefined || b.days !== undefined) return a.days !== undefined && b.days !== undefined;
  return a.unit === b.unit;
}

export function describeFigure(n: NumberFact): string {
  if (!n.unit) return n.text;
  if (n.unit === "percent") return `${n.value}%`;
  if (n.days !== undefined) return `${n.value} ${n.unit}${n.value === 1 ? "" : "s"}`;
  return `${n.value} ${n.unit}`;
}
