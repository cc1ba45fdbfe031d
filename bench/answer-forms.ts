// The two forms of a tool answer a client may show its model: the text block, and
// JSON.stringify(structuredContent). No tokenizer here, so the tests' size checks load it only when needed.

export interface ToolAnswer {
  content?: unknown;
  structuredContent?: unknown;
}

/** The text of a result's text blocks, joined by a newline (as clients that forward only the text show them). */
export function answerText(result: ToolAnswer): string {
  const content = Array.isArray(result.content)
    ? (result.content as { type?: string; text?: unknown }[])
    : [];
  return content
    .filter((c) => c.type === "text" && typeof c.text === "string")
    .map((c) => c.text as string)
    .join("\n");
}

/** `JSON.stringify(structuredContent)`, as Claude Code, Copilot CLI, Cursor and ChatGPT forward it ("" when absent). */
export function answerJson(result: ToolAnswer): string {
  return result.structuredContent === undefined ? "" : JSON.stringify(result.structuredContent);
}
