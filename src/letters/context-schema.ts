import { z } from "zod";
import { NO_QUOTE_MARKS, RegimeIdSchema } from "./letter-data-schema.js";

/** Free text placed in a letter: quotation marks are refused because the letter reserves them for verified quotes. */
const plain = (max: number, what: string) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(NO_QUOTE_MARKS, {
      error: "expected text without quotation marks (they are reserved for verified quotes)",
    })
    .describe(what);

const IsoDate = z.iso.date().max(10).describe("calendar date YYYY-MM-DD");

export const LetterContextSchema = z.strictObject({
  regime: RegimeIdSchema.describe(
    "plan regime: medicare-advantage, commercial-erisa, aca-individual or medicaid",
  ),
  noticeDate: IsoDate.optional().describe("date of the notice, YYYY-MM-DD; absent: a [date] placeholder"),
  requestReceived: IsoDate.optional().describe("date the request was received, YYYY-MM-DD"),
  member: z
    .strictObject({
      name: plain(200, "member name").optional(),
      id: plain(64, "plan member ID (not the Medicare number)").optional(),
    })
    .optional(),
  provider: z
    .strictObject({
      name: plain(200, "treating (requesting) provider").optional(),
      npi: z
        .string()
        .max(10)
        .regex(/^\d{10}$/, { error: "expected a 10-digit NPI" })
        .optional(),
    })
    .optional(),
  plan: z
    .strictObject({
      name: plain(200, "plan name").optional(),
      product: plain(200, "plan product").optional(),
      contact: z
        .strictObject({
          phone: plain(60, "member services phone").optional(),
          address: plain(400, "plan mailing address").optional(),
          hours: plain(200, "opening hours").optional(),
        })
        .optional(),
      appealAddress: plain(400, "where to send an appeal").optional(),
      policyProvision: plain(
        400,
        "plan provision the decision rests on, e.g. an Evidence of Coverage or SPD section",
      ).optional(),
      stateAppealDeadline: plain(
        200,
        "Medicaid only: the State's deadline to appeal, e.g. 60 calendar days from the date of this notice",
      ).optional(),
    })
    .optional(),
  reviewer: z
    .strictObject({
      name: plain(200, "reviewing clinician").optional(),
      credentials: plain(200, "licence and credentials, e.g. MD, board-certified").optional(),
      specialty: plain(200, "specialty").optional(),
    })
    .optional(),
  peerToPeer: z
    .strictObject({
      phone: plain(60, "number the treating provider calls for a peer-to-peer discussion").optional(),
      window: plain(200, "when, e.g. within 1 business day, weekdays 8am-6pm").optional(),
    })
    .optional(),
  languageAssistance: z
    .strictObject({ phone: plain(60, "free language-assistance line").optional() })
    .optional(),
  consumerAssistance: z
    .strictObject({
      name: plain(200, "State consumer assistance program or ombudsman").optional(),
      phone: plain(60, "its phone number").optional(),
    })
    .optional(),
  stateAiDisclosure: z
    .union([z.boolean(), plain(2000, "State-required wording")])
    .optional()
    .describe(
      "true: a State requires an AI-use disclosure; a string: the State's wording; false: none applies",
    ),
});
export type LetterContext = z.infer<typeof LetterContextSchema>;
