import type { FactValue } from "../policy/evaluation-schema.js";

/**
 * Plain-language statements of documented case facts. Values are restated as documented (a range stays a
 * range); a fact the case does not document (null) yields nothing, never a guess.
 */
function relief(value: number | string | (number | string)[]): string {
  if (Array.isArray(value)) return value.length === 2 ? `${value[0]}-${value[1]}%` : `${value.join(", ")}%`;
  return `${value}%`;
}

function reliefList(value: FactValue): string | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  // A relief list holds one entry per procedure: a number, or a [min, max] range flattened by the schema.
  const entries = value as unknown as (number | [number, number])[];
  return entries.map((e) => relief(e)).join(" and ");
}

const MODALITIES: Record<string, string> = {
  "physical-therapy": "physical therapy",
  exercise: "exercise",
  nsaids: "anti-inflammatory medicines (NSAIDs)",
  analgesics: "pain medicines",
  chiropractic: "chiropractic care",
  "activity-modification": "changes to daily activities",
  other: "other treatment",
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const PHRASES: Record<string, (v: FactValue) => string | undefined> = {
  painDurationMonths: (v) =>
    typeof v === "number" ? `the pain has lasted ${plural(v, "month", "months")}` : undefined,
  painType: (v) =>
    v === "axial"
      ? "the pain is in the back and buttock area and does not travel down the leg (axial pain)"
      : v === "radicular"
        ? "the pain travels down the leg (radicular pain)"
        : v === "mixed"
          ? "the pain is both in the back and buttock area and travels down the leg"
          : undefined,
  inflammatorySpondyloarthropathy: (v) =>
    v === false
      ? "no inflammatory arthritis of the spine or sacroiliac joint (such as axial spondyloarthritis) is recorded"
      : v === true
        ? "an inflammatory arthritis of the spine or sacroiliac joint (such as axial spondyloarthritis) is recorded"
        : undefined,
  cancerRelated: (v) =>
    v === false
      ? "the pain is not related to cancer"
      : v === true
        ? "the pain is related to cancer"
        : undefined,
  provocativeTestsPositive: (v) =>
    typeof v === "number"
      ? `${plural(v, "physical examination test", "physical examination tests")} of the sacroiliac joint ${v === 1 ? "was" : "were"} positive`
      : undefined,
  provocativeTestsPerformed: (v) =>
    typeof v === "number" ? `${plural(v, "examination test was", "examination tests were")} done` : undefined,
  diagnosticBlocksCount: (v) =>
    typeof v === "number"
      ? `${plural(v, "numbing-injection test (diagnostic block)", "numbing-injection tests (diagnostic blocks)")} ${v === 1 ? "is" : "are"} recorded`
      : undefined,
  diagnosticBlockReliefPercents: (v) => {
    const list = reliefList(v);
    return list ? `the numbing-injection tests gave ${list} relief` : undefined;
  },
  priorRfaCount: (v) =>
    typeof v === "number"
      ? `${plural(v, "earlier heat procedure", "earlier heat procedures")} on these nerves ${v === 1 ? "is" : "are"} recorded`
      : undefined,
  priorRfaReliefPercents: (v) => {
    const list = reliefList(v);
    return list ? `the earlier procedure gave ${list} relief` : undefined;
  },
  priorRfaReliefDurationMonths: (v) =>
    Array.isArray(v) && v.length > 0 ? `that relief lasted ${v.join(" and ")} months` : undefined,
  conservativeCareWeeks: (v) =>
    typeof v === "number"
      ? `${plural(v, "week", "weeks")} of other treatment did not relieve the pain enough`
      : undefined,
  conservativeCareModalities: (v) =>
    Array.isArray(v) && v.length > 0
      ? `treatments tried: ${v.map((m) => MODALITIES[String(m)] ?? String(m)).join(", ")}`
      : undefined,
};

/** The plain statement of one documented fact, or undefined when it is not documented or not a case fact. */
export function factPhrase(name: string, value: FactValue): string | undefined {
  if (value === null || name.endsWith("Source")) return undefined;
  const phrase = PHRASES[name];
  return phrase ? phrase(value) : undefined;
}

/** The distinct plain statements for a set of facts, in the order given. */
export function factPhrases(facts: Iterable<[string, FactValue]>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const [name, value] of facts) {
    if (seen.has(name)) continue;
    seen.add(name);
    const phrase = factPhrase(name, value);
    if (phrase) out.push(phrase);
  }
  return out;
}
