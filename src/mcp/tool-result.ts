import type { CallToolResult } from "@modelcontextprotocol/server";

/** A successful tool answer: the same facts as structured content and as readable text. */
export function toolResult(
  structured: object,
  text: string,
  extra: CallToolResult["content"] = [],
): CallToolResult {
  return {
    content: [{ type: "text", text }, ...extra],
    structuredContent: structured,
  };
}

/** A tool failure the caller can fix: names the field, what was received and what is expected. */
export function toolError(text: string): CallToolResult {
  return { content: [{ type: "text", text }], isError: true };
}

/** Describe a received value briefly, never echoing long or sensitive input in full. */
export function describeReceived(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") {
    if (value.length > 60) return `a string of ${value.length} characters`;
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `an array of ${value.length} item${value.length === 1 ? "" : "s"}`;
  if (typeof value === "object") return "an object";
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return `${typeof value} ${String(value)}`;
  return `a ${typeof value}`;
}
