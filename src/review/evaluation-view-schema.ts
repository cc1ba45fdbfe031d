import { z } from "zod";
import { DetailSchema as SharedDetail } from "../util/detail-level.js";
import { EvaluationFullSchema } from "./evaluation-full-schema.js";
import { EvaluationSummarySchema } from "./evaluation-summary-schema.js";

/** What the evaluation tool returns, by the `detail` it was asked for. */
export const EvaluationViewSchema = z.discriminatedUnion("detail", [
  EvaluationSummarySchema,
  EvaluationFullSchema,
]);
export type EvaluationView = z.infer<typeof EvaluationViewSchema>;

/** The shared detail levels, described for this tool. */
export const DetailSchema = SharedDetail.describe(
  '"summary" (default): determinations, governing quotes, criteria once, what to request, in about 1,500 tokens. "full": every criterion per service, all evidence, the trace and the audit, each passage once.',
);
export type Detail = z.infer<typeof DetailSchema>;
