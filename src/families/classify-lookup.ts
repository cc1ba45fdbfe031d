import type { CodeResult, LookupCodesOutput } from "../codes/lookup-result-schema.js";
import type { Family } from "./load-family.js";
import { classifyDiagnosis, matchingRules } from "./diagnosis-classes.js";

type Classification = NonNullable<CodeResult["classification"]>;

/** A family's classification of one diagnosis code (the classes a review uses), or undefined when it has none. */
function familyClassification(code: string, family: Family): Classification | undefined {
  const classes = classifyDiagnosis(code, family.classes);
  if (classes.length === 0) return undefined;
  const ids = new Set(classes.map((c) => c.id));
  const prefixes = matchingRules(code, family.classes)
    .filter((r) => ids.has(r.class))
    .map((r) => r.prefix);
  return {
    category: classes.map((c) => c.id).join("+"),
    label: classes.map((c) => c.classification).join("; "),
    prefix: prefixes.join(", "),
  };
}

/** Every family's classification of a code, joined (one family: its own). */
export function classificationOf(code: string, families: readonly Family[]): Classification | undefined {
  const found = families.flatMap((f) => familyClassification(code, f) ?? []);
  if (found.length <= 1) return found[0];
  return {
    category: found.map((c) => c.category).join("; "),
    label: found.map((c) => c.label).join("; "),
    prefix: found.map((c) => c.prefix).join("; "),
  };
}

export function classificationSource(families: readonly Family[]): string {
  const files = families.map(
    (f) => `corpus/${f.folder}/diagnosis-classes.json, version ${f.classes.version}`,
  );
  return `Family data ${files.join("; ")}; explicit case facts take precedence over the code in a review.`;
}

/** lookupCodes results with the families' classification of each found ICD-10-CM code that has one. */
export function withDiagnosisClassifications(
  output: LookupCodesOutput,
  families: readonly Family[],
): LookupCodesOutput {
  if (!output.results.some((r) => r.system === "ICD-10-CM" && r.found)) return output;
  const results = output.results.map((r) => {
    if (r.system !== "ICD-10-CM" || !r.found) return r;
    const classification = classificationOf(r.code, families);
    return classification ? { ...r, classification } : r;
  });
  const { release, results: _unclassified, ...rest } = output;
  return results.some((r) => r.classification)
    ? { release, classificationSource: classificationSource(families), results, ...rest }
    : { release, results, ...rest };
}
