import { z } from "zod";
import { describeReceived } from "../util/describe-received.js";
import { DetailSchema } from "../util/detail-level.js";

// Explicit ranges (not \p{Cc}) so the JSON Schema pattern reads the same without the u flag.
// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const NO_CONTROL = /^[^\u0000-\u001f\u007f-\u009f]*$/;
const noControl = (iss: { input?: unknown }): string =>
  `expected text without control characters (tabs, line breaks, NUL…), received ${describeReceived(iss.input)}`;

export const LookupCodesInputSchema = z
  .strictObject({
    codes: z
      .array(z.string().min(1).max(16).regex(NO_CONTROL, { error: noControl }))
      .min(1)
      .max(100)
      .optional()
      .describe(
        "Codes to look up (1-100): ICD-10-CM (with or without the dot, any case), HCPCS Level II, CPT or HCPCS modifiers.",
      ),
    query: z
      .string()
      .min(1)
      .max(200)
      .regex(NO_CONTROL, { error: noControl })
      .optional()
      .describe('Words to search for in code descriptions, e.g. "sacroiliitis" or "dexamethasone".'),
    limit: z.int().min(1).max(50).default(10).describe("Most search matches to return (1-50, default 10)."),
    dateOfService: z.iso
      .date()
      .max(10)
      .optional()
      .describe(
        'Date of service, YYYY-MM-DD, e.g. "2026-03-02": chooses the ICD-10-CM release in force on it and the HCPCS file for it; a date outside every shipped release is flagged. Without it, the newest shipped releases answer.',
      ),
    detail: DetailSchema,
  })
  .refine((input) => input.codes !== undefined || input.query !== undefined, {
    error: (iss) =>
      `expected at least one of the fields "codes" (a list of codes) or "query" (search words), received ${describeReceived(iss.input) === "an object" ? "neither" : describeReceived(iss.input)}`,
  });
