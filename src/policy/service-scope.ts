import { normalizeCode } from "./diagnosis-classes.js";
import type { Services } from "./policy-schema.js";
import { getPolicyBundle } from "./policy-store.js";

export interface ServiceScope {
  code: string;
  /** The service group id (e.g. "si-joint-rfa"), or undefined when the code is out of scope. */
  group?: string;
  role: "procedure" | "injectable" | "out-of-scope";
  label?: string;
  /** Why an out-of-scope code is not evaluated. */
  outOfScopeNote?: string;
}

/** Which service group a requested code belongs to; every code not listed in services.json is out of scope. */
export function serviceScope(code: string, services: Services = getPolicyBundle().services): ServiceScope {
  const wanted = normalizeCode(code);
  for (const group of services.groups) {
    const found = group.codes.find((c) => normalizeCode(c.code) === wanted);
    if (found) return { code, group: group.id, role: found.role, label: found.label };
  }
  const known = services.outOfScope.find((c) => normalizeCode(c.code) === wanted);
  return known
    ? { code, role: "out-of-scope", label: known.label, outOfScopeNote: known.note }
    : { code, role: "out-of-scope" };
}
