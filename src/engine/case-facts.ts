import { classifyDiagnosis } from "../families/diagnosis-classes.js";
import type { DiagnosisClass, Fact, FactReader, FromDiagnoses } from "../families/family-schema.js";
import type { Family } from "../families/load-family.js";
import type { CaseInput, RequestedService } from "./case-schema.js";
import type { FactValue } from "./evaluation-schema.js";

export interface Contradiction {
  fact: string;
  stated: FactValue;
  fromCodes: FactValue;
  codes: string[];
}

export interface CaseFacts {
  /** Every fact of the family; undefined = the case does not document it (unknown). */
  values: Record<string, FactValue | undefined>;
  /** Where a fact that can come from diagnosis codes came from: "case", "diagnosis codes M53.3, M47.817", or "undocumented". */
  sources: Record<string, string>;
  diagnoses: { code: string; classes: string[] }[];
  contradictions: Contradiction[];
}

/** What fact paths read: the request, the clinical facts, and (for service facts) the service under review. */
interface CaseView {
  request: CaseInput["request"];
  clinical: CaseInput["clinical"];
  service?: RequestedService;
}

function at(view: CaseView, path: string): unknown {
  let value: unknown = view;
  for (const key of path.split(".")) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A copy of a documented value in the shape the fact's type expects, or undefined (unknown). */
function asFact(value: unknown, type: Fact["type"]): FactValue | undefined {
  switch (type) {
    case "number":
      return typeof value === "number" ? value : undefined;
    case "boolean":
      return typeof value === "boolean" ? value : undefined;
    case "string":
      return typeof value === "string" ? value : undefined;
    case "string-list":
      return Array.isArray(value) && value.every((v) => typeof v === "string") ? [...value] : undefined;
    case "number-list":
      return Array.isArray(value) && value.every((v) => typeof v === "number") ? [...value] : undefined;
    case "relief-list": {
      if (!Array.isArray(value)) return undefined;
      const reliefs = value.map((v: unknown) =>
        typeof v === "number"
          ? v
          : Array.isArray(v) && typeof v[0] === "number" && typeof v[1] === "number"
            ? ([v[0], v[1]] as [number, number])
            : undefined,
      );
      return reliefs.every((r) => r !== undefined) ? reliefs : undefined;
    }
  }
}

function read(view: CaseView, reader: FactReader, type: Fact["type"]): FactValue | undefined {
  if (typeof reader === "string") return asFact(at(view, reader), type);
  if ("count" in reader) {
    const list = at(view, reader.count);
    return Array.isArray(list) ? list.length : undefined;
  }
  const list = at(view, reader.each);
  if (!Array.isArray(list)) return undefined;
  return asFact(
    list.map((entry: unknown) =>
      entry !== null && typeof entry === "object"
        ? (entry as Record<string, unknown>)[reader.field]
        : undefined,
    ),
    type,
  );
}

interface Derived {
  value: FactValue | undefined;
  codes: string[];
}

type Classified = { code: string; classes: DiagnosisClass[] }[];

/** Codes whose classes imply each value of a fact (null: the code leaves it open), codes sorted. */
function implied(fact: string, classified: Classified): Map<string | boolean | null, string[]> {
  const byValue = new Map<string | boolean | null, string[]>();
  for (const { code, classes } of classified) {
    for (const c of classes) {
      if (!(fact in c.implies)) continue;
      const value = c.implies[fact] ?? null;
      const codes = byValue.get(value) ?? [];
      if (!codes.includes(code)) codes.push(code);
      byValue.set(value, codes);
    }
  }
  for (const codes of byValue.values()) codes.sort();
  return byValue;
}

/** A fact derived from the diagnosis classes (codes are listed sorted, so their order never matters). */
function derive(fact: string, rule: FromDiagnoses, classified: Classified): Derived {
  const byValue = implied(fact, classified);
  if (rule.rule === "precedence") {
    for (const value of rule.order) {
      const codes = byValue.get(value);
      if (codes) return { value: value ?? undefined, codes };
    }
    return { value: undefined, codes: [] };
  }
  byValue.delete(null);
  const values = [...byValue.keys()].map(String).sort();
  const codes = [...new Set([...byValue.values()].flat())].sort();
  if (values.length === 0) return { value: undefined, codes: [] };
  if (values.length === 1) return { value: values[0], codes };
  const join = rule.joins.find((j) => [...j.of].sort().join("\u0000") === values.join("\u0000"));
  return { value: join?.gives, codes };
}

/** The family's facts of a case (and of one service, for facts read from service.*), with their diagnosis classes and contradictions. */
export function caseFacts(input: CaseInput, family: Family, service?: RequestedService): CaseFacts {
  const view: CaseView = {
    request: input.request,
    clinical: input.clinical,
    ...(service ? { service } : {}),
  };
  const classified = input.request.diagnoses.map((code) => ({
    code,
    classes: classifyDiagnosis(code, family.classes),
  }));
  const values: Record<string, FactValue | undefined> = {};
  const sources: Record<string, string> = {};
  const contradictions: Contradiction[] = [];
  for (const fact of family.facts.facts) {
    const stated = read(view, fact.read, fact.type);
    if (!fact.fromDiagnoses) {
      values[fact.name] = stated;
      continue;
    }
    const fromCodes = derive(fact.name, fact.fromDiagnoses, classified);
    if (stated !== undefined) {
      values[fact.name] = stated;
      sources[fact.name] = "case";
      if (fromCodes.value !== undefined && fromCodes.value !== stated) {
        contradictions.push({ fact: fact.name, stated, fromCodes: fromCodes.value, codes: fromCodes.codes });
      }
    } else {
      values[fact.name] = fromCodes.value;
      sources[fact.name] =
        fromCodes.value !== undefined
          ? `diagnosis codes ${fromCodes.codes.join(", ")}`
          : fromCodes.codes.length > 0
            ? `undocumented (diagnosis codes ${fromCodes.codes.join(", ")} leave it open)`
            : "undocumented";
    }
  }
  return {
    values,
    sources,
    diagnoses: classified.map(({ code, classes }) => ({ code, classes: classes.map((c) => c.id) })),
    contradictions,
  };
}

/** Whether a fact is read from the service under review (then it is read once per service). */
export function readsService(fact: Fact): boolean {
  const path =
    typeof fact.read === "string" ? fact.read : "count" in fact.read ? fact.read.count : fact.read.each;
  return path.startsWith("service.");
}
