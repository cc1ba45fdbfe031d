import { z } from "zod";
import { describeReceived } from "../util/describe-received.js";
import { DetailSchema } from "../util/detail-level.js";
import { isoDate } from "../util/iso-date.js";

// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const noControl = (iss: { input?: unknown }): string =>
  `expected text without control characters (tabs, line breaks, NUL…), received ${describeReceived(iss.input)}`;
// A refinement, not a JSON Schema pattern, so the tool definition (read on every turn) stays small.
const plainText = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((v) => !CONTROL.test(v), { error: noControl });

export const LookupCodesInputSchema = z
  .strictObject({
    codes: z.array(plainText(16)).min(1).max(100).optional().describe("any system; dot optional, any case"),
    query: plainText(200).optional().describe("words, e.g. sacroiliitis"),
    limit: z.int().min(1).max(50).default(10).describe("most search matches"),
    dateOfService: isoDate().optional().describe("chooses the releases in force on it (default: the newest)"),
    detail: DetailSchema,
  })
  .refine((input) => input.codes !== undefined || input.query !== undefined, {
    error: (iss) =>
      `expected at least one of the fields "codes" (a list of codes) or "query" (search words), received ${describeReceived(iss.input) === "an object" ? "neither" : describeReceived(iss.input)}`,
  });
