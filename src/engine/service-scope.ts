import { normalizeCode } from "../codes/code-shapes.js";
import type { Family } from "../families/load-family.js";

export interface ServiceScope {
  code: string;
  /** The service group id (e.g. "si-joint-rfa"), or undefined when the code is out of the family's scope. */
  group?: string;
  role: "procedure" | "injectable" | "out-of-scope";
  label?: string;
  /** Why an out-of-scope code is not evaluated. */
  outOfScopeNote?: string;
}

/** Which of a family's service groups a requested code belongs to; a code the family does not list is out of scope. */
export function serviceScope(code: string, family: Family): ServiceScope {
  const wanted = normalizeCode(code).bare;
  for (const group of family.data.groups) {
    const found = group.codes.find((c) => normalizeCode(c.code).bare === wanted);
    if (found) return { code, group: group.id, role: found.role, label: found.label };
  }
  const known = family.data.outOfScope.find((c) => normalizeCode(c.code).bare === wanted);
  return known
    ? { code, role: "out-of-scope", label: known.label, outOfScopeNote: known.note }
    : { code, role: "out-of-scope" };
}
