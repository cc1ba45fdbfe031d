// The tokens each kind of client receives from our server (issue 11 item 7): the fixed calls'
// answers in both forms, the tool definitions, and the three-case conversation.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Client } from "@modelcontextprotocol/client";
import { packageRoot } from "../src/util/package-root.js";
import {
  CONVERSATION,
  CONVERSATION_TARGET,
  CONVERSATION_TURNS,
  DEFINITION_TARGETS,
  REFERENCE_DETERMINATIONS,
  REFERENCE_GOVERNING,
  SEED_DOCUMENT,
  countedCalls,
} from "./calls.js";
import type { AnswerTarget, Call } from "./calls.js";
import { answerText } from "./answer-forms.js";
import { answerSize, definitionSize, takesDetail } from "./tokens.js";
import type { AnswerSize, DefinitionSize, ListedTool } from "./tokens.js";

export interface AnswerResult {
  label: string;
  /** The detail level the bench wants (summary or full view)... */
  wanted?: "summary" | "full";
  /** ...and the one the call asked for: absent when the tool takes no `detail` (its one answer). */
  detail?: "summary" | "full";
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
  detail?: "summary" | "full";
  size: AnswerSize;
}

/** How many of the wanted items each form of the reference summary holds. */
export interface FoundInForms {
  wanted: number;
  text: number;
  json: number;
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
  governingQuotes: FoundInForms;
  /** The reference summary's per-service determinations, found in each form. */
  determinations: FoundInForms;
  /** The tools whose listed input schema takes `detail`. */
  withDetailLevels: string[];
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
  const seed = await readFile(join(packageRoot(), ...SEED_DOCUMENT), "utf8");
  const served = new Set(listed.map((t) => t.name));

  const answers: AnswerResult[] = [];
  let governingQuotes: FoundInForms = { wanted: REFERENCE_GOVERNING.length, text: 0, json: 0 };
  let determinations: FoundInForms = { wanted: REFERENCE_DETERMINATIONS.length, text: 0, json: 0 };
  for (const counted of countedCalls(seed)) {
    const { label, call, detail, target } = counted;
    if (!served.has(call.name)) {
      answers.push({
        label,
        target,
        ...(detail ? { wanted: detail } : {}),
        note: `${call.name} is not registered`,
      });
      continue;
    }
    const sent = withDetail(call, detail, listed);
    const { size, result } = await answer(client, sent);
    const asked = sent === call ? undefined : detail;
    const levels = asked ? undefined : "no detail levels yet: the tool's one answer";
    answers.push({
      label,
      size,
      target,
      ...(detail ? { wanted: detail } : {}),
      ...(asked ? { detail: asked } : {}),
      ...(levels ? { note: levels } : {}),
    });
    if (label.endsWith("reference case, summary")) {
      const text = answerText(result);
      const json = JSON.stringify(result.structuredContent ?? null);
      governingQuotes = { wanted: REFERENCE_GOVERNING.length, text: 0, json: 0 };
      for (const id of REFERENCE_GOVERNING) {
        const quote = await passageQuote(client, id);
        if (text.includes(quote)) governingQuotes.text++;
        if (json.includes(JSON.stringify(quote).slice(1, -1))) governingQuotes.json++;
      }
      determinations = { wanted: REFERENCE_DETERMINATIONS.length, text: 0, json: 0 };
      for (const { code, determination } of REFERENCE_DETERMINATIONS) {
        if (textStates(text, code, determination)) determinations.text++;
        if (jsonStates(result.structuredContent, code, determination)) determinations.json++;
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
    for (const call of calls) steps.push(step(c.name, call, (await answer(client, call)).size));
    const letterCall = withDetail(
      { name: "draftDeterminationLetter", arguments: { case: c.case, context: c.context } },
      "summary",
      listed,
    );
    const letter = await answer(client, letterCall);
    steps.push(step(c.name, letterCall, letter.size));
    const verifyCall = withDetail(
      { name: "verifyCitations", arguments: { text: letterText(letter.result) } },
      "summary",
      listed,
    );
    steps.push(step(c.name, verifyCall, (await answer(client, verifyCall)).size));
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
    determinations,
    withDetailLevels: listed.filter((t) => takesDetail(t)).map((t) => t.name),
  };
}

function step(caseName: string, call: Call, size: AnswerSize): ConversationStep {
  const detail = call.arguments.detail;
  return {
    case: caseName,
    tool: call.name,
    ...(detail === "summary" || detail === "full" ? { detail } : {}),
    size,
  };
}

/** "not-medically-necessary" as a reader writes it: lower case, words apart. */
function words(value: string): string {
  return value.toLowerCase().replace(/[-_]+/g, " ");
}

/** The text states the service's determination: one line names the code and the determination. */
function textStates(text: string, code: string, determination: string): boolean {
  return text.split("\n").some((line) => line.includes(code) && words(line).includes(words(determination)));
}

/**
 * The structured content states the service's determination: an object holds the determination as
 * one of its values and the code somewhere inside it (one service, or a group of services with the
 * same outcome).
 */
function jsonStates(value: unknown, code: string, determination: string): boolean {
  if (Array.isArray(value)) return value.some((v) => jsonStates(v, code, determination));
  if (value === null || typeof value !== "object") return false;
  const values = Object.values(value);
  if (values.includes(determination) && holdsString(value, code)) return true;
  return values.some((v) => jsonStates(v, code, determination));
}

function holdsString(value: unknown, wanted: string): boolean {
  if (value === wanted) return true;
  if (Array.isArray(value)) return value.some((v) => holdsString(v, wanted));
  if (value !== null && typeof value === "object")
    return Object.values(value).some((v) => holdsString(v, wanted));
  return false;
}
