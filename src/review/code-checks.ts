import { CPT_SHAPE } from "../codes/cpt-plain-language-schema.js";
import type { CodeData } from "../codes/load-code-data.js";
import { lookupCode } from "../codes/lookup-code.js";
import type { CaseInput } from "../engine/case-schema.js";
import type { FieldProblem } from "./review-error.js";

function shown(code: string): string {
  return JSON.stringify(code.length > 20 ? `${code.slice(0, 20)}…` : code);
}

/**
 * Services must be CPT-shaped (well-formed is enough) or HCPCS Level II procedure codes present in
 * the shipped HCPCS file; diagnoses must be ICD-10-CM codes present in the shipped release. Returns
 * every problem, in input order.
 */
export function codeProblems(data: CodeData, input: CaseInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  input.request.services.forEach((service, i) => {
    const result = lookupCode(data, service.code);
    // CPT codes are checked for shape only: CPT descriptors are not shipped (AMA copyright).
    if (result.system === "CPT" && CPT_SHAPE.test(result.code)) return;
    if (result.system === "HCPCS" && result.found && result.kind === "procedure") return;
    const [code, why] =
      result.system === "ICD-10-CM"
        ? (["diagnosis-as-service", "this is a diagnosis code; put it in request.diagnoses"] as const)
        : result.system === "HCPCS" && result.found
          ? (["modifier-as-service", "an HCPCS modifier, not a procedure"] as const)
          : (["unknown-service-code", result.reason ?? "not a known code"] as const);
    problems.push({
      code,
      path: `request.services.${i}.code`,
      received: `${shown(service.code)} (${why})`,
      expected:
        "a CPT code (5 digits, or 4 digits and F, T or U) or an HCPCS Level II procedure code (e.g. G0260, J1100)",
    });
  });
  input.request.diagnoses.forEach((code, i) => {
    const result = lookupCode(data, code);
    if (result.system === "ICD-10-CM" && result.found) return;
    problems.push({
      code: "unknown-diagnosis-code",
      path: `request.diagnoses.${i}`,
      received: `${shown(code)} (${result.reason ?? (result.found ? `a ${result.system ?? "non-ICD"} code` : "not a known code")})`,
      expected: `an ICD-10-CM code in ${data.releases.icd10cm.label} (e.g. M53.3, M47.817)`,
    });
  });
  return problems;
}
