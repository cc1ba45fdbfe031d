import { normalizeCode } from "../codes/code-shapes.js";
import type { DiagnosisClass, DiagnosisClasses } from "./family-schema.js";

/** Each rule's prefix in bare form, computed once per loaded classes file. */
const barePrefixes = new WeakMap<DiagnosisClasses, readonly { prefix: string; class: string }[]>();

function rulesOf(data: DiagnosisClasses): readonly { prefix: string; class: string }[] {
  let rules = barePrefixes.get(data);
  if (!rules) {
    rules = data.rules.map((r) => ({ prefix: normalizeCode(r.prefix).bare, class: r.class }));
    barePrefixes.set(data, rules);
  }
  return rules;
}

/** The classes of one diagnosis code, in the order of the data file (every class whose prefix starts the code; dots and case ignored). */
export function classifyDiagnosis(code: string, data: DiagnosisClasses): DiagnosisClass[] {
  const bare = normalizeCode(code).bare;
  const ids = new Set(rulesOf(data).filter((r) => bare.startsWith(r.prefix)).map((r) => r.class));
  return data.classes.filter((c) => ids.has(c.id));
}
