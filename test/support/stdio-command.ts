import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { Client } from "@modelcontextprotocol/client";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
import { SERVER_NODE } from "./clients.js";
import type { StdioConnection } from "./clients.js";

/**
 * A user's environment for a spawned command: no npm_* variables from the npm script running the
 * tests, and the machine's node (SERVER_NODE) first on the PATH, ahead of node_modules/.bin.
 */
export function userEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.toLowerCase().startsWith("npm_")) env[key] = value;
  }
  env.PATH = [dirname(SERVER_NODE), env.PATH ?? ""].join(delimiter);
  return { ...env, ...extra };
}

/** A real SDK client talking over stdio to any command (an installed package, an unpacked bundle). */
export async function connectCommand(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string> },
): Promise<StdioConnection> {
  const transport = new StdioClientTransport({
    command,
    args,
    cwd: options.cwd,
    env: options.env,
    stderr: "pipe",
  });
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const client = new Client({ name: "package-test-client", version: "1.0.0" });
  await client.connect(transport);
  return { client, stderr: () => stderr, close: () => client.close() };
}

/** A temporary folder outside the repository, removed by the returned function. */
export function tempFolder(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
