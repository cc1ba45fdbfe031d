import { EvaluationSchema } from "../../engine/evaluation-schema.js";
import { domain } from "../domain.js";
import type { Registration } from "../registry.js";
import { reviewErrorText } from "../review-error-text.js";
import { READ_ONLY_LOCAL } from "../tool-annotations.js";
import { toolInput, toolOutput } from "../tool-schemas.js";
import { toolError, toolResult } from "../tool-result.js";

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

export const evaluateSIJointRfaTool: Registration = {
  kind: "tool",
  name: NAME,
  register(server, context) {
    server.registerTool(
      NAME,
      {
        title: "Evaluate SI joint RFA and SI joint injection requests",
        description: DESCRIPTION,
        inputSchema: toolInput(context.caseSchema),
        outputSchema: toolOutput(EvaluationSchema),
        annotations: READ_ONLY_LOCAL,
      },
      async (input) => {
        const { reviewCase, ReviewError, evaluationText } = await domain("review");
        try {
          const { evaluation } = reviewCase(context, input, NAME);
          return toolResult(evaluation, evaluationText(evaluation));
        } catch (error) {
          if (error instanceof ReviewError) return toolError(reviewErrorText(NAME, error));
          throw error;
        }
      },
    );
  },
};
