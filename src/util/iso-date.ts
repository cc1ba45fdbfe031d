import { z } from "zod";
import { describeReceived } from "./describe-received.js";

const CALENDAR_DATE = z.iso.date();
const expected = (iss: { input?: unknown }): string =>
  `expected a calendar date YYYY-MM-DD, received ${describeReceived(iss.input)}`;

/**
 * A calendar date YYYY-MM-DD in tool input. The JSON Schema shows only the short shape
 * (`^\d{4}-\d{2}-\d{2}$`, at most 10 characters); the calendar itself (no 2026-02-30, leap years)
 * is checked as a refinement, with the same message, so the tool definition does not carry zod's
 * leap-year pattern at every date field.
 */
export function isoDate() {
  return z
    .string()
    .max(10)
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: expected, abort: true })
    .refine((v) => CALENDAR_DATE.safeParse(v).success, { error: expected });
}
