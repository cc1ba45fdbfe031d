import type { ToolAnnotations } from "@modelcontextprotocol/server";

/** Every tool here reads the local corpus only: no side effects, same answer for the same input, no network. */
export const READ_ONLY_LOCAL: ToolAnnotations = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: false,
};
