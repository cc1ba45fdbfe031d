// `npm run fuzz`: seeded fuzzing of the built server over one stdio connection.
//
//   npm run fuzz                                   # seed 1, 10,000 calls per tool
//   npm run fuzz -- --seed 7 --calls 20000 --max-seconds 900
//
// Every tool gets --calls calls (mutations of valid inputs and arbitrary JSON), plus protocol-level
// noise (malformed params, unknown methods and tools). It fails, exit 1, when the server exits,
// an answer is missing or late, stdout carries a byte that is not a JSON-RPC response, an error
// result quotes more than 200 characters of a long input string, or the run exceeds --max-seconds.
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { FUZZED_TOOLS, FuzzInputs, fuzzArguments } from "./fuzz-inputs.js";
import { initializeWire, spawnWire } from "./stdio-wire.js";
import type { WireResponse } from "./stdio-wire.js";

export interface FuzzOptions {
  seed: number;
  callsPerTool: number;
  maxSeconds: number;
  node: string;
  server: string;
  /** Requests in flight at once. */
  window?: number;
  log?: (line: string) => void;
}

export interface ToolFigures {
  calls: number;
  results: number;
  errorResults: number;
  protocolErrors: number;
  maxMs: number;
}

export interface FuzzReport {
  seed: number;
  seconds: number;
  tools: Record<string, ToolFigures>;
  protocolCalls: number;
  failures: string[];
  strayStdout: string[];
  alive: boolean;
}

/** Strings over 200 characters in a value (an error may never quote one beyond 200 characters). */
function longStrings(value: unknown, found: string[] = []): string[] {
  if (typeof value === "string") {
    if (value.length > 200) found.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) longStrings(item, found);
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (key.length > 200) found.push(key);
      longStrings(item, found);
    }
  }
  return found;
}

function resultProblem(response: WireResponse, args: unknown): string | undefined {
  if (response.error) {
    if (typeof response.error.code !== "number" || typeof response.error.message !== "string")
      return "a JSON-RPC error without a code and a message";
    if (response.error.code === -32603) return `an internal error: ${response.error.message.slice(0, 200)}`;
    return undefined;
  }
  const result = response.result as { content?: unknown; isError?: unknown } | undefined;
  if (!result || !Array.isArray(result.content)) return "a result without content";
  if (result.isError === true) {
    const text = JSON.stringify(result.content);
    for (const long of longStrings(args)) {
      const head = long.slice(0, 201);
      if (text.includes(JSON.stringify(head).slice(1, -1)))
        return "an error result quoting more than 200 characters of its input";
    }
  }
  return undefined;
}

/** Percent-encoded when it can be (a lone surrogate cannot), else as it is. */
function uriPart(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Protocol-level noise: malformed params and unknown names, answered without a crash. */
function protocolCall(inputs: FuzzInputs): { method: string; params: unknown } {
  const r = inputs.int(8);
  if (r === 0) return { method: "tools/call", params: inputs.value(1) };
  if (r === 1)
    return { method: "tools/call", params: { name: inputs.pick(FUZZED_TOOLS), arguments: inputs.value(2) } };
  if (r === 2) return { method: "tools/call", params: { name: inputs.string() } };
  if (r === 3)
    return {
      method: "resources/read",
      params: {
        uri: `corpus://${inputs.pick(["passages", "sources"])}/${uriPart(inputs.string())}`,
      },
    };
  if (r === 4)
    return {
      method: "prompts/get",
      params: { name: inputs.pick(["review-request", "draft-denial-letter"]), arguments: inputs.value(1) },
    };
  if (r === 5) return { method: "completion/complete", params: inputs.value(1) };
  if (r === 6) return { method: inputs.string().slice(0, 50), params: inputs.value(1) };
  return { method: "ping", params: inputs.value(1) };
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const log = options.log ?? (() => undefined);
  const inputs = new FuzzInputs(options.seed);
  const wire = spawnWire(options.node, options.server);
  const started = performance.now();
  const deadline = started + options.maxSeconds * 1000;
  const failures: string[] = [];
  const tools: Record<string, ToolFigures> = {};
  for (const tool of FUZZED_TOOLS)
    tools[tool] = { calls: 0, results: 0, errorResults: 0, protocolErrors: 0, maxMs: 0 };
  let protocolCalls = 0;
  const fail = (line: string): void => {
    if (failures.length < 50) failures.push(line);
  };

  try {
    await initializeWire(wire);
    // One plan of every call, in seeded order: each tool's calls interleaved with the others'.
    const plan: string[] = [];
    for (let i = 0; i < options.callsPerTool; i++)
      plan.push(...FUZZED_TOOLS, ...(i % 5 === 0 ? ["(protocol)"] : []));
    let next = 0;
    const timeout = (ms: number) =>
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms).unref(),
      );
    const worker = async (): Promise<void> => {
      while (next < plan.length && failures.length === 0) {
        if (performance.now() > deadline) {
          fail(`over the ${options.maxSeconds} s bound after ${next} calls`);
          return;
        }
        const index = next++;
        const tool = plan[index] as string;
        let method = "tools/call";
        let params: unknown;
        let args: unknown;
        if (tool === "(protocol)") {
          ({ method, params } = protocolCall(inputs));
          protocolCalls++;
        } else {
          args = fuzzArguments(inputs, tool);
          params = { name: tool, arguments: args };
        }
        const start = performance.now();
        let response: WireResponse;
        try {
          response = await Promise.race([wire.request(method, params), timeout(60_000)]);
        } catch (error) {
          fail(`call ${index} (${tool}): ${error instanceof Error ? error.message : String(error)}`);
          return;
        }
        const ms = performance.now() - start;
        if (tool === "(protocol)") {
          if (response.error && response.error.code === -32603)
            fail(`call ${index} (${method}): internal error ${response.error.message.slice(0, 200)}`);
          continue;
        }
        const figures = tools[tool] as ToolFigures;
        figures.calls++;
        figures.maxMs = Math.max(figures.maxMs, ms);
        if (response.error) figures.protocolErrors++;
        else if ((response.result as { isError?: unknown }).isError === true) figures.errorResults++;
        else figures.results++;
        const problem = resultProblem(response, args);
        if (problem) fail(`call ${index} (${tool}): ${problem}`);
        if (index > 0 && index % 10_000 === 0)
          log(`  ${index} calls, ${((performance.now() - started) / 1000).toFixed(0)} s`);
      }
    };
    await Promise.all(Array.from({ length: options.window ?? 8 }, worker));
    // Still serving after everything.
    const ping = await Promise.race([wire.request("ping", {}), timeout(10_000)]).catch(() => undefined);
    if (!ping?.result) fail("no answer to a ping after the run");
  } finally {
    if (!wire.alive()) fail(`the server exited: ${wire.stderr().slice(-500)}`);
    if (wire.unmatched().length > 0) fail(`${wire.unmatched().length} answers matched no request`);
    if (/fatal|Uncaught|TypeError|RangeError/.test(wire.stderr()))
      fail(`the server logged a crash: ${wire.stderr().slice(-500)}`);
    await wire.end();
  }
  return {
    seed: options.seed,
    seconds: (performance.now() - started) / 1000,
    tools,
    protocolCalls,
    failures,
    strayStdout: wire.stray(),
    alive: failures.every((f) => !f.startsWith("the server exited")),
  };
}

function option(argv: string[], name: string, fallback: number): number {
  const at = argv.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(argv[at + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} expects a non-negative integer`);
  return value;
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const options: FuzzOptions = {
    seed: option(argv, "--seed", 1),
    callsPerTool: option(argv, "--calls", 10_000),
    maxSeconds: option(argv, "--max-seconds", 900),
    node: process.execPath,
    server: join(fileURLToPath(new URL(".", import.meta.url)), "..", "server", "index.js"),
    log: (line) => console.error(line),
  };
  console.error(
    `fuzz: seed ${options.seed}, ${options.callsPerTool} calls per tool (${FUZZED_TOOLS.join(", ")}), at most ${options.maxSeconds} s, node ${process.version}`,
  );
  const report = await runFuzz(options);
  for (const [tool, f] of Object.entries(report.tools)) {
    console.error(
      `  ${tool}: ${f.calls} calls: ${f.results} results, ${f.errorResults} isError results, ${f.protocolErrors} JSON-RPC errors; slowest ${f.maxMs.toFixed(0)} ms`,
    );
  }
  const total = Object.values(report.tools).reduce((n, f) => n + f.calls, 0) + report.protocolCalls;
  console.error(
    `  protocol noise: ${report.protocolCalls} calls; stray stdout lines: ${report.strayStdout.length}; ${total} calls in ${report.seconds.toFixed(1)} s`,
  );
  if (report.strayStdout.length > 0)
    report.failures.push(`stray stdout: ${report.strayStdout.slice(0, 3).join(" | ")}`);
  if (report.failures.length > 0) {
    console.error("fuzz FAILED:");
    for (const f of report.failures) console.error(`  - ${f}`);
    return 1;
  }
  console.error("fuzz passed: no crash, no stray stdout byte, every call answered");
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(`fuzz: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exitCode = 2;
    },
  );
}
