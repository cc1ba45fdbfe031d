import type { CodeResult, LookupCodesOutput } from "../codes/lookup-result-schema.js";
import { normalizeCode } from "./diagnosis-classes.js";
import type { DiagnosisClasses } from "./policy-schema.js";
import { getPolicyBundle } from "./policy-store.js";

type Classification = NonNullable<CodeResult["classification"]>;

/**
 * The policy's classification rules indexed by prefix, so a code is classified with one map look-up
 * per prefix length. It answers what classifyDiagnosis answers (the evaluator's function; a property
 * test holds the two equal): every rule whose prefix starts the code, classes in data-file order.
 */
class ClassificationIndex {
  private readonly rulesByPrefix = new Map<string, number[]>();
  private readonly byRules = new Map<string, Classification>();

  constructor(private readonly data: DiagnosisClasses) {
    data.rules.forEach((rule, i) => {
      const prefix = normalizeCode(rule.prefix);
      this.rulesByPrefix.set(prefix, [...(this.rulesByPrefix.get(prefix) ?? []), i]);
    });
  }

  classify(code: string): Classification | undefined {
    const bare = normalizeCode(code);
    const matched: number[] = [];
    for (let length = 1; length <= bare.length; length++)
      for (const i of this.rulesByPrefix.get(bare.slice(0, length)) ?? []) matched.push(i);
    if (matched.length === 0) return undefined;
    matched.sort((a, b) => a - b);
    const key = matched.join(",");
    let classification = this.byRules.get(key);
    if (!classification) {
      const rules = matched.map((i) => this.data.rules[i]);
      const ids = new Set(rules.map((r) => r?.class));
      const classes = this.data.classes.filter((c) => ids.has(c.id));
      classification = Object.freeze({
        category: classes.map((c) => c.id).join("+"),
        label: classes.map((c) => c.classification).join("; "),
        prefix: rules.map((r) => r?.prefix).join(", "),
      });
      this.byRules.set(key, classification);
    }
    return classification;
  }
}

const indexes = new WeakMap<DiagnosisClasses, ClassificationIndex>();

/** The policy's classification of one diagnosis code, or undefined when the policy data has none. */
export function classificationOf(code: string, data: DiagnosisClasses): Classification | undefined {
  let index = indexes.get(data);
  if (!index) {
    index = new ClassificationIndex(data);
    indexes.set(data, index);
  }
  return index.classify(code);
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
    out = classification ? Object.freeze({ ...result, classification }) : result;
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
