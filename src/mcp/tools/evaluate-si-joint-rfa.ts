import type { CallToolResult } from "@modelcontextprotocol/server";
import { EvaluateInputSchema, EvaluationSchema } from "../../policy/evaluation-schema.js";
import type { EvaluateInput, Evaluation } from "../../policy/evaluation-schema.js";
import { lazy } from "../../util/lazy.js";
import type { Registration } from "../registry.js";
import { READ_ONLY_LOCAL } from "../tool-annotations.js";
import { toolError, toolResult } from "../tool-result.js";
import { toolInput, toolOutput } from "../tool-schemas.js";

// The policy engine is loaded on the first call: tools/list needs only the schemas.
const engine = lazy(async () => {
  const [{ evaluate }, { evaluationText }, { codeProblems, codeProblemsText }] = await Promise.all([
    import("../../policy/evaluate.js"),
    import("../../policy/evaluation-text.js"),
    import("../../policy/validate-codes.js"),
  ]);
  return { evaluate, evaluationText, codeProblems, codeProblemsText };
});

const NAME = "evaluateSIJointRFA";

const DESCRIPTION = [
  "Evaluate a request for sacroiliac (SI) joint radiofrequency ablation (CPT 64625), SI joint injection or nerve block",
  "(27096, G0260, 64451) and the steroids or anaesthetics injected with them (J1100, J1030, J1040, J3301, ...) against a versioned policy:",
  '"evidence-hierarchy" (default: the most authoritative applicable evidence governs, with population applicability) or',
  '"medicare-lcd" (the 2023 Medicare SI joint LCDs). Returns a recommended determination per service and overall,',
  "every criterion as met / not-met / unknown / not-applicable with the facts used and its trace address, governing,",
  "supporting and conflicting evidence (with method and why it does not govern), pitfalls, conservative alternatives,",
  "and the documents to request when a deciding fact is missing. Absent facts are unknown, never false.",
  "Every quote is verbatim from the local corpus with its passage id, locator and provenance.",
  "Free-text notes are never read by the logic and never echoed. Other services (facet RFA 64635, epidurals) are not-applicable.",
  "The result is a recommendation for a licensed clinician, never a final determination. Deterministic, offline, read-only.",
].join(" ");

/**
 * The tool's answer to a validated input, with the evaluation when there is one (for the audit
 * log). The bench's answer floor serves these answers precomputed.
 */
export async function evaluationAnswer(
  input: EvaluateInput,
): Promise<{ result: CallToolResult; evaluation?: Evaluation }> {
  const { evaluate, evaluationText, codeProblems, codeProblemsText } = await engine();
  const problems = codeProblems(input);
  if (problems.length > 0) return { result: toolError(codeProblemsText(NAME, problems)) };
  const evaluation = evaluate(input);
  return { result: toolResult(evaluation, evaluationText(evaluation)), evaluation };
}

export const evaluateSIJointRfaTool: Registration = {
  kind: "tool",
  name: NAME,
  register(server, { auditLog }) {
    server.registerTool(
      NAME,
      {
        title: "Evaluate SI joint RFA and SI joint injection requests",
        description: DESCRIPTION,
        inputSchema: toolInput(EvaluateInputSchema),
        outputSchema: toolOutput(EvaluationSchema),
        annotations: READ_ONLY_LOCAL,
      },
      async (input) => {
        const { result, evaluation } = await evaluationAnswer(input);
        if (evaluation) auditLog?.append(evaluation);
        return result;
      },
    );
  },
};
