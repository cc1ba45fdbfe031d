import { z } from "zod";
import { CitationSchema } from "../corpus/citation.js";
import { DeterminationSchema } from "../engine/determination.js";
import { PolicyRefSchema } from "../engine/evaluation-schema.js";
import { VerificationSummarySchema } from "../verify/schema.js";
import { LetterContextSchema } from "./context-schema.js";

/** The letter tool's input: the case to review (the review tool's input schema) and the letter context. */
export function draftLetterInputSchema<C extends z.ZodType>(caseSchema: C) {
  return z.strictObject({
    case: caseSchema.describe(
      "the case to review, as the review tool takes it; it is reviewed here, through the same path",
    ),
    context: LetterContextSchema,
  });
}

export const LetterTypeSchema = z.enum(["denial", "approval", "request-for-information", "not-applicable"]);
export type LetterType = z.infer<typeof LetterTypeSchema>;

export const ChecklistItemSchema = z.object({
  id: z.int().min(1).max(14),
  element: z.string(),
  status: z.enum(["present", "missing", "not-applicable"]),
  reason: z.string(),
});
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

export const SectionSchema = z.object({ id: z.string(), title: z.string(), text: z.string() });
export type Section = z.infer<typeof SectionSchema>;

export const LetterSchema = z.object({
  letterType: LetterTypeSchema,
  status: z
    .literal("draft-requires-clinician-review")
    .describe("never final: a licensed clinician must review and sign"),
  banner: z.string(),
  determination: DeterminationSchema,
  markdown: z.string(),
  sections: z.array(SectionSchema).describe("the letter body in order"),
  checklist: z.array(ChecklistItemSchema).describe("the 14 required elements, by id"),
  citations: z.array(CitationSchema).describe("every quotation in the letter, in order"),
  verification: VerificationSummarySchema.describe("verifyCitations on the final markdown"),
  corpusVersion: z.string(),
  policy: PolicyRefSchema,
  regime: z.string(),
});
export type Letter = z.infer<typeof LetterSchema>;
