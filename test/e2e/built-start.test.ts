// What the bundle does to make a start quick (BENCHMARKS.md, cold start) changes nothing a client
// sees: the tool list written ahead at build time is the one the server would write live, and the
// compile cache holds compiled code in the folder Node is told, or nothing when it is turned off.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BUILT_SERVER, ROOT, SERVER_NODE } from "../support/clients.js";
import { NODE22 } from "../support/inspector.js";
import { tempFolder } from "../support/stdio-command.js";

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

/** The raw tools/list answer line of a server started with `node <entry>`, stdin closed after it. */
function toolsListLine(node: string, entry: string, env: Record<string, string | undefined> = {}): string {
  const run = spawnSync(node, [entry], {
    input: LIST.map((m) => JSON.stringify(m)).join("\n") + "\n",
    encoding: "utf8",
    timeout: 30_000,
    env: { ...process.env, ...env },
  });
  const line = run.stdout.split("\n").find((l) => l.includes('"id":2'));
  if (!line) throw new Error(`no tools/list answer (exit ${String(run.status)}): ${run.stderr}`);
  return line;
}

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe("the built server's start", () => {
  it("lists, byte for byte, the tools the unbundled server writes live from the zod schemas", () => {
    const built = toolsListLine(SERVER_NODE, BUILT_SERVER);
    const live = toolsListLine(SERVER_NODE, join(ROOT, "dist", "src", "index.js"));
    const { result } = JSON.parse(built) as { result: { tools: { name: string }[] } };
    expect(result.tools.map((t) => t.name)).toHaveLength(5);
    expect(built).toBe(live);
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
