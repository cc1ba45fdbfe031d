import { z } from "zod";
import { describeReceived } from "../util/describe-received.js";

/**
 * Zod messages for tool input: every issue says what was received and what is expected.
 * The SDK prefixes the tool name; toolInput (tool-schemas.ts) appends the field path ("at codes[0]").
 */
function message(issue: z.core.$ZodRawIssue): string | undefined {
  const received = describeReceived(issue.input);
  switch (issue.code) {
    case "invalid_type":
      return `expected ${issue.expected}, received ${received}`;
    case "too_small":
      return `expected ${issue.origin === "array" ? "at least" : "a minimum of"} ${String(issue.minimum)}${
        issue.origin === "string" ? " characters" : issue.origin === "array" ? " items" : ""
      }, received ${received}`;
    case "too_big":
      return `expected at most ${String(issue.maximum)}${
        issue.origin === "string" ? " characters" : issue.origin === "array" ? " items" : ""
      }, received ${received}`;
    case "unrecognized_keys":
      return `unknown field${issue.keys.length === 1 ? "" : "s"} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}; remove ${issue.keys.length === 1 ? "it" : "them"} (only the documented fields are accepted)`;
    case "invalid_value":
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}, received ${received}`;
    case "invalid_format":
      return `expected ${issue.format}, received ${received}`;
    default:
      return undefined;
  }
}

let installed = false;

/** Install the message map once per process (idempotent). */
export function installValidationMessages(): void {
  if (installed) return;
  installed = true;
  z.config({ customError: message });
}
