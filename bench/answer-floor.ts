// `node dist/bench/answer-floor.js` (after npm run build): what the bench's answers cost on the wire
// alone. A bare SDK server returns the answers precomputed (no look-up or evaluation work at all),
// measured as bench/run.ts measures round trips (stdio, each call right after a bare echo), in
// blocks that cycle so load drift hits every variant alike; also smaller candidate forms of the
// reference evaluation, plain-text answers of 1-8 kB, and our server itself.
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { StdioServerTransport } from "@modelcontextprotocol/server/stdio";
import { McpServer } from "@modelcontextprotocol/server";
import type { CallToolResult } from "@modelcontextprotocol/server";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
import { Client } from "@modelcontextprotocol/client";
import { z } from "zod";
import { LookupCodesOutputSchema } from "../src/codes/lookup-result-schema.js";
import { evaluationAnswer } from "../src/mcp/tools/evaluate-si-joint-rfa.js";
import { LookupCodesInputSchema, lookupCodesAnswer } from "../src/mcp/tools/lookup-codes.js";
import { EvaluateInputSchema, EvaluationSchema } from "../src/policy/evaluation-schema.js";
import { TIMED_CALLS } from "./calls.js";
import { openStdio } from "./processes.js";
import { median } from "./stats.js";

const BLOCKS = 6;
const CALLS_PER_BLOCK = 100;
const WARMUP_PER_BLOCK = 30;
// The same calls as bench/run.ts.
const REQUESTS = {
  "10 codes": TIMED_CALLS.lookup.arguments,
  search: TIMED_CALLS.search.arguments,
};
const EVALUATION = "evaluate reference case";
const TEXT_KB = [1, 2, 4, 8];

async function answers(): Promise<Map<string, CallToolResult>> {
  const out = new Map<string, CallToolResult>();
  for (const [name, request] of Object.entries(REQUESTS))
    out.set(name, await lookupCodesAnswer(LookupCodesInputSchema.parse(request)));
  const { result, evaluation } = await evaluationAnswer(
    EvaluateInputSchema.parse(TIMED_CALLS.evaluate.arguments),
  );
  if (!evaluation) throw new Error("the reference case answered isError");
  out.set(EVALUATION, result);
  // What a changed output contract could save (not what the tool returns): every citation in the
  // answer replaced by its passage id, with one table of the distinct citations; and the distinct
  // quotes alone, as plain text, the least an answer that quotes its evidence must carry.
  const table = new Map<string, unknown>();
  const byId = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(byId);
    if (value === null || typeof value !== "object") return value;
    if ("passageId" in value && "quote" in value && typeof value.passageId === "string") {
      table.set(value.passageId, value);
      return value.passageId;
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, byId(v)]));
  };
  const compact = { ...(byId(evaluation) as Record<string, unknown>), citationTable: [...table.values()] };
  out.set(`${EVALUATION}, citations by passage id`, { content: result.content, structuredContent: compact });
  const quotes = [...table.values()].map((c) => (c as { quote: string }).quote).join("\n");
  out.set(`${EVALUATION}, distinct quotes only`, { content: [{ type: "text", text: quotes }] });
  for (const kb of TEXT_KB)
    out.set(`text ${kb} kB`, { content: [{ type: "text", text: `${"x".repeat(99)}\n`.repeat(kb * 10) }] });
  return out;
}

const spellingsOf = new Map<string, string[]>();

/**
 * The spelling of a code for the `n`th input (spaces around it, upper or lower case; at most 20
 * characters). Each of the 10 codes has at least 136 spellings, so a spelling comes back only after
 * more than 1,024 other inputs, the number of results the server remembers: every call is a miss.
 */
function unseen(code: string, n: number): string {
  let spellings = spellingsOf.get(code);
  if (!spellings) {
    spellings = [];
    for (const cased of new Set([code, code.toLowerCase()]))
      for (let lead = 0; lead + code.length <= 20; lead++)
        for (let trail = 0; lead + trail + code.length <= 20; trail++)
          spellings.push(`${" ".repeat(lead)}${cased}${" ".repeat(trail)}`);
    spellingsOf.set(code, spellings);
  }
  return spellings[Math.floor(n / 10) % spellings.length] ?? code;
}

const toolName = (name: string, validated: boolean) =>
  `${name.replace(/\W+/g, "-")}${validated ? "-validated" : ""}`;

/** Child process: the bare server of bench/bare-server.ts plus tools returning the fixed answers. */
async function serve(): Promise<void> {
  const server = new McpServer({ name: "answer-floor", version: "1.0.0" });
  const noInput = { k: z.string().optional() };
  for (const [name, answer] of await answers()) {
    server.registerTool(toolName(name, false), { inputSchema: noInput }, () => answer);
    const outputSchema =
      name === EVALUATION ? EvaluationSchema : name in REQUESTS ? LookupCodesOutputSchema : undefined;
    if (outputSchema)
      server.registerTool(toolName(name, true), { inputSchema: noInput, outputSchema }, () => answer);
  }
  await server.connect(new StdioServerTransport());
}

async function measure(): Promise<void> {
  const floor = new Client({ name: "bench", version: "1.0.0" });
  await floor.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: [fileURLToPath(import.meta.url), "--serve"],
      stderr: "ignore",
    }),
  );
  const bare = await openStdio("bare");
  const ours = await openStdio("ours");
  const variants: [string, () => Promise<unknown>][] = [];
  for (const [name, answer] of await answers()) {
    const size = JSON.stringify(answer).length;
    variants.push([
      `${name}: fixed answer (${size} B)`,
      () => floor.callTool({ name: toolName(name, false), arguments: {} }),
    ]);
    if (name === EVALUATION)
      variants.push(
        [
          `${name}: fixed answer, output schema checked`,
          () => floor.callTool({ name: toolName(name, true), arguments: {} }),
        ],
        [
          `${name}: our server, evaluateSIJointRFA`,
          () =>
            ours.client.callTool({ name: "evaluateSIJointRFA", arguments: TIMED_CALLS.evaluate.arguments }),
        ],
      );
    else if (name in REQUESTS) {
      const request = REQUESTS[name as keyof typeof REQUESTS];
      variants.push(
        [
          `${name}: fixed answer, output schema checked`,
          () => floor.callTool({ name: toolName(name, true), arguments: {} }),
        ],
        [
          `${name}: our server, lookupCodes`,
          () => ours.client.callTool({ name: "lookupCodes", arguments: request }),
        ],
      );
    }
    if (name === "10 codes") {
      let call = 0;
      variants.push([
        `${name}: our server, lookupCodes, inputs not seen before`,
        () =>
          ours.client.callTool({
            name: "lookupCodes",
            arguments: { codes: REQUESTS["10 codes"].codes.map((c) => unseen(c, call++)) },
          }),
      ]);
    }
  }
  const echo = () => bare.client.callTool({ name: "echo", arguments: { message: "ping" } });
  const samples = new Map(variants.map(([name]) => [name, { call: [] as number[], echo: [] as number[] }]));
  for (let block = 0; block < BLOCKS; block++) {
    for (const [name, call] of variants) {
      const ms = samples.get(name) ?? { call: [], echo: [] };
      for (let i = 0; i < WARMUP_PER_BLOCK + CALLS_PER_BLOCK; i++) {
        let t = performance.now();
        await echo();
        const echoMs = performance.now() - t;
        t = performance.now();
        const result = (await call()) as { isError?: boolean };
        if (result.isError) throw new Error(`${name}: the call answered isError`);
        if (i < WARMUP_PER_BLOCK) continue;
        ms.echo.push(echoMs);
        ms.call.push(performance.now() - t);
      }
    }
  }
  console.log(
    `${BLOCKS} blocks × ${CALLS_PER_BLOCK} calls per variant, each right after a bare echo; medians`,
  );
  for (const [name, ms] of samples) {
    const [call, echoMs] = [median(ms.call), median(ms.echo)];
    console.log(
      `${(call / echoMs).toFixed(2)}×  ${call.toFixed(3)} ms (echo ${echoMs.toFixed(3)} ms)  ${name}`,
    );
  }
  await Promise.all([floor.close(), bare.close(), ours.close()]);
}

if (process.argv.includes("--serve")) await serve();
else await measure();
