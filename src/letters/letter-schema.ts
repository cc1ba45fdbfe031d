import { z } from "zod";
import { DeterminationSchema } from "../engine/determination.js";
import { LetterContextSchema } from "./context-schema.js";

export const DetailSchema = z.enum(["summary", "full"]).describe('"full": adds the reviewer rationale');
export type Detail = z.infer<typeof DetailSchema>;

/**
 * The letter tool's input: the case (checked against the review tool's case schema, but advertised
 * as an object so the tool definition stays small), the letter context and the detail level.
 */
export function draftLetterInputSchema<C extends z.ZodType>(caseSchema: C) {
  return z.strictObject({
    case: z
      .looseObject({})
      .describe("the evaluateSIJointRFA input")
      .pipe(caseSchema as unknown as z.ZodType<z.output<C>, Record<string, unknown>>),
    context: LetterContextSchema,
    detail: DetailSchema.optional(),
  });
}

export const LetterTypeSchema = z.enum(["denial", "approval", "request-for-information", "not-applicable"]);
export type LetterType = z.infer<typeof LetterTypeSchema>;

export const ChecklistItemSchema = z.object({
  id: z.int().min(1).max(14),
  element: z.string(),
  status: z.enum(["present", "missing", "not-applicable"]),
  where: z.string().optional().describe("id of the member-letter section that carries it"),
  note: z.string().optional().describe("what is missing, or why it does not apply"),
});
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

/** A section of a letter body (internal: the answer gives headings with offsets, not a second copy). */
export interface Section {
  id: string;
  title: string;
  text: string;
}

export const SectionRefSchema = z.object({
  id: z.string(),
  title: z.string(),
  offset: z.int().describe("character offset of the section's heading in the markdown"),
});

const QuoteRefSchema = z.object({ passageId: z.string(), locator: z.string() });

export const QuoteCheckSchema = z.object({
  quotations: z.int(),
  verbatim: z.int(),
  allQuotesVerified: z.boolean(),
});

export const DocumentSchema = z.object({
  markdown: z.string().describe("the member letter (the rationale's own, under rationale)"),
  sections: z.array(SectionRefSchema),
  quotes: z.array(QuoteRefSchema).describe("every quotation, in order"),
  verification: QuoteCheckSchema.describe("verifyCitations' checker on this markdown"),
});
export type LetterDocument = z.infer<typeof DocumentSchema>;

export const LetterSchema = z.object({
  letterType: LetterTypeSchema,
  status: z
    .literal("draft-requires-clinician-review")
    .describe("never final: a licensed clinician must review and sign"),
  banner: z.string(),
  determination: DeterminationSchema,
  regime: z.string(),
  policy: z.object({ id: z.string(), version: z.string() }),
  ...DocumentSchema.shape,
  checklist: z.array(ChecklistItemSchema).describe("the 14 required elements, by id"),
  rationale: DocumentSchema.optional().describe(
    "detail full: the reviewer rationale (criteria, all evidence with method, verbatim quotes, trace)",
  ),
});
export type Letter = z.infer<typeof LetterSchema>;
