import type { z } from "zod";

/** A JSON data file checked against its schema: zod's output, or why not (the text is not JSON, or zod's issues). */
export type CheckedJson<T> =
  | { ok: true; value: T }
  | { ok: false; notJson: string }
  | { ok: false; issues: readonly z.core.$ZodIssue[] };

export type JsonFailure = Extract<CheckedJson<unknown>, { ok: false }>;

/**
 * Parse a file's text as JSON and check it against its schema. Data files are parsed once per
 * process: zod's compiled fast path would cost more than it saves.
 */
export function checkJson<S extends z.ZodType>(text: string, schema: S): CheckedJson<z.output<S>> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, notJson: error instanceof Error ? error.message : String(error) };
  }
  const parsed = schema.safeParse(json, { jitless: true });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: parsed.error.issues };
}

/** One line per problem, each naming the file as shown: "<file>: not valid JSON (…)", "<file>: a.b: <message>". */
export function jsonProblems(shown: string, failure: JsonFailure): string[] {
  if ("notJson" in failure) return [`${shown}: not valid JSON (${failure.notJson})`];
  return failure.issues.map((i) => `${shown}: ${i.path.length ? `${i.path.join(".")}: ` : ""}${i.message}`);
}
