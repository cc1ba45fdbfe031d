// The calls the bench times, shared by bench/run.ts and the answer-floor server.
import { REFERENCE_CASE, REFERENCE_CODES } from "../tools/demo-reference-case.js";

export interface Call {
  name: string;
  arguments: Record<string, unknown>;
}

export const ECHO: Call = { name: "echo", arguments: { message: "ping" } };

export const LOOKUP_CODES = [...REFERENCE_CODES, "M46.1", "S33.6XXA", "27096", "G0260", "M47.816", "M54.50"];

/** lookupCodes with 10 codes, a lookupCodes search, evaluateSIJointRFA on the reference case. */
export const TIMED_CALLS = {
  lookup: { name: "lookupCodes", arguments: { codes: LOOKUP_CODES } },
  search: { name: "lookupCodes", arguments: { query: "sacroiliitis" } },
  evaluate: { name: "evaluateSIJointRFA", arguments: REFERENCE_CASE },
} as const satisfies Record<string, Call>;
