import { normalizeCode } from "../codes/code-shapes.js";
import type { DiagnosisClass, DiagnosisClasses } from "./family-schema.js";

/** The classes of one diagnosis code, in the order of the data file (every class whose prefix starts the code; dots and case ignored). */
export function classifyDiagnosis(code: string, data: DiagnosisClasses): DiagnosisClass[] {
  const bare = normalizeCode(code).bare;
  const ids = new Set(
    data.rules.filter((r) => bare.startsWith(normalizeCode(r.prefix).bare)).map((r) => r.class),
  );
  return data.classes.filter((c) => ids.has(c.id));
}
