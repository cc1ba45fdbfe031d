import { codeData } from "../codes/load-code-data.js";
import { lookupCode } from "../codes/lookup-code.js";
import type { EvaluateInput } from "./evaluation-schema.js";

/** One bad code: where it is, what was received and what is expected. */
export interface CodeProblem {
  path: string;
  received: string;
  expected: string;
}

function shown(code: string): string {
  return JSON.stringify(code.length > 20 ? `${code.slice(0, 20)}…` : code);
}

/**
 * Services must be CPT-shaped (well-formed is enough: CPT descriptors are not shipped) or HCPCS
 * Level II procedure codes present in the shipped HCPCS file; diagnoses must be ICD-10-CM codes
 * present in the shipped release. Returns every problem, in input order.
 */
export function codeProblems(input: EvaluateInput): CodeProblem[] {
  const data = codeData();
  const problems: CodeProblem[] = [];
  input.request.services.forEach((service, i) => {
    const result = lookupCode(data, service.code);
    const path = `request.services.${i}.code`;
    if (result.system === "CPT" && /^(\d{5}|\d{4}[FTU])$/.test(result.code)) return;
    if (result.system === "HCPCS" && result.found && result.kind === "procedure") return;
    const why =
      result.system === "ICD-10-CM"
        ? "this is a diagnosis code; put it in request.diagnoses"
        : result.system === "HCPCS" && result.found
          ? "an HCPCS modifier, not a procedure"
          : (result.reason ?? "not a known code");
    problems.push({
      path,
      received: `${shown(service.code)} (${why})`,
      expected: "a CPT code (5 digits, e.g. 64625) or an HCPCS Level II procedure code (e.g. G0260, J1100)",
    });
  });
  input.request.diagnoses.forEach((code, i) => {
    const result = lookupCode(data, code);
    if (result.system === "ICD-10-CM" && result.found) return;
    problems.push({
      path: `request.diagnoses.${i}`,
      received: `${shown(code)} (${result.reason ?? (result.found ? `a ${result.system ?? "non-ICD"} code` : "not a known code")})`,
      expected: `an ICD-10-CM code in ${data.releases.icd10cm.label} (e.g. M53.3, M47.817)`,
    });
  });
  return problems;
}

/** The isError text for bad codes, in the wording of the SDK's own input-validation errors. */
export function codeProblemsText(tool: string, problems: readonly CodeProblem[]): string {
  return `Input validation error: Invalid arguments for tool ${tool}: ${problems
    .map((p) => `expected ${p.expected}, received ${p.received} at ${p.path}`)
    .join("; ")}`;
}
