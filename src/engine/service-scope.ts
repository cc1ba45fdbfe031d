import { normalizeCode } from "../codes/code-shapes.js";
import type { ServiceCode } from "../families/family-schema.js";
import type { Family } from "../families/load-family.js";

export interface ServiceScope {
  code: string;
  /** The service group id (e.g. "si-joint-rfa"), or undefined when the family does not review the code. */
  group?: string;
  role: "procedure" | "injectable" | "out-of-scope";
  label?: string;
  /** The family's data for a code it reviews. */
  entry?: ServiceCode;
  /** Why a code is not reviewed, when the family says (out of scope, not an injectate, included in a procedure). */
  note?: { kind: "out-of-scope" | "not-an-injectate" | "included"; text: string; grounds: string[] };
}

const same = (a: string, b: string): boolean => normalizeCode(a).bare === normalizeCode(b).bare;

/**
 * Which of a family's service groups a requested code belongs to. A code the family does not review is
 * out of scope: a code it names as not one of its injectates, a service included in a procedure on the
 * same request, or any other code (with the family's note when it has one).
 */
export function serviceScope(code: string, family: Family, requested: readonly string[] = []): ServiceScope {
  for (const group of family.data.groups) {
    const found = group.codes.find((c) => same(c.code, code));
    if (found) return { code, group: group.id, role: found.role, label: found.label, entry: found };
  }
  const notInjectate = family.data.notInjectates.find((c) => same(c.code, code));
  if (notInjectate)
    return {
      code,
      role: "out-of-scope",
      label: notInjectate.label,
      note: { kind: "not-an-injectate", text: notInjectate.note, grounds: notInjectate.grounds },
    };
  for (const included of family.data.includedIn) {
    if (!included.codes.some((c) => same(c, code))) continue;
    const procedure = included.procedures.find((p) => requested.some((r) => same(r, p)));
    if (procedure)
      return {
        code,
        role: "out-of-scope",
        label: included.label,
        note: { kind: "included", text: `${included.note} (here ${procedure})`, grounds: included.grounds },
      };
  }
  const known = family.data.outOfScope.find((c) => same(c.code, code));
  return known
    ? {
        code,
        role: "out-of-scope",
        label: known.label,
        note: { kind: "out-of-scope", text: known.note, grounds: [] },
      }
    : { code, role: "out-of-scope" };
}
