import type { CertaintyLevel, CompiledRules, DirectionValue, StrengthValue } from "./claim-rules.js";
import { findConcepts, type ConceptSet } from "./concepts.js";
import { findNumbers, type NumberFact } from "./numbers.js";

/** What a piece of text states: the facts a claim and a passage are compared on. */
export interface TextFacts {
  direction?: DirectionValue;
  /** The words that gave the direction. */
  directionCue?: string;
  strength?: StrengthValue;
  strengthCue?: string;
  certainty: CertaintyLevel[];
  certaintyCue?: string;
  concepts: ConceptSet;
  numbers: NumberFact[];
  /** The claim says the evidence agrees ("consistently", "all guidelines"). */
  consistency: boolean;
}

/** for and covered agree, against and not covered agree. */
export function directionFamily(d: DirectionValue): "for" | "against" | "neutral" {
  if (d === "covered") return "for";
  if (d === "not-covered") return "against";
  return d;
}

export function opposite(d: DirectionValue): DirectionValue | undefined {
  switch (d) {
    case "for":
      return "against";
    case "against":
      return "for";
    case "covered":
      return "not-covered";
    case "not-covered":
      return "covered";
    case "neutral":
      return undefined;
  }
}

/** Cues are tried in order; each match blanks its span so a later, shorter cue cannot reuse it. */
export function findDirection(
  text: string,
  rules: CompiledRules,
): { direction?: DirectionValue; cue?: string } {
  let rest = text;
  const found: { direction: DirectionValue; weight: number; cue: string; at: number }[] = [];
  for (const cue of rules.direction) {
    rest = rest.replace(cue.pattern, (match: string, ...args: unknown[]) => {
      const at = args.find((a) => typeof a === "number") as number;
      found.push({ direction: cue.direction, weight: cue.weight, cue: match, at });
      return " ".repeat(match.length);
    });
  }
  if (found.length === 0) return {};
  const top = Math.max(...found.map((f) => f.weight));
  const strongest = found.filter((f) => f.weight === top).sort((a, b) => a.at - b.at);
  const families = new Set(strongest.map((f) => directionFamily(f.direction)));
  if (families.size > 1) return {};
  const chosen =
    strongest.find((f) => f.direction === "covered" || f.direction === "not-covered") ?? strongest[0]!;
  return { direction: chosen.direction, cue: chosen.cue.trim() };
}

export function findStrength(text: string, rules: CompiledRules): { strength?: StrengthValue; cue?: string } {
  const found = new Map<StrengthValue, string>();
  let rest = text;
  for (const cue of rules.strength) {
    rest = rest.replace(cue.pattern, (match: string) => {
      if (!found.has(cue.strength)) found.set(cue.strength, match.trim());
      return " ".repeat(match.length);
    });
  }
  const only = found.size === 1 ? [...found][0] : undefined;
  return only ? { strength: only[0], cue: only[1] } : {};
}

function levelsBetween(a: CertaintyLevel, b: CertaintyLevel | undefined): CertaintyLevel[] {
  const order: CertaintyLevel[] = ["very low", "low", "moderate", "high"];
  if (!b) return [a];
  const [i, j] = [order.indexOf(a), order.indexOf(b)].sort((x, y) => x - y) as [number, number];
  return order.slice(i, j + 1);
}

function asLevel(s: string | undefined): CertaintyLevel | undefined {
  const l = s?.toLowerCase().replace(/\s+/g, " ");
  return l === "very low" || l === "low" || l === "moderate" || l === "high" ? l : undefined;
}

/** Certainty levels a text states about evidence ("moderate certainty evidence", "low-quality evidence"). */
export function findCertainty(
  text: string,
  rules: CompiledRules,
): { levels: CertaintyLevel[]; cue?: string } {
  const levels = new Set<CertaintyLevel>();
  let cue: string | undefined;
  for (const pattern of rules.certaintyPatterns) {
    for (const m of text.matchAll(pattern)) {
      const a = asLevel(m[1]);
      if (!a) continue;
      for (const l of levelsBetween(a, asLevel(m[2]))) levels.add(l);
      cue ??= m[0].trim();
    }
  }
  return { levels: sortLevels(levels), ...(cue ? { cue } : {}) };
}

/** Levels named anywhere in a recorded certainty field ("moderate (steroid alone) / low (…)"). */
export function levelsInField(field: string, rules: CompiledRules): CertaintyLevel[] {
  if (rules.certaintyUnverified.test(field)) return [];
  const levels = new Set<CertaintyLevel>();
  for (const m of field.matchAll(rules.certaintyLevel)) {
    const a = asLevel(m[1]);
    if (a) for (const l of levelsBetween(a, asLevel(m[2]))) levels.add(l);
  }
  return sortLevels(levels);
}

export function sortLevels(levels: Iterable<CertaintyLevel>): CertaintyLevel[] {
  const order: CertaintyLevel[] = ["very low", "low", "moderate", "high"];
  return [...new Set(levels)].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

export function factsOf(text: string, rules: CompiledRules): TextFacts {
  const d = findDirection(text, rules);
  const s = findStrength(text, rules);
  const c = findCertainty(text, rules);
  return {
    ...(d.direction ? { direction: d.direction, directionCue: d.cue } : {}),
    ...(s.strength ? { strength: s.strength, strengthCue: s.cue } : {}),
    certainty: c.levels,
    ...(c.cue ? { certaintyCue: c.cue } : {}),
    concepts: findConcepts(text, rules),
    numbers: findNumbers(text, rules),
    consistency: rules.consistencyCue.test(text),
  };
}
