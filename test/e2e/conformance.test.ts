// The MCP conformance suite (@modelcontextprotocol/conformance 0.1.16, on the Node 22 dev
// dependency) against the built server over stateless HTTP. Its active server scenarios run once;
// the ones that apply to any server must pass. The others each call a tool, prompt or resource
// of the suite's own (test_simple_text, test_prompt_with_arguments, test://static-text, ...) that
// a server implements only for the test, or need sessions or server-to-client requests this
// stateless server does not offer.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/clients.js";
import type { HttpProcess } from "../support/http-process.js";
import { startHttpProcess } from "../support/http-process.js";
import { NODE22 } from "../support/inspector.js";

const CONFORMANCE = join(ROOT, "node_modules", "@modelcontextprotocol", "conformance", "dist", "index.js");

/** Protocol scenarios any server must pass (logging-set-level: the server declares logging). */
const APPLICABLE = [
  "server-initialize",
  "ping",
  "tools-list",
  "resources-list",
  "prompts-list",
  "logging-set-level",
  "dns-rebinding-protection",
];

interface Check {
  id: string;
  status: string;
  errorMessage?: string;
}

const out = mkdtempSync(join(tmpdir(), "mnm-conformance-"));
let server: HttpProcess;

/** Run the suite's active server scenarios once (bounded to 120 s); the checks of each, by scenario. */
function runSuite(): Promise<Map<string, Check[]>> {
  const argv = [CONFORMANCE, "server", "--url", server.url, "-o", out];
  return new Promise((resolve, reject) => {
    const child = spawn(NODE22, argv, { cwd: out, env: { ...process.env, CI: "true" }, stdio: "ignore" });
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.once("error", reject);
    child.once("close", () => {
      clearTimeout(timer);
      const checks = new Map<string, Check[]>();
      // One folder per scenario: server-<scenario>-<timestamp>.
      for (const run of readdirSync(out)) {
        const scenario = /^server-(.+)-\d{4}-\d\d-\d\dT[\d-]+Z$/.exec(run)?.[1];
        if (scenario)
          checks.set(scenario, JSON.parse(readFileSync(join(out, run, "checks.json"), "utf8")) as Check[]);
      }
      resolve(checks);
    });
  });
}

let results = new Map<string, Check[]>();
beforeAll(async () => {
  server = await startHttpProcess();
  results = await runSuite();
}, 180_000);
afterAll(async () => {
  await server?.stop();
  rmSync(out, { recursive: true, force: true });
});

describe("MCP conformance suite 0.1.16 over HTTP", () => {
  it.each(APPLICABLE)("%s passes", (scenario) => {
    const checks = results.get(scenario) ?? [];
    expect(checks.length, scenario).toBeGreaterThan(0);
    for (const check of checks)
      expect(check.status, `${check.id}: ${check.errorMessage ?? ""}`).toBe("SUCCESS");
  });

  // The scenario calls a test_error_handling tool a server is to implement for it. The v1 SDK
  // answered any unknown tool with an isError result, which passed; the v2 SDK answers it, as
  // the specification says, with the JSON-RPC error -32602, which the scenario counts as a failure.
  it("tools-call-error: this server has no test_error_handling tool, and says so with -32602", () => {
    const checks = results.get("tools-call-error") ?? [];
    expect(checks.map((c) => [c.id, c.status])).toEqual([["tools-call-error", "FAILURE"]]);
    expect(checks[0]?.errorMessage).toBe("Failed: MCP error -32602: Tool test_error_handling not found");
  });
});
