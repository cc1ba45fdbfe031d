import { z } from "zod";
import { EvaluationFullSchema } from "./evaluation-full-schema.js";
import { EvaluationSummarySchema } from "./evaluation-summary-schema.js";

/** What evaluateSIJointRFA returns, by the `detail` it was asked for. */
export const EvaluationViewSchema = z.discriminatedUnion("detail", [
  EvaluationSummarySchema,
  EvaluationFullSchema,
]);
export type EvaluationView = z.infer<typeof EvaluationViewSchema>;

export const DetailSchema = z
  .enum(["summary", "full"])
  .default("summary")
  .describe(
    '"summary" (default): determinations, governing quotes, criteria once, what to request, in about 1,500 tokens. "full": every criterion per service, all evidence, the trace and the audit, each passage once.',
  );
export type Detail = z.infer<typeof DetailSchema>;
