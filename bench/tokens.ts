// What a model receives from this server, in tokens. The tokenizer is gpt-tokenizer's o200k_base
// encoding (the GPT-4o / o-series vocabulary): an approximation for every client's model, Claude's
// included, whose own tokenizer is not published; the same text counts alike in every run, so the
// figures compare between builds.
import { countTokens } from "gpt-tokenizer/encoding/o200k_base";
import { answerJson, answerText } from "./answer-forms.js";
import type { ToolAnswer } from "./answer-forms.js";

export const TOKENIZER = "gpt-tokenizer o200k_base";

export function tokens(text: string): number {
  return countTokens(text);
}

/** The two forms of a tool answer a client may show its model. */
export interface AnswerSize {
  /** The text blocks, joined as clients that forward only the text show them. */
  text: { tokens: number; chars: number };
  /** `JSON.stringify(structuredContent)`, as Claude Code, Copilot CLI, Cursor and ChatGPT forward it. */
  json: { tokens: number; chars: number };
}

export function answerSize(result: ToolAnswer): AnswerSize {
  const text = answerText(result);
  const json = answerJson(result);
  return {
    text: { tokens: tokens(text), chars: text.length },
    json: { tokens: tokens(json), chars: json.length },
  };
}

/** A tool as tools/list describes it. */
export interface ListedTool {
  name: string;
  title?: string | undefined;
  description?: string | undefined;
  inputSchema: unknown;
  outputSchema?: unknown;
}

/**
 * A tool definition's tokens. `model` is what a client sends its model on every turn: the name,
 * the description and the input schema, as the Anthropic API takes them (Claude Code and Claude
 * Desktop; the OpenAI APIs take the same three parts as name, description and parameters); the
 * title and the output schema are counted apart, since clients keep them to themselves.
 */
export interface DefinitionSize {
  model: number;
  name: number;
  description: number;
  inputSchema: number;
  title: number;
  outputSchema: number;
}

export function definitionSize(tool: ListedTool): DefinitionSize {
  return {
    model: tokens(
      JSON.stringify({
        name: tool.name,
        description: tool.description ?? "",
        input_schema: tool.inputSchema,
      }),
    ),
    name: tokens(tool.name),
    description: tokens(tool.description ?? ""),
    inputSchema: tokens(JSON.stringify(tool.inputSchema)),
    title: tokens(tool.title ?? ""),
    outputSchema: tool.outputSchema === undefined ? 0 : tokens(JSON.stringify(tool.outputSchema)),
  };
}

/** Whether a listed tool takes `detail` ("summary" / "full"): only then do calls pass it. */
export function takesDetail(tool: ListedTool | undefined): boolean {
  const schema = tool?.inputSchema as { properties?: Record<string, unknown> } | undefined;
  return schema?.properties !== undefined && "detail" in schema.properties;
}
