/**
 * The tools' JSON Schemas as the bundle step (tools/bundle-server.ts) wrote them with the shipped
 * corpus. Writing them from the zod schemas is most of a first tools/list (about 30 ms of a cold
 * start, BENCHMARKS.md); the bundle carries them already written. They are the same zod schemas'
 * output, written by the same code (tool-schemas.ts), so they are used only with the corpus version
 * they were written with: the case fields of the evaluation and letter inputs come from the corpus.
 * An unbundled run (dist/src/, tsx) or another corpus writes them live.
 * test/e2e/built-tool-schemas.test.ts holds the built server's listing to the live one.
 */
declare const __MNM_BUILT_TOOL_SCHEMAS__: string | undefined;

/** The name the bundle step defines (esbuild `define`): the table below, as JSON text. */
export const BUILT_TOOL_SCHEMAS_NAME = "__MNM_BUILT_TOOL_SCHEMAS__";

export type JsonSchemaObject = Record<string, unknown>;

/** Each tool's input and output JSON Schema, by tool name, and the corpus version they hold for. */
export interface ToolJsonSchemas {
  corpusVersion: string;
  tools: Record<string, { input: JsonSchemaObject; output: JsonSchemaObject }>;
}

/** The table the bundle carries; undefined in an unbundled run. serverContext uses it only with its corpus version. */
export function builtToolSchemas(): ToolJsonSchemas | undefined {
  return typeof __MNM_BUILT_TOOL_SCHEMAS__ === "string"
    ? (JSON.parse(__MNM_BUILT_TOOL_SCHEMAS__) as ToolJsonSchemas)
    : undefined;
}
