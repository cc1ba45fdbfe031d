import { z } from "zod";
import { LookupCodesOutputSchema } from "./lookup-result-schema.js";
import { LookupSummarySchema } from "./lookup-summary-schema.js";

export const LookupFullSchema = LookupCodesOutputSchema.extend({
  detail: z.literal("full"),
}).describe('detail "full": every fact of the look-up, each result in full.');
export type LookupFull = z.infer<typeof LookupFullSchema>;

/** A lookupCodes answer at either detail level, told apart by `detail`. */
export const LookupAnswerSchema = z.discriminatedUnion("detail", [LookupSummarySchema, LookupFullSchema]);
export type LookupAnswer = z.infer<typeof LookupAnswerSchema>;
