// The size every tool answer is held to (issue 11), in both forms a client may show its model: the
// text block, and JSON.stringify(structuredContent). Used by the tests (test/support/clients.ts records
// the contract tests' answers; test/contract/answer-sizes.test.ts). Tokens are counted with the
// bench's tokenizer (bench/tokens.ts), loaded only when an answer is large enough to need it: a
// token is at least one UTF-8 byte, so an answer of fewer bytes than the limit is within it.

import { answerJson, answerText } from "./answer-forms.js";
import type { ToolAnswer } from "./answer-forms.js";

/** Summary answers (the default): under 10,000 tokens and 50,000 characters; asked-for full views: at most 25,000 tokens. */
export const ANSWER_LIMITS = {
  summary: { tokens: 10_000, chars: 50_000 },
  full: { tokens: 25_000 },
} as const;

export interface AnswerLimits {
  /** Strictly below these. */
  summary: { tokens: number; chars: number };
  /** At most this. */
  full: { tokens: number };
}

interface Form {
  chars: number;
  bytes: number;
  /** Kept only when the form may be over a token limit. */
  content?: string;
}

/** One answer's two forms, measured when it arrived. */
export interface MeasuredAnswer {
  tool: string;
  /** `detail: "full"` was asked for. */
  full: boolean;
  text: Form;
  json: Form;
}

function measureForm(content: string, keepFrom: number): Form {
  const bytes = Buffer.byteLength(content, "utf8");
  return { chars: content.length, bytes, ...(bytes >= keepFrom ? { content } : {}) };
}

/** Measure an answer as it arrives; its content is kept only if it may be over a token limit. */
export function measureAnswer(
  tool: string,
  args: Record<string, unknown> | undefined,
  result: ToolAnswer,
  limits: AnswerLimits = ANSWER_LIMITS,
): MeasuredAnswer {
  const keepFrom = Math.min(limits.summary.tokens, limits.full.tokens);
  const json = answerJson(result);
  return {
    tool,
    full: args?.detail === "full",
    text: measureForm(answerText(result), keepFrom),
    json: measureForm(json, keepFrom),
  };
}

export interface Oversize {
  tool: string;
  full: boolean;
  form: "text" | "json";
  tokens?: number;
  chars: number;
  limit: string;
}

/** The forms of the answers that are over their limit. */
export async function oversized(
  answers: readonly MeasuredAnswer[],
  limits: AnswerLimits = ANSWER_LIMITS,
): Promise<Oversize[]> {
  const found: Oversize[] = [];
  let count: ((text: string) => number) | undefined;
  for (const answer of answers) {
    const tokenLimit = answer.full ? limits.full.tokens : limits.summary.tokens;
    const over = (tokens: number) => (answer.full ? tokens > tokenLimit : tokens >= tokenLimit);
    const limit = answer.full
      ? `full view: ≤ ${tokenLimit} tokens`
      : `summary: < ${limits.summary.tokens} tokens and < ${limits.summary.chars} chars`;
    for (const name of ["text", "json"] as const) {
      const form = answer[name];
      const charsOver = !answer.full && form.chars >= limits.summary.chars;
      let tokens: number | undefined;
      if (form.bytes >= tokenLimit) {
        if (form.content === undefined)
          throw new Error("an answer measured with lower limits lost its content");
        count ??= (await import("./tokens.js")).tokens;
        tokens = count(form.content);
      }
      if (charsOver || (tokens !== undefined && over(tokens)))
        found.push({
          tool: answer.tool,
          full: answer.full,
          form: name,
          ...(tokens !== undefined ? { tokens } : {}),
          chars: form.chars,
          limit,
        });
    }
  }
  return found;
}

/** One line per oversized form, largest first. */
export function describeOversize(found: readonly Oversize[]): string {
  return [...found]
    .sort((a, b) => b.chars - a.chars)
    .map(
      (o) =>
        `${o.tool}${o.full ? ' (detail "full")' : ""}, ${o.form === "json" ? "JSON of structuredContent" : "text block"}: ${o.tokens === undefined ? "" : `${o.tokens} tokens, `}${o.chars} chars (${o.limit})`,
    )
    .join("\n");
}
