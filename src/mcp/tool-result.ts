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
