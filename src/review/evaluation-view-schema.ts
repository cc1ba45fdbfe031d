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
  '"full": every criterion per service, all evidence, the trace',
);
export type Detail = z.infer<typeof DetailSchema>;
