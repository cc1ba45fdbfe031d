import type { LookupCodesOutput } from "../codes/lookup-result-schema.js";
import { diagnosisClassification } from "./diagnosis-classes.js";

/** lookupCodes results with the policy's classification of each found ICD-10-CM code that has one. */
export function withDiagnosisClassifications(output: LookupCodesOutput): LookupCodesOutput {
  return {
    ...output,
    results: output.results.map((r) => {
      if (r.system !== "ICD-10-CM" || !r.found) return r;
      const classification = diagnosisClassification(r.code);
      return classification ? { ...r, classification } : r;
    }),
  };
}
