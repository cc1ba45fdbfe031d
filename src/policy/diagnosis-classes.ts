import type { DiagnosisClasses } from "./policy-schema.js";
import { getPolicyBundle } from "./policy-store.js";

export type DiagnosisClass = DiagnosisClasses["classes"][number];

/** Codes compare without dots and case: "m47.817" matches the prefix "M47.81". */
export function normalizeCode(code: string): string {
  return code.replace(/\./g, "").toUpperCase();
}

/** The classes of one diagnosis code, in the order of the data file (every class whose prefix it starts with). */
export function classifyDiagnosis(
  code: string,
  data: DiagnosisClasses = getPolicyBundle().diagnosisClasses,
): DiagnosisClass[] {
  const normalized = normalizeCode(code);
  const ids = new Set(
    data.rules.filter((r) => normalized.startsWith(normalizeCode(r.prefix))).map((r) => r.class),
  );
  return data.classes.filter((c) => ids.has(c.id));
}
