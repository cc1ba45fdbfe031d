// The tokens each kind of client receives from our server (issue 11 item 7): the fixed calls'
// answers in both forms, the tool definitions, and the three-case conversation.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Client } from "@modelcontextprotocol/client";
import {
  CONVERSATION,
  CONVERSATION_TARGET,
  CONVERSATION_TURNS,
  DEFINITION_TARGETS,
  REFERENCE_GOVERNING,
  SEED_DOCUMENT,
  countedCalls,
} from "./calls.js";
import type { AnswerTarget, Call } from "./calls.js";
import { answerSize, answerText, definitionSize, takesDetail } from "./tokens.js";
import type { AnswerSize, DefinitionSize, ListedTool } from "./tokens.js";

/** dist/bench → the repository root. */
const ROOT = join(import.meta.dirname, "..", "..");

export interface AnswerResult {
  label: string;
  size?: AnswerSize;
  target: AnswerTarget;
  note?: string;
}

export interface DefinitionResult {
  tool: string;
  size: DefinitionSize;
  limit?: number;
}

export interface ConversationStep {
  case: string;
  tool: string;
  size: AnswerSize;
}

export interface TokenFigures {
  answers: AnswerResult[];
  definitions: DefinitionResult[];
  definitionTotal: { model: number; limit: number };
  conversation: {
    steps: ConversationStep[];
    turns: number;
    definitionsPerTurn: number;
    total: { text: number; json: number };
    limit: number;
  };
  /** The reference summary's governing quotes, found verbatim in each form. */
  governingQuotes: { wanted: number; text: number; json: number };
}

/** The call with `detail` when the tool takes it; otherwise as it is (today's single answer). */
export function withDetail(call: Call, detail: "summary" | "full" | undefined, tools: ListedTool[]): Call {
  if (!detail || !takesDetail(tools.find((t) => t.name === call.name))) return call;
  return { ...call, arguments: { ...call.arguments, detail } };
}

async function answer(client: Client, call: Call): Promise<{ size: AnswerSize; result: CallResult }> {
  const result = (await client.callTool(call)) as CallResult;
  if (result.isError) throw new Error(`${call.name} answered isError: ${answerText(result).slice(0, 300)}`);
  return { size: answerSize(result), result };
}

interface CallResult {
  content?: unknown;
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

/** The quoted passages' stored words, from citeGuideline (verbatim by contract). */
async function passageQuote(client: Client, passageId: string): Promise<string> {
  const result = (await client.callTool({ name: "citeGuideline", arguments: { passageId } })) as CallResult;
  const first = (result.structuredContent?.results as { quote?: unknown }[] | undefined)?.[0];
  if (typeof first?.quote !== "string") throw new Error(`citeGuideline gave no quote for ${passageId}`);
  return first.quote;
}

/** The letter a draft holds: its markdown when the structured content has it, else the text block. */
function letterText(result: CallResult): string {
  const markdown = result.structuredContent?.markdown;
  return typeof markdown === "string" ? markdown : answerText(result);
}

export async function tokenFigures(client: Client): Promise<TokenFigures> {
  const { tools } = await client.listTools();
  const listed = tools as ListedTool[];
  const seed = await readFile(join(ROOT, ...SEED_DOCUMENT), "utf8");
  const served = new Set(listed.map((t) => t.name));

  const answers: AnswerResult[] = [];
  let governingQuotes = { wanted: REFERENCE_GOVERNING.length, text: 0, json: 0 };
  for (const counted of countedCalls(seed)) {
    const { label, call, detail, target } = counted;
    if (!served.has(call.name)) {
      answers.push({ label, target, note: `${call.name} is not registered` });
      continue;
    }
    const sent = withDetail(call, detail, listed);
    const { size, result } = await answer(client, sent);
    const levels = sent === call && detail ? "no detail levels: the tool's one answer" : undefined;
    answers.push({ label, size, target, ...(levels ? { note: levels } : {}) });
    if (label.endsWith("reference case, summary")) {
      const text = answerText(result);
      const json = JSON.stringify(result.structuredContent ?? null);
      governingQuotes = { wanted: REFERENCE_GOVERNING.length, text: 0, json: 0 };
      for (const id of REFERENCE_GOVERNING) {
        const quote = await passageQuote(client, id);
        if (text.includes(quote)) governingQuotes.text++;
        if (json.includes(JSON.stringify(quote).slice(1, -1))) governingQuotes.json++;
      }
    }
  }

  const definitions = listed.map((tool) => {
    const limit = (DEFINITION_TARGETS.perTool as Record<string, number>)[tool.name];
    return { tool: tool.name, size: definitionSize(tool), ...(limit ? { limit } : {}) };
  });
  const definitionsPerTurn = definitions.reduce((sum, d) => sum + d.size.model, 0);

  const steps: ConversationStep[] = [];
  for (const c of CONVERSATION) {
    const codes = [...c.case.request.services.map((s) => s.code), ...c.case.request.diagnoses];
    const calls: Call[] = [
      { name: "lookupCodes", arguments: { codes } },
      withDetail({ name: "evaluateSIJointRFA", arguments: c.case }, "summary", listed),
      withDetail({ name: "citeGuideline", arguments: { passageId: c.passageId } }, "summary", listed),
    ];
    for (const call of calls) steps.push({ case: c.name, tool: call.name, ...(await answer(client, call)) });
    const letterCall = withDetail(
      { name: "draftDeterminationLetter", arguments: { case: c.case, context: c.context } },
      "summary",
      listed,
    );
    const letter = await answer(client, letterCall);
    steps.push({ case: c.name, tool: letterCall.name, size: letter.size });
    const verifyCall = withDetail(
      { name: "verifyCitations", arguments: { text: letterText(letter.result) } },
      "summary",
      listed,
    );
    steps.push({ case: c.name, tool: verifyCall.name, ...(await answer(client, verifyCall)) });
  }
  const definitionsAll = definitionsPerTurn * CONVERSATION_TURNS;
  const total = {
    text: definitionsAll + steps.reduce((sum, s) => sum + s.size.text.tokens, 0),
    json: definitionsAll + steps.reduce((sum, s) => sum + s.size.json.tokens, 0),
  };

  return {
    answers,
    definitions,
    definitionTotal: { model: definitionsPerTurn, limit: DEFINITION_TARGETS.total },
    conversation: {
      steps,
      turns: CONVERSATION_TURNS,
      definitionsPerTurn,
      total,
      limit: CONVERSATION_TARGET,
    },
    governingQuotes,
  };
}
