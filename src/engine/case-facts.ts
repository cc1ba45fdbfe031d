import { normalizeCode } from "../codes/code-shapes.js";
import { classifyDiagnosis } from "../families/diagnosis-classes.js";
import type { DiagnosisClass, Fact, FactReader, FromDiagnoses, Match } from "../families/family-schema.js";
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

/** A requested service as fact paths see it: the request's fields and the family's data for its code. */
export interface ServiceView extends RequestedService {
  group?: string | undefined;
  role?: string | undefined;
  attributes: Record<string, string | number | boolean>;
}

/** What fact paths read: the request (services with their attributes), the clinical facts, the service under review. */
interface CaseView {
  request: Omit<CaseInput["request"], "services"> & { services: ServiceView[] };
  clinical: CaseInput["clinical"];
  service?: ServiceView;
}

/**
 * Each path split once: every path comes from a family's facts file (a few dozen), never from a
 * case, and a review reads each of them at least once per fact.
 */
const pathKeys = new Map<string, readonly string[]>();

function at(value: unknown, path: string): unknown {
  let keys = pathKeys.get(path);
  if (!keys) pathKeys.set(path, (keys = path.split(".")));
  for (const key of keys) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A copy of a documented value in the shape the fact's type expects, or undefined (unknown). */
function asFact(value: unknown, type: Fact["type"]): FactValue | undefined {
  switch (type) {
    case "number":
      if (typeof value === "number") return value;
      // A count that dates cannot settle: the range [min, max].
      return isRange(value) ? [value[0], value[1]] : undefined;
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
        typeof v === "number" ? v : isRange(v) ? ([v[0], v[1]] as [number, number]) : undefined,
      );
      return reliefs.every((r) => r !== undefined) ? reliefs : undefined;
    }
  }
}

function isRange(value: unknown): value is [number, number] {
  return (
    Array.isArray(value) && value.length === 2 && typeof value[0] === "number" && typeof value[1] === "number"
  );
}

function matches(entry: unknown, where: Match | undefined): boolean {
  if (!where) return true;
  return Object.entries(where).every(([field, wanted]) => {
    const value = at(entry, field);
    return Array.isArray(wanted) ? wanted.some((w) => w === value) : wanted === value;
  });
}

/** The ISO date `months` calendar months before `date` (the day clamped to the month's length). */
export function monthsBefore(date: string, months: number): string {
  const [y = 0, m = 1, d = 1] = date.split("-").map(Number);
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number, w: number) => String(n).padStart(w, "0");
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(Math.min(d, last), 2)}`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function read(view: CaseView, reader: FactReader, type: Fact["type"]): FactValue | undefined {
  if (typeof reader === "string") return asFact(at(view, reader), type);
  if ("count" in reader) {
    const list = at(view, reader.count);
    return Array.isArray(list) ? list.length : undefined;
  }
  if ("each" in reader) {
    const list = at(view, reader.each);
    if (!Array.isArray(list)) return undefined;
    return asFact(
      list.map((entry: unknown) => at(entry, reader.field)),
      type,
    );
  }
  if ("times" in reader) {
    const value = at(view, reader.path);
    return typeof value === "number" ? Math.round(value * reader.times * 1000) / 1000 : undefined;
  }
  if ("first" in reader) {
    for (const each of reader.first) {
      const value = read(view, each, type);
      if (value !== undefined) return value;
    }
    return undefined;
  }
  if ("compare" in reader) {
    const value = at(view, reader.compare);
    if (typeof value !== "number") return undefined;
    return reader.below !== undefined ? value < reader.below : value >= (reader.atLeast ?? 0);
  }
  if ("countWhere" in reader) {
    const list = at(view, reader.countWhere);
    if (!Array.isArray(list)) return undefined;
    return countEntries(
      view,
      list.filter((entry: unknown) => matches(entry, reader.where)),
      reader,
    );
  }
  if ("some" in reader) {
    const list = at(view, reader.some);
    return Array.isArray(list) ? list.some((entry: unknown) => matches(entry, reader.where)) : undefined;
  }
  return latestValue(view, reader, type);
}

/**
 * How many entries (or distinct values of a field: sessions) fall in the window. An entry the
 * window or the field cannot place makes the count a range: it may or may not add one.
 */
function countEntries(
  view: CaseView,
  entries: unknown[],
  reader: Extract<FactReader, { countWhere: string }>,
): FactValue {
  const within = reader.within;
  const end = within ? at(view, within.before) : undefined;
  const start = within && typeof end === "string" ? monthsBefore(end, within.months) : undefined;
  const keys = new Set<string>();
  let definite = 0;
  let uncertain = 0;
  for (const entry of entries) {
    if (within) {
      const date = at(entry, within.field);
      if (
        typeof end !== "string" ||
        start === undefined ||
        typeof date !== "string" ||
        !ISO_DATE.test(date)
      ) {
        uncertain++;
        continue;
      }
      if (!(date > start && date <= end)) continue;
    }
    if (reader.distinct === undefined) {
      definite++;
      continue;
    }
    const key = at(entry, reader.distinct);
    if (typeof key === "string" || typeof key === "number") keys.add(String(key));
    else uncertain++;
  }
  if (reader.distinct !== undefined) definite = keys.size;
  // Entries that cannot be placed may all share a session with a counted one, or each be one more;
  // when nothing is counted for sure, at least one of them is in the window only with a window.
  if (uncertain === 0) return definite;
  const low = definite === 0 && !within && reader.distinct !== undefined ? 1 : definite;
  return [low, definite + uncertain];
}

/** A field of the latest entry; when undated entries could be the latest, the range their values span. */
function latestValue(
  view: CaseView,
  reader: Extract<FactReader, { latest: string }>,
  type: Fact["type"],
): FactValue | undefined {
  const found = at(view, reader.latest);
  if (!Array.isArray(found) || found.length === 0) return undefined;
  const list: unknown[] = found;
  const dated = list.filter((entry) => {
    const date = at(entry, reader.by);
    return typeof date === "string" && ISO_DATE.test(date);
  });
  const undated = list.filter((entry) => !dated.includes(entry));
  const latest = dated.reduce<unknown>(
    (a, b) => (a === undefined || String(at(b, reader.by)) > String(at(a, reader.by)) ? b : a),
    undefined,
  );
  const possible = [...(latest === undefined ? [] : [latest]), ...undated];
  const values = possible.map((entry) => asFact(at(entry, reader.field), type));
  if (values.some((v) => v === undefined)) return undefined;
  const [first] = values;
  if (values.every((v) => JSON.stringify(v) === JSON.stringify(first))) return first;
  const numbers = values.filter((v) => typeof v === "number");
  if (type !== "number" || numbers.length !== values.length) return undefined;
  return [Math.min(...numbers), Math.max(...numbers)];
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

/** The family's service codes by bare code: each with its group, role and attributes (built once per family). */
const serviceCodes = new WeakMap<
  Family,
  ReadonlyMap<
    string,
    { group: string; role: string | undefined; attributes: Record<string, string | number | boolean> }
  >
>();

function serviceCodesOf(family: Family) {
  let codes = serviceCodes.get(family);
  if (!codes) {
    const map = new Map<
      string,
      { group: string; role: string | undefined; attributes: Record<string, string | number | boolean> }
    >();
    for (const group of family.data.groups) {
      for (const c of group.codes) {
        const bare = normalizeCode(c.code).bare;
        if (!map.has(bare)) map.set(bare, { group: group.id, role: c.role, attributes: c.attributes ?? {} });
      }
    }
    serviceCodes.set(family, (codes = map));
  }
  return codes;
}

/** A requested service with the family's data for its code (its group, role and attributes). */
export function serviceView(service: RequestedService, family: Family): ServiceView {
  const code = serviceCodesOf(family).get(normalizeCode(service.code).bare);
  if (code) return { ...service, group: code.group, role: code.role, attributes: { ...code.attributes } };
  return { ...service, attributes: {} };
}

/** One fact of a case: its value, where it came from, and a contradiction between the codes and the case. */
interface FactOutcome {
  value: FactValue | undefined;
  source?: string;
  contradiction?: Contradiction;
}

function undocumentedSource(fact: Fact): string | undefined {
  return fact.whenUndocumented
    ? `undocumented, taken as ${String(fact.whenUndocumented.value)}: ${fact.whenUndocumented.why}`
    : undefined;
}

function factOutcome(fact: Fact, view: CaseView, classified: Classified): FactOutcome {
  const stated = fact.read === undefined ? undefined : read(view, fact.read, fact.type);
  if (!fact.fromDiagnoses) {
    if (stated === undefined && fact.whenUndocumented)
      return { value: fact.whenUndocumented.value, source: undocumentedSource(fact) };
    return { value: stated };
  }
  const fromCodes = derive(fact.name, fact.fromDiagnoses, classified);
  if (stated !== undefined) {
    return fromCodes.value !== undefined && fromCodes.value !== stated
      ? {
          value: stated,
          source: "case",
          contradiction: { fact: fact.name, stated, fromCodes: fromCodes.value, codes: fromCodes.codes },
        }
      : { value: stated, source: "case" };
  }
  if (fromCodes.value === undefined && fact.whenUndocumented)
    return { value: fact.whenUndocumented.value, source: undocumentedSource(fact) };
  return {
    value: fromCodes.value,
    source:
      fromCodes.value !== undefined
        ? `diagnosis codes ${fromCodes.codes.join(", ")}`
        : fromCodes.codes.length > 0
          ? `undocumented (diagnosis codes ${fromCodes.codes.join(", ")} leave it open)`
          : "undocumented",
  };
}

function assemble(
  facts: readonly Fact[],
  outcomes: readonly FactOutcome[],
  classified: Classified,
): CaseFacts {
  const values: Record<string, FactValue | undefined> = {};
  const sources: Record<string, string> = {};
  const contradictions: Contradiction[] = [];
  facts.forEach((fact, i) => {
    const outcome = outcomes[i];
    if (!outcome) return;
    values[fact.name] = outcome.value;
    if (outcome.source !== undefined) sources[fact.name] = outcome.source;
    if (outcome.contradiction) contradictions.push(outcome.contradiction);
  });
  return {
    values,
    sources,
    diagnoses: classified.map(({ code, classes }) => ({ code, classes: classes.map((c) => c.id) })),
    contradictions,
  };
}

/**
 * The facts of a case, read once: `forService` gives the facts of one requested service (facts read
 * from service.* read again for it, every other fact as the case gives it).
 */
export interface CaseFactsReader {
  facts: CaseFacts;
  forService(service: RequestedService): CaseFacts;
}

/** The family's facts of a case, with their diagnosis classes and contradictions, and a reader of each service's facts. */
export function readCaseFacts(input: CaseInput, family: Family): CaseFactsReader {
  const request = { ...input.request, services: input.request.services.map((s) => serviceView(s, family)) };
  const view: CaseView = { request, clinical: input.clinical };
  const classified = input.request.diagnoses.map((code) => ({
    code,
    classes: classifyDiagnosis(code, family.classes),
  }));
  const all = family.facts.facts;
  const perService = serviceFactsOf(family);
  const outcomes = all.map((fact) => factOutcome(fact, view, classified));
  return {
    facts: assemble(all, outcomes, classified),
    forService(service) {
      const serviceView_: CaseView = { ...view, service: serviceView(service, family) };
      const own = all.map((fact, i) =>
        perService[i] ? factOutcome(fact, serviceView_, classified) : outcomes[i],
      ) as FactOutcome[];
      return assemble(all, own, classified);
    },
  };
}

/** The family's facts of a case (and of one service, for facts read from service.*), with their diagnosis classes and contradictions. */
export function caseFacts(input: CaseInput, family: Family, service?: RequestedService): CaseFacts {
  const reader = readCaseFacts(input, family);
  return service ? reader.forService(service) : reader.facts;
}

/** Every case path a reader reads. */
function pathsOf(reader: FactReader): string[] {
  if (typeof reader === "string") return [reader];
  if ("first" in reader) return reader.first.flatMap(pathsOf);
  if ("count" in reader) return [reader.count];
  if ("each" in reader) return [reader.each];
  if ("times" in reader) return [reader.path];
  if ("compare" in reader) return [reader.compare];
  if ("countWhere" in reader) return [reader.countWhere, ...(reader.within ? [reader.within.before] : [])];
  if ("some" in reader) return [reader.some];
  return [reader.latest];
}

/** Whether a fact is read from the service under review (then it is read once per service). */
export function readsService(fact: Fact): boolean {
  return fact.read !== undefined && pathsOf(fact.read).some((p) => p.startsWith("service."));
}

/** Which of the family's facts (in facts.json order) are read from the service under review: derived once per family. */
const serviceFacts = new WeakMap<Family, readonly boolean[]>();

function serviceFactsOf(family: Family): readonly boolean[] {
  let reads = serviceFacts.get(family);
  if (!reads) serviceFacts.set(family, (reads = family.facts.facts.map(readsService)));
  return reads;
}

/** Whether any fact of the family is read from the service under review (then each service has its own facts). */
export function readsAnyService(family: Family): boolean {
  return serviceFactsOf(family).includes(true);
}
