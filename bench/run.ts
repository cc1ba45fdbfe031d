// `npm run bench`: the tokens a model receives from our server (answers in both forms, tool
// definitions, a three-case conversation), and our server against a bare SDK echo server measured in
// the same run, printed as ratios; every figure with its target. Bounded; not a test.
import { availableParallelism, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import type { Client } from "@modelcontextprotocol/client";
import {
  REFERENCE_CASE,
  REFERENCE_CODES,
  REFERENCE_LETTER_CONTEXT,
  REFERENCE_QUESTION,
} from "../tools/demo-reference-case.js";
import { tokenFigures, withDetail } from "./answers.js";
import { ECHO, TIMED_CALLS } from "./calls.js";
import type { Call } from "./calls.js";
import { coldStart } from "./cold-start.js";
import { httpThroughput } from "./http-load.js";
import { openStdio, rssMb, startHttp } from "./processes.js";
import type { ServerName } from "./processes.js";
import { table, tokenReport, verdict } from "./report.js";
import type { Result } from "./report.js";
import { median, p95 } from "./stats.js";
import { TOKENIZER } from "./tokens.js";
import type { ListedTool } from "./tokens.js";

const COLD_SPAWNS = 15;
const WARMUP_CALLS = 30;
const ROUND_TRIPS = 200;
const HTTP_ROUNDS = 3;
const HTTP_REQUESTS = 600;
const HTTP_CONCURRENCY = 8;

const VERIFY_TEXT =
  'The 2025 BMJ guideline states: "the guideline panel issued strong recommendations against: joint radiofrequency ablation". The 2020 NICE guideline agrees.';

function ms(value: number): string {
  return `${value.toFixed(2)} ms`;
}

async function callOk(client: Client, call: Call): Promise<void> {
  const result = await client.callTool(call);
  if (result.isError)
    throw new Error(`${call.name} answered isError: ${JSON.stringify(result.content).slice(0, 300)}`);
}

let servedTools = new Set<string>();

async function coldStartMs(name: ServerName): Promise<number> {
  const { ms, tools } = await coldStart(name);
  if (name === "ours") servedTools = new Set(tools);
  return ms;
}

interface RoundTripSample {
  ours: number[];
  echo: number[];
}

/** Alternate echo and the measured call one by one, so drift hits both alike. */
async function roundTrips(clients: { ours: Client; bare: Client }, call: Call): Promise<RoundTripSample> {
  const { ours, bare } = clients;
  for (let i = 0; i < WARMUP_CALLS; i++) {
    await callOk(ours, call);
    await callOk(bare, ECHO);
  }
  const sample: RoundTripSample = { ours: [], echo: [] };
  const timed = async (client: Client, c: Call, into: number[]) => {
    const t = performance.now();
    await callOk(client, c);
    into.push(performance.now() - t);
  };
  for (let i = 0; i < ROUND_TRIPS; i++) {
    await timed(bare, ECHO, sample.echo);
    await timed(ours, call, sample.ours);
  }
  return sample;
}

function rtResult(
  name: string,
  detail: string,
  limit: number,
  sample: RoundTripSample,
  note?: string,
): Result {
  return {
    name,
    detail,
    ours: `median ${ms(median(sample.ours))}, p95 ${ms(p95(sample.ours))}`,
    baseline: `echo median ${ms(median(sample.echo))}, p95 ${ms(p95(sample.echo))}`,
    value: median(sample.ours) / median(sample.echo),
    target: { op: "<=", limit, unit: "x" },
    ...(note ? { note } : {}),
  };
}

function missing(name: string, detail: string, limit: number, tool: string): Result {
  return {
    name,
    detail,
    ours: "n/a",
    baseline: "n/a",
    target: { op: "<=", limit, unit: "x" },
    note: `${tool} is not registered yet`,
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadAtStart = loadavg().map((l) => l.toFixed(2));
  const results: Result[] = [];
  const log = (line: string) => console.error(line);

  log(`cold start: ${COLD_SPAWNS} spawns of each server over stdio, interleaved`);
  const cold = { ours: [] as number[], bare: [] as number[] };
  await coldStartMs("ours");
  await coldStartMs("bare");
  for (let i = 0; i < COLD_SPAWNS; i++) {
    cold.ours.push(await coldStartMs("ours"));
    cold.bare.push(await coldStartMs("bare"));
  }
  results.push({
    name: "cold start",
    detail: `spawn → tools/list answer over stdio (raw JSON-RPC client), median of ${COLD_SPAWNS}`,
    ours: ms(median(cold.ours)),
    baseline: ms(median(cold.bare)),
    value: median(cold.ours) / median(cold.bare),
    target: { op: "<=", limit: 1.2, unit: "x" },
  });

  // The tokens, in a session of their own: it lists the tools (the definitions are counted from that
  // list), which makes the SDK client validate every answer against its output schema.
  log("tokens: the fixed calls' answers in both forms, the tool definitions, the three-case conversation");
  const counting = await openStdio("ours");
  const listed = (await counting.client.listTools()).tools as ListedTool[];
  const tokens = await tokenFigures(counting.client);
  await counting.close();

  const ours = await openStdio("ours");
  const bare = await openStdio("bare");
  const clients = { ours: ours.client, bare: bare.client };
  // These sessions never list tools, so the SDK client does not validate outputs: the figures are
  // the server's and the wire's, not the client's schema checks.
  const tools = servedTools;
  const rtDetail = `stdio, ${ROUND_TRIPS} calls after ${WARMUP_CALLS} warm-up`;
  const { lookup, search, evaluate } = TIMED_CALLS;
  if (tools.has("lookupCodes")) {
    log("round trips: lookupCodes (10 codes) and a query search vs echo");
    results.push(
      rtResult("lookupCodes round trip", `10 codes, ${rtDetail}`, 1.3, await roundTrips(clients, lookup)),
    );
    results.push(
      rtResult(
        "lookupCodes search round trip",
        `query "sacroiliitis", ${rtDetail}`,
        1.3,
        await roundTrips(clients, search),
      ),
    );
  } else {
    results.push(missing("lookupCodes round trip", "10 codes", 1.3, "lookupCodes"));
    results.push(missing("lookupCodes search round trip", 'query "sacroiliitis"', 1.3, "lookupCodes"));
  }
  if (tools.has("evaluateSIJointRFA")) {
    log("round trips: evaluateSIJointRFA summary on the reference case vs echo");
    const summary = withDetail(evaluate, "summary", listed);
    results.push(
      rtResult(
        "evaluateSIJointRFA round trip",
        `reference case, ${summary === evaluate ? "its one answer" : 'detail "summary"'}, ${rtDetail}`,
        1.5,
        await roundTrips(clients, summary),
        summary === evaluate ? "no detail levels yet" : undefined,
      ),
    );
  } else {
    results.push(missing("evaluateSIJointRFA round trip", "reference case", 1.5, "evaluateSIJointRFA"));
  }

  log("HTTP throughput: lookupCodes vs echo, stateless Streamable HTTP on 127.0.0.1");
  const httpCall: Call = tools.has("lookupCodes")
    ? { name: "lookupCodes", arguments: { codes: REFERENCE_CODES } }
    : ECHO;
  const oursHttp = await startHttp("ours");
  const bareHttp = await startHttp("bare");
  const rate = { ours: [] as number[], bare: [] as number[] };
  try {
    await httpThroughput(oursHttp.url, httpCall, 50, HTTP_CONCURRENCY);
    await httpThroughput(bareHttp.url, ECHO, 50, HTTP_CONCURRENCY);
    for (let round = 0; round < HTTP_ROUNDS; round++) {
      rate.ours.push(await httpThroughput(oursHttp.url, httpCall, HTTP_REQUESTS, HTTP_CONCURRENCY));
      rate.bare.push(await httpThroughput(bareHttp.url, ECHO, HTTP_REQUESTS, HTTP_CONCURRENCY));
    }
  } finally {
    await oursHttp.stop();
    await bareHttp.stop();
  }
  results.push({
    name: "HTTP throughput",
    detail: `${httpCall.name === "lookupCodes" ? "lookupCodes, 4 reference codes" : "echo (lookupCodes not registered yet)"}; ${HTTP_REQUESTS} requests × ${HTTP_ROUNDS} rounds, concurrency ${HTTP_CONCURRENCY}, median round`,
    ours: `${median(rate.ours).toFixed(0)} req/s`,
    baseline: `echo ${median(rate.bare).toFixed(0)} req/s`,
    value: median(rate.ours) / median(rate.bare),
    target: { op: ">=", limit: 0.8, unit: "x" },
  });

  log("memory: RSS after exercising every tool");
  const exercised: string[] = [];
  for (const call of exerciseCalls()) {
    if (!tools.has(call.name)) continue;
    await callOk(ours.client, call);
    exercised.push(call.name);
  }
  const oursRss = await rssMb(ours.pid);
  const bareRss = await rssMb(bare.pid);
  results.push({
    name: "resident memory",
    detail: `VmRSS of the stdio server after the round trips and a call of ${exercised.length ? exercised.join(", ") : "no tool"}`,
    ours: `${oursRss.toFixed(1)} MB`,
    baseline: `echo ${bareRss.toFixed(1)} MB`,
    value: oursRss,
    target: { op: "<=", limit: 150, unit: "MB" },
  });
  await ours.close();
  await bare.close();

  const counted = tokenReport(tokens, TOKENIZER);
  console.log(counted.text);
  console.log("");
  console.log(table(results));
  console.log("");
  for (const line of counted.lines) console.log(`${line.verdict.padEnd(4)}  ${line.name}`);
  for (const r of results) console.log(`${verdict(r).padEnd(4)}  ${r.name}`);
  const load = loadavg().map((l) => l.toFixed(2));
  console.log(
    `\n(node ${process.version}; ${availableParallelism()} cores; load average at start ${loadAtStart.join(" ")}, at end ${load.join(" ")}; ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
}

/** One call of every tool, for the memory figure. */
function exerciseCalls(): Call[] {
  return [
    { name: "lookupCodes", arguments: { codes: REFERENCE_CODES } },
    { name: "lookupCodes", arguments: { query: "dexamethasone" } },
    { name: "citeGuideline", arguments: { query: REFERENCE_QUESTION } },
    { name: "evaluateSIJointRFA", arguments: REFERENCE_CASE },
    {
      name: "draftDeterminationLetter",
      arguments: { case: REFERENCE_CASE, context: REFERENCE_LETTER_CONTEXT },
    },
    { name: "verifyCitations", arguments: { text: VERIFY_TEXT } },
  ];
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
