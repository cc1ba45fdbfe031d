import { jsonProblems } from "../corpus/checked-json.js";
import type { VerifiedFiles } from "../corpus/verified-files.js";
import {
  ClaimRulesSchema,
  type CertaintyLevel,
  type ClaimRules,
  type ConceptKind,
  type DirectionValue,
  type RoleRule,
  type StrengthValue,
} from "./claim-rules-schema.js";
import { normaliseTerm } from "./match-text.js";
import { byCodeUnit } from "../util/code-unit-order.js";

export const CLAIM_RULES_FILE = "verify/claim-rules.json";

export interface CompiledConcept {
  id: string;
  kind: ConceptKind;
  label: string;
  /** Matches the concept's terms on normalised text (global). */
  termPattern: RegExp;
  /** Extra patterns on the original text (global). */
  rawPatterns: RegExp[];
  conflicts: readonly string[];
  covers: readonly string[];
}

export interface CompiledRules {
  version: string;
  roles: (Omit<RoleRule, "pattern"> & { pattern: RegExp })[];
  attributionCue: RegExp;
  anaphora: RegExp;
  leadingSubordinate: RegExp;
  breaks: { pattern: RegExp; flipsDirection: boolean }[];
  direction: {
    direction: DirectionValue;
    weight: 1 | 2;
    kind: "recommendation" | "coverage" | "finding" | "preference";
    pattern: RegExp;
  }[];
  neutralPassageCue: RegExp;
  consistencyCue: RegExp;
  strength: { strength: StrengthValue; pattern: RegExp }[];
  certaintyPatterns: RegExp[];
  certaintyLevel: RegExp;
  certaintyUnverified: RegExp;
  negation: { immediate: RegExp; scoped: RegExp; optional: RegExp; directive: RegExp };
  fieldNote: RegExp;
  concepts: ReadonlyMap<string, CompiledConcept>;
  units: ReadonlyMap<string, { unit: string; days?: number }>;
  numberWords: ReadonlyMap<string, number>;
  /** Group 1: a max bound, group 2: a min bound, ending right before a figure. */
  boundBefore: RegExp;
  /** A negation ending right before a bound (no figure in between). */
  boundNegation: RegExp;
  capUnits: ReadonlySet<string>;
  containmentMin: number;
  pronounObject: RegExp;
  referenceWords: ReadonlySet<string>;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A term as a pattern on normalised text: whole words, each with an optional plural ending. */
function termSource(term: string): string {
  return normaliseTerm(term)
    .split(" ")
    .map((w) => (w === "%" ? "%" : `${escape(w)}(?:s|es)?`))
    .join(" ");
}

export function compileRules(rules: ClaimRules): CompiledRules {
  const concepts = new Map<string, CompiledConcept>();
  for (const c of rules.concepts) {
    const terms = [...new Set(c.terms.map(termSource))].sort(
      (a, b) => b.length - a.length || byCodeUnit(a, b),
    );
    concepts.set(c.id, {
      id: c.id,
      kind: c.kind,
      label: c.label,
      termPattern: new RegExp(`(?<= )(?:${terms.join("|")})(?= )`, "g"),
      rawPatterns: (c.patterns ?? []).map((p) => new RegExp(p.pattern, p.caseSensitive ? "g" : "gi")),
      conflicts: c.conflicts ?? [],
      covers: c.covers ?? [],
    });
  }
  const units = new Map<string, { unit: string; days?: number }>();
  for (const u of rules.units) {
    for (const t of u.terms)
      units.set(t === "%" ? "%" : normaliseTerm(t), { unit: u.unit, ...(u.days ? { days: u.days } : {}) });
  }
  const fill = (p: string) =>
    p.replaceAll("{level}", rules.certainty.level).replaceAll("{range}", rules.certainty.range);
  return {
    version: rules.version,
    roles: rules.roles.map((r) => ({ ...r, pattern: new RegExp(r.pattern, "i") })),
    attributionCue: new RegExp(rules.attributionCue, "i"),
    anaphora: new RegExp(rules.anaphora),
    leadingSubordinate: new RegExp(rules.segments.leadingSubordinate, "i"),
    breaks: rules.segments.breaks.map((b) => ({
      pattern: new RegExp(b.pattern, "gi"),
      flipsDirection: b.flipsDirection,
    })),
    direction: rules.direction.map((d) => ({ ...d, pattern: new RegExp(d.pattern, "gi") })),
    neutralPassageCue: new RegExp(rules.neutralPassageCue, "i"),
    consistencyCue: new RegExp(rules.consistencyCue, "i"),
    strength: rules.strength.map((s) => ({ strength: s.strength, pattern: new RegExp(s.pattern, "gi") })),
    certaintyPatterns: rules.certainty.patterns.map((p) => new RegExp(fill(p), "gi")),
    certaintyLevel: new RegExp(
      `\\b(${rules.certainty.level})\\b(?:${rules.certainty.range}\\b(${rules.certainty.level})\\b)?`,
      "gi",
    ),
    certaintyUnverified: new RegExp(rules.certainty.unverified, "i"),
    negation: {
      immediate: new RegExp(rules.negation.immediate, "i"),
      scoped: new RegExp(rules.negation.scoped, "i"),
      optional: new RegExp(rules.negation.optional, "i"),
      directive: new RegExp(rules.negation.directive, "i"),
    },
    fieldNote: new RegExp(rules.fieldNote, "gi"),
    concepts,
    units,
    numberWords: new Map(Object.entries(rules.numberWords)),
    boundBefore: new RegExp(
      `(?:(${rules.bounds.max})|(${rules.bounds.min}))\\s*(?:(?:${rules.bounds.filler})\\s+){0,2}$`,
      "i",
    ),
    boundNegation: new RegExp(`(?:${rules.bounds.negation})(?:\\s+[^\\s\\d]+){0,5}\\s*$`, "i"),
    capUnits: new Set(rules.bounds.capUnits),
    containmentMin: rules.containmentMin,
    pronounObject: new RegExp(rules.pronounObject, "i"),
    referenceWords: new Set(rules.referenceWords.map((w) => w.toLowerCase())),
  };
}

export type { CertaintyLevel, DirectionValue, StrengthValue };

/** Load and validate the rules file of a verified corpus; problems name the file and field. */
export function loadClaimRules(files: VerifiedFiles): { rules?: CompiledRules; problems: string[] } {
  const parsed = files.json(CLAIM_RULES_FILE, ClaimRulesSchema);
  if (!parsed.ok) return { problems: jsonProblems(`corpus/${CLAIM_RULES_FILE}`, parsed) };
  return { rules: compileRules(parsed.value), problems: [] };
}
