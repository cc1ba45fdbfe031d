import { DetailSchema, EvaluationViewSchema } from "../../review/evaluation-view-schema.js";
import type { ServerContext } from "../context.js";
import { domain } from "../domain.js";
import type { Registration } from "../registry.js";
import { reviewErrorText } from "../review-error-text.js";
import { READ_ONLY_LOCAL } from "../tool-annotations.js";
import { toolInput, toolOutput } from "../tool-schemas.js";
import { toolError, toolResult } from "../tool-result.js";

const NAME = "evaluateSIJointRFA";

/**
 * What a full answer declares in its result's `_meta`: Claude Code saves a result above 50,000
 * characters to a file unless the answer allows more (its own ceiling is 500,000). A summary stays
 * far below the default and declares nothing.
 */
export const FULL_VIEW_META = { "anthropic/maxResultSizeChars": 500_000 } as const;

/** The tool's input: the case, and how much of the evaluation to return. Built once per context (HTTP builds a server per request). */
const inputs = new WeakMap<ServerContext, ReturnType<typeof inputSchema>>();
function inputSchema(context: ServerContext) {
  return context.caseSchema.extend({ detail: DetailSchema });
}
function inputOf(context: ServerContext) {
  let schema = inputs.get(context);
  if (!schema) inputs.set(context, (schema = inputSchema(context)));
  return schema;
}

const DESCRIPTION = [
  "Evaluate a request for sacroiliac (SI) joint radiofrequency ablation (CPT 64625), SI joint injection or nerve block",
  "(27096, G0260, 64451) and the steroids or anaesthetics injected with them (J1100, J1030, J1040, J3301, ...) against a versioned policy:",
  '"evidence-hierarchy" (default: the most authoritative applicable evidence governs, with population applicability) or',
  '"medicare-lcd" (the 2023 Medicare SI joint LCDs). detail "summary" (default) returns the recommended determination per service',
  "and overall with its pathway and reason, each governing quote with its passage id, locator and short citation, each criterion once",
  "(met / not-met / unknown / not-applicable) with the facts used, the documents to request when a deciding fact is missing,",
  'the strongest conflicting evidence, pitfalls and alternatives; detail "full" adds every criterion per service with its trace address,',
  "all supporting and conflicting evidence with method, the trace, hashes and the audit, each passage once. Absent facts are unknown, never false.",
  "Every quote is verbatim from the local corpus with its passage id (citeGuideline takes it), locator and provenance.",
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
        inputSchema: toolInput(inputOf(context)),
        outputSchema: toolOutput(EvaluationViewSchema),
        annotations: READ_ONLY_LOCAL,
      },
      async ({ detail, ...input }) => {
        const review = await domain("review");
        const { ReviewError } = review;
        try {
          // The case alone is reviewed (and hashed for the audit): the detail asked for changes only the view.
          const { evaluation } = review.reviewCase(context, input, NAME);
          if (detail === "full") {
            const full = review.fullEvaluation(evaluation);
            return { ...toolResult(full, review.fullText(full)), _meta: FULL_VIEW_META };
          }
          const summary = review.summarizeEvaluation(evaluation, context.knowledge.corpus);
          return toolResult(summary, review.summaryText(summary));
        } catch (error) {
          if (error instanceof ReviewError) return toolError(reviewErrorText(NAME, error));
          throw error;
        }
      },
    );
  },
};
