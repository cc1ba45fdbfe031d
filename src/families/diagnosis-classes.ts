import { normalizeCode } from "../codes/code-shapes.js";
import type { DiagnosisClass, DiagnosisClasses } from "./family-schema.js";

interface Rule {
  /** The prefix as the data file writes it. */
  prefix: string;
  /** The same prefix in bare form (no dot, upper case). */
  bare: string;
  class: string;
}

/** Each rule with its prefix in bare form, computed once per loaded classes file. */
const barePrefixes = new WeakMap<DiagnosisClasses, readonly Rule[]>();

function rulesOf(data: DiagnosisClasses): readonly Rule[] {
  let rules = barePrefixes.get(data);
  if (!rules) {
    rules = data.rules.map((r) => ({ prefix: r.prefix, bare: normalizeCode(r.prefix).bare, class: r.class }));
    barePrefixes.set(data, rules);
  }
  return rules;
}

/** The rules whose prefix starts a diagnosis code (dots and case ignored), in the order of the data file. */
export function matchingRules(code: string, data: DiagnosisClasses): readonly Rule[] {
  const bare = normalizeCode(code).bare;
  return rulesOf(data).filter((r) => bare.startsWith(r.bare));
}

/** The classes of one diagnosis code, in the order of the data file (every class whose prefix starts the code; dots and case ignored). */
export function classifyDiagnosis(code: string, data: DiagnosisClasses): DiagnosisClass[] {
  const ids = new Set(matchingRules(code, data).map((r) => r.class));
  return data.classes.filter((c) => ids.has(c.id));
}
