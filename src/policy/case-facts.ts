import { classifyDiagnosis } from "./diagnosis-classes.js";
import type { EvaluateInput, FactValue } from "./evaluation-schema.js";
import type { DiagnosisClasses } from "./policy-schema.js";

/** Facts a diagnosis code can imply; explicit case facts take precedence. */
export const DERIVABLE_FACTS = ["painType", "inflammatorySpondyloarthropathy", "cancerRelated"] as const;
type DerivableFact = (typeof DERIVABLE_FACTS)[number];

export interface Contradiction {
  fact: DerivableFact;
  stated: FactValue;
  fromCodes: FactValue;
  codes: string[];
}

export interface CaseFacts {
  /** Every vocabulary fact; undefined = the case does not document it (unknown). */
  values: Record<string, FactValue | undefined>;
  /** Where a derivable fact came from: "case", "diagnosis codes M53.3, M47.817", or "undocumented". */
  sources: Record<string, string>;
  diagnoses: { code: string; classes: string[] }[];
  contradictions: Contradiction[];
}

type Clinical = EvaluateInput["clinical"];

/** How each vocabulary fact is read from the input (notes are never read). */
const READERS: Record<string, (clinical: Clinical) => FactValue | undefined> = {
  painDurationMonths: (c) => c.painDurationMonths,
  provocativeTestsPositive: (c) => c.provocativeTests?.positive,
  provocativeTestsPerformed: (c) => c.provocativeTests?.performed,
  diagnosticBlockReliefPercents: (c) => c.diagnosticBlocks?.map((b) => copyRelief(b.reliefPercent)),
  diagnosticBlocksCount: (c) => c.diagnosticBlocks?.length,
  priorRfaCount: (c) => c.priorRFA?.length,
  priorRfaReliefPercents: (c) => c.priorRFA?.map((r) => copyRelief(r.reliefPercent)),
  priorRfaReliefDurationMonths: (c) => c.priorRFA?.map((r) => r.durationMonths),
  conservativeCareWeeks: (c) => c.conservativeCare?.weeks,
  conservativeCareModalities: (c) =>
    c.conservativeCare?.modalities ? [...c.conservativeCare.modalities] : undefined,
};

/** Names of every fact this module produces (checked against fact-vocabulary.json at start-up). */
export const PRODUCED_FACTS: readonly string[] = [...Object.keys(READERS), ...DERIVABLE_FACTS].sort();

function copyRelief(value: number | readonly [number, number]): number | [number, number] {
  return typeof value === "number" ? value : [value[0], value[1]];
}

interface Derived {
  value: FactValue | undefined;
  codes: string[];
}

/** A boolean implied by codes (codes listed sorted, so their order never matters): a code implying true wins, then a code leaving it open (null), then false. */
function deriveFlag(
  fact: "inflammatorySpondyloarthropathy" | "cancerRelated",
  classified: { code: string; classes: DiagnosisClasses["classes"] }[],
): Derived {
  const byValue = { true: [] as string[], null: [] as string[], false: [] as string[] };
  for (const { code, classes } of classified) {
    for (const c of classes) {
      const implied = c.implies[fact];
      if (implied === undefined) continue;
      const bucket = byValue[implied === null ? "null" : implied ? "true" : "false"];
      if (!bucket.includes(code)) bucket.push(code);
    }
  }
  if (byValue.true.length > 0) return { value: true, codes: byValue.true.sort() };
  if (byValue.null.length > 0) return { value: undefined, codes: byValue.null.sort() };
  if (byValue.false.length > 0) return { value: false, codes: byValue.false.sort() };
  return { value: undefined, codes: [] };
}

/** Pain type implied by codes: axial and radicular codes together give "mixed". */
function derivePainType(classified: { code: string; classes: DiagnosisClasses["classes"] }[]): Derived {
  const axial: string[] = [];
  const radicular: string[] = [];
  for (const { code, classes } of classified) {
    for (const c of classes) {
      const list =
        c.implies.painType === "axial" ? axial : c.implies.painType === "radicular" ? radicular : undefined;
      if (list && !list.includes(code)) list.push(code);
    }
  }
  if (axial.length > 0 && radicular.length > 0)
    return { value: "mixed", codes: [...axial, ...radicular].sort() };
  if (axial.length > 0) return { value: "axial", codes: axial.sort() };
  if (radicular.length > 0) return { value: "radicular", codes: radicular.sort() };
  return { value: undefined, codes: [] };
}

/** The case facts of an input, with diagnosis classes and code/fact contradictions. */
export function caseFacts(input: EvaluateInput, data: DiagnosisClasses): CaseFacts {
  const clinical = input.clinical;
  const values: Record<string, FactValue | undefined> = {};
  for (const [name, read] of Object.entries(READERS)) values[name] = read(clinical);

  const classified = input.request.diagnoses.map((code) => ({
    code,
    classes: classifyDiagnosis(code, data),
  }));
  const derived: Record<DerivableFact, Derived> = {
    painType: derivePainType(classified),
    inflammatorySpondyloarthropathy: deriveFlag("inflammatorySpondyloarthropathy", classified),
    cancerRelated: deriveFlag("cancerRelated", classified),
  };

  const sources: Record<string, string> = {};
  const contradictions: Contradiction[] = [];
  for (const fact of DERIVABLE_FACTS) {
    const stated = clinical[fact];
    const fromCodes = derived[fact];
    if (stated !== undefined) {
      values[fact] = stated;
      sources[fact] = "case";
      if (fromCodes.value !== undefined && fromCodes.value !== stated) {
        contradictions.push({ fact, stated, fromCodes: fromCodes.value, codes: fromCodes.codes });
      }
    } else {
      values[fact] = fromCodes.value;
      sources[fact] =
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
