import { z } from "zod";
import { RegimeIdSchema } from "./letter-data-schema.js";

/**
 * One line of plain text placed in a letter. Quotation marks are refused (the letter reserves them
 * for verified quotes) and so are control characters and line breaks (a value is one line); what
 * markdown or HTML would read as markup is escaped where the letter prints it (plain-text.ts).
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const QUOTES = /["“”‘]/;

// The checks are refinements, not JSON Schema patterns, so the tool definition stays small.
const plain = (max: number) =>
  z
    .string()
    .max(max)
    .refine((v) => v.trim().length > 0, { error: "expected text, received an empty string" })
    .refine((v) => !CONTROL.test(v), {
      error: "expected one line of text, received control characters or line breaks",
    })
    .refine((v) => !QUOTES.test(v), {
      error: "expected text without quotation marks (they are reserved for verified quotes)",
    });

const IsoDate = z
  .string()
  .max(10)
  .refine((v) => z.iso.date().safeParse(v).success, { error: "expected a calendar date YYYY-MM-DD" })
  .describe("YYYY-MM-DD");

export const LetterContextSchema = z
  .strictObject({
    regime: RegimeIdSchema,
    noticeDate: IsoDate.optional(),
    requestReceived: IsoDate.optional(),
    respondBy: IsoDate.optional().describe("records due (request for information)"),
    member: z.strictObject({ name: plain(200).optional(), id: plain(64).optional() }).optional(),
    provider: z
      .strictObject({
        name: plain(200).optional(),
        npi: z
          .string()
          .max(10)
          .regex(/^\d{10}$/, { error: "expected a 10-digit NPI" })
          .optional(),
      })
      .optional(),
    plan: z
      .strictObject({
        name: plain(200).optional(),
        product: plain(200).optional(),
        contact: z
          .strictObject({
            phone: plain(60).optional(),
            address: plain(400).optional(),
            hours: plain(200).optional(),
          })
          .optional(),
        appealAddress: plain(400).optional(),
        policyProvision: plain(400).optional().describe("e.g. an Evidence of Coverage section"),
      })
      .optional(),
    reviewer: z
      .strictObject({
        name: plain(200).optional(),
        credentials: plain(200).optional(),
        specialty: plain(200).optional(),
      })
      .optional(),
    peerToPeer: z.strictObject({ phone: plain(60).optional(), window: plain(200).optional() }).optional(),
    languageAssistance: z.strictObject({ phone: plain(60).optional() }).optional(),
    consumerAssistance: z
      .strictObject({ name: plain(200).optional(), phone: plain(60).optional() })
      .optional(),
    stateAiDisclosure: z
      .union([z.boolean(), plain(2000)])
      .optional()
      .describe("true: required; text: the State's wording; false: none applies"),
  })
  .describe("one-line plain text values; absent ones become marked blanks");
export type LetterContext = z.infer<typeof LetterContextSchema>;
