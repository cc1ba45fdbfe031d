import { deepFreeze } from "../codes/bounded-cache.js";
import type { CodeResult, LookupCodesOutput } from "../codes/lookup-result-schema.js";
import { classifyDiagnosis, normalizeCode } from "./diagnosis-classes.js";
import type { DiagnosisClasses } from "./policy-schema.js";
import { getPolicyBundle } from "./policy-store.js";

type Classification = NonNullable<CodeResult["classification"]>;

/** The policy's classification of one diagnosis code, from the same data and function the evaluator uses. */
export function classificationOf(code: string, data: DiagnosisClasses): Classification | undefined {
  const classes = classifyDiagnosis(code, data);
  if (classes.length === 0) return undefined;
  const bare = normalizeCode(code);
  const prefixes = data.rules.filter((r) => bare.startsWith(normalizeCode(r.prefix))).map((r) => r.prefix);
  return {
    category: classes.map((c) => c.id).join("+"),
    label: classes.map((c) => c.classification).join("; "),
    prefix: prefixes.join(", "),
  };
}

export function classificationSource(data: DiagnosisClasses): string {
  return `Policy data corpus/policies/diagnosis-classes.json, version ${data.version}; explicit case facts take precedence over the code in evaluateSIJointRFA.`;
}

// Lookup results are frozen and reused per input, so each one is classified once per policy data set.
const classified = new WeakMap<DiagnosisClasses, WeakMap<CodeResult, CodeResult>>();

function withClassification(result: CodeResult, data: DiagnosisClasses): CodeResult {
  if (result.system !== "ICD-10-CM" || !result.found) return result;
  let known = classified.get(data);
  if (!known) {
    known = new WeakMap();
    classified.set(data, known);
  }
  let out = known.get(result);
  if (!out) {
    const classification = classificationOf(result.code, data);
    out = classification ? deepFreeze({ ...result, classification }) : result;
    known.set(result, out);
  }
  return out;
}

/** lookupCodes results with the policy's classification of each found ICD-10-CM code that has one. */
export function withDiagnosisClassifications(output: LookupCodesOutput): LookupCodesOutput {
  if (!output.results.some((r) => r.system === "ICD-10-CM" && r.found)) return output;
  const data = getPolicyBundle().diagnosisClasses;
  const results = output.results.map((r) => withClassification(r, data));
  const { release, results: _unclassified, ...rest } = output;
  return results.some((r) => r.classification)
    ? { release, classificationSource: classificationSource(data), results, ...rest }
    : { release, results, ...rest };
}
