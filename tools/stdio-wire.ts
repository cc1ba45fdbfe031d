// A raw newline-delimited JSON-RPC client for the built server over stdio (no SDK client in the
// way): used by the fuzz script and the stdio tests, which must see every byte the server writes.
import { spawn } from "node:child_process";
import type { ChildProcessWithoutNullStreams } from "node:child_process";

export interface WireResponse {
  jsonrpc: "2.0";
  id: string | number | null;
  result?: Record<string, unknown>;
  error?: { code: number; message: string; data?: unknown };
}

export interface StdioWire {
  child: ChildProcessWithoutNullStreams;
  /** Write raw text to stdin (no newline added). */
  write: (text: string) => boolean;
  /** Send one request; resolves with its response (matched by id). */
  request: (method: string, params?: unknown) => Promise<WireResponse>;
  /** Responses whose id no request of this client is waiting for (e.g. id null). */
  unmatched: () => WireResponse[];
  /** stdout lines that are not JSON-RPC 2.0 responses (must stay empty). */
  stray: () => string[];
  stderr: () => string;
  alive: () => boolean;
  /** Close stdin and resolve with the exit code. */
  end: () => Promise<number | null>;
}

export function spawnWire(
  node: string,
  server: string,
  args: string[] = [],
  env?: NodeJS.ProcessEnv,
): StdioWire {
  const child = spawn(node, [server, ...args], { stdio: ["pipe", "pipe", "pipe"], env: env ?? process.env });
  let stderr = "";
  let partial = "";
  let nextId = 1;
  const waiting = new Map<string | number, (r: WireResponse) => void>();
  const unmatched: WireResponse[] = [];
  const stray: string[] = [];
  child.stderr.on("data", (chunk: Buffer) => {
    // Kept bounded: a long run may log many lines.
    stderr = (stderr + chunk.toString("utf8")).slice(-200_000);
  });
  child.stdout.on("data", (chunk: Buffer) => {
    const lines = (partial + chunk.toString("utf8")).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) {
      let message: WireResponse;
      try {
        message = JSON.parse(line) as WireResponse;
      } catch {
        stray.push(line.slice(0, 200));
        continue;
      }
      if (message.jsonrpc !== "2.0" || !("id" in message) || (!message.result && !message.error)) {
        stray.push(line.slice(0, 200));
        continue;
      }
      const resolve = message.id === null ? undefined : waiting.get(message.id);
      if (resolve && message.id !== null) {
        waiting.delete(message.id);
        resolve(message);
      } else unmatched.push(message);
    }
  });
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.stdin.on("error", () => undefined);
  return {
    child,
    write: (text) => child.stdin.write(text),
    request: (method, params) =>
      new Promise((resolve, reject) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          reject(new Error("the server has exited"));
          return;
        }
        const id = nextId++;
        waiting.set(id, resolve);
        const message =
          params === undefined ? { jsonrpc: "2.0", id, method } : { jsonrpc: "2.0", id, method, params };
        child.stdin.write(`${JSON.stringify(message)}\n`);
      }),
    unmatched: () => unmatched,
    stray: () => (partial ? [...stray, partial.slice(0, 200)] : stray),
    stderr: () => stderr,
    alive: () => child.exitCode === null && child.signalCode === null,
    end: () => {
      child.stdin.end();
      return exit;
    },
  };
}

/** Initialize a 2025-06-18 session (the era most clients speak) and send `initialized`. */
export async function initializeWire(wire: StdioWire): Promise<WireResponse> {
  const response = await wire.request("initialize", {
    protocolVersion: "2025-06-18",
    capabilities: {},
    clientInfo: { name: "stdio-wire", version: "1" },
  });
  wire.write(`${JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" })}\n`);
  return response;
}
