import { DetailSchema, EvaluationViewSchema } from "../../review/evaluation-view-schema.js";
import { caseFieldsUri } from "../../families/case-fields-uri.js";
import { domain } from "../domain.js";
import { FULL_VIEW_META } from "../full-view-meta.js";
import { perContext } from "../per-context.js";
import type { Registration } from "../registry.js";
import { reviewErrorText } from "../review-error-text.js";
import { READ_ONLY_LOCAL } from "../tool-annotations.js";
import { toolInput, toolOutput } from "../tool-schemas.js";
import { toolError, toolResult } from "../tool-result.js";

const NAME = "evaluateSIJointRFA";

/** The tool's input: the case, and how much of the evaluation to return. Built once per context (HTTP builds a server per request). */
const inputOf = perContext((context) => context.caseSchema.extend({ detail: DetailSchema }));

const DESCRIPTION = [
  "Recommend a determination for SI joint RFA (CPT 64625), SI joint injections and blocks (27096, G0260, 64451)",
  "and their drugs (J1100, J1030, J1040, J3301, ...) under a policy: evidence-hierarchy (default) or medicare-lcd (2023 Medicare LCDs).",
  "Returns per service the determination and reason, the governing quotes verbatim with passage ids,",
  "the criteria and facts used, and the documents to request.",
  "Absent facts are unknown, never false; [] is none documented; clinical.notes is never read.",
  `Fields explained: resource ${caseFieldsUri("si-joint")}.`,
  "A recommendation for a licensed clinician, not a final determination. Offline, read-only, deterministic.",
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
        inputSchema: toolInput(inputOf(context), context.jsonSchemas?.[NAME]?.input),
        outputSchema: toolOutput(EvaluationViewSchema, context.jsonSchemas?.[NAME]?.output),
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
