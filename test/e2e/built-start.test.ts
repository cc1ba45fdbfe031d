// What the bundle does to make a start quick (BENCHMARKS.md, cold start) changes nothing a client
// sees: the tool list written ahead at build time is the one the server would write live, the
// answers from corpus files parsed ahead are those of files parsed by zod at start, and the compile
// cache holds compiled code in the folder Node is told, or nothing when it is turned off.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BUILT_SERVER, ROOT, SERVER_NODE } from "../support/clients.js";
import { NODE22 } from "../support/inspector.js";
import { tempFolder } from "../support/stdio-command.js";
import { REFERENCE_CASE, REFERENCE_LETTER_CONTEXT } from "../../tools/demo-reference-case.js";

const LIST = [
  {
    jsonrpc: "2.0",
    id: 1,
    method: "initialize",
    params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "t", version: "1" } },
  },
  { jsonrpc: "2.0", method: "notifications/initialized" },
  { jsonrpc: "2.0", id: 2, method: "tools/list", params: {} },
];

/** The raw answer lines of a server started with `node <entry>` to `messages`, stdin closed after them. */
function answerLines(
  node: string,
  entry: string,
  messages: object[],
  env: Record<string, string | undefined> = {},
): string[] {
  const run = spawnSync(node, [entry], {
    input: messages.map((m) => JSON.stringify(m)).join("\n") + "\n",
    encoding: "utf8",
    timeout: 30_000,
    env: { ...process.env, ...env },
  });
  const lines = run.stdout.split("\n").filter((l) => l.startsWith("{"));
  if (lines.length === 0) throw new Error(`no answer (exit ${String(run.status)}): ${run.stderr}`);
  return lines;
}

/** The raw tools/list answer line. */
function toolsListLine(node: string, entry: string, env: Record<string, string | undefined> = {}): string {
  const line = answerLines(node, entry, LIST, env).find((l) => l.includes('"id":2'));
  if (!line) throw new Error("no tools/list answer");
  return line;
}

const UNBUNDLED = join(ROOT, "dist", "src", "index.js");

/** One call of each tool that reads the corpus in full view, after initialize. */
const CALLS = [
  LIST[0]!,
  LIST[1]!,
  ...[
    ["evaluateSIJointRFA", { ...REFERENCE_CASE, detail: "full" }],
    ["draftDeterminationLetter", { case: REFERENCE_CASE, context: REFERENCE_LETTER_CONTEXT, detail: "full" }],
    ["lookupCodes", { codes: ["M46.1", "64625", "J1100", "G0260"], detail: "full" }],
    ["citeGuideline", { query: "radiofrequency ablation sacroiliac joint", detail: "full" }],
    [
      "verifyCitations",
      { text: 'The BMJ guideline says "strong recommendations against" ablation.', detail: "full" },
    ],
  ].map(([name, args], i) => ({
    jsonrpc: "2.0",
    id: 10 + i,
    method: "tools/call",
    params: { name, arguments: args },
  })),
];

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe("the built server's start", () => {
  it("lists, byte for byte, the tools the unbundled server writes live from the zod schemas", () => {
    const built = toolsListLine(SERVER_NODE, BUILT_SERVER);
    const live = toolsListLine(SERVER_NODE, UNBUNDLED);
    const { result } = JSON.parse(built) as { result: { tools: { name: string }[] } };
    expect(result.tools.map((t) => t.name)).toHaveLength(5);
    expect(built).toBe(live);
  });

  it("answers every tool from corpus files parsed ahead as from files zod parsed at start", () => {
    const built = answerLines(SERVER_NODE, BUILT_SERVER, CALLS);
    const live = answerLines(SERVER_NODE, UNBUNDLED, CALLS);
    expect(built).toHaveLength(CALLS.length - 1);
    for (const line of built.slice(1)) expect(line).not.toContain('"isError":true');
    // Calls are answered as each finishes: compare them by id.
    const byId = (lines: string[]) => new Map(lines.map((l) => [(JSON.parse(l) as { id: number }).id, l]));
    expect(byId(built)).toEqual(byId(live));
  });

  it("turns on Node's compile cache (Node >= 22.1), by default in the temporary folder", () => {
    const tmp = tempFolder("mnm-compile-cache-");
    cleanups.push(tmp.remove);
    // Nothing but the server's own call turns it on here: no NODE_COMPILE_CACHE.
    toolsListLine(NODE22, BUILT_SERVER, { TMPDIR: tmp.dir, NODE_COMPILE_CACHE: undefined });
    const folder = join(tmp.dir, "node-compile-cache");
    expect(existsSync(folder)).toBe(true);
    expect(readdirSync(folder, { recursive: true }).length).toBeGreaterThan(1);
  });

  it("writes no compile cache when NODE_DISABLE_COMPILE_CACHE=1", () => {
    const tmp = tempFolder("mnm-compile-cache-");
    cleanups.push(tmp.remove);
    toolsListLine(NODE22, BUILT_SERVER, { TMPDIR: tmp.dir, NODE_DISABLE_COMPILE_CACHE: "1" });
    expect(readdirSync(tmp.dir)).toEqual([]);
  });
});
