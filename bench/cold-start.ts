import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { SERVERS } from "./processes.js";
import type { ServerName } from "./processes.js";

const INITIALIZE = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: {
    protocolVersion: "2025-06-18",
    capabilities: {},
    clientInfo: { name: "bench", version: "1.0.0" },
  },
};

export interface ColdStart {
  ms: number;
  tools: string[];
}

/**
 * Milliseconds from spawn until the tools/list answer has arrived, speaking JSON-RPC over the
 * pipes directly: initialize, wait for its answer, notifications/initialized, tools/list. A raw
 * client keeps client-side work (the SDK client compiles a validator for every output schema) out
 * of the server's figure.
 */
export function coldStart(name: ServerName): Promise<ColdStart> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [SERVERS[name]], { stdio: ["pipe", "pipe", "ignore"] });
    const send = (message: object): void => {
      child.stdin.write(`${JSON.stringify(message)}\n`);
    };
    let answer: ColdStart | undefined;
    let buffer = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      buffer += chunk;
      let newline: number;
      while ((newline = buffer.indexOf("\n")) >= 0) {
        const message = JSON.parse(buffer.slice(0, newline)) as {
          id?: number;
          result?: { tools?: { name: string }[] };
        };
        buffer = buffer.slice(newline + 1);
        if (message.id === 1) {
          send({ jsonrpc: "2.0", method: "notifications/initialized" });
          send({ jsonrpc: "2.0", id: 2, method: "tools/list", params: {} });
        } else if (message.id === 2) {
          answer = { ms: performance.now() - start, tools: (message.result?.tools ?? []).map((t) => t.name) };
          child.stdin.end();
        }
      }
    });
    child.once("error", reject);
    child.once("exit", (code) => {
      if (answer) resolve(answer);
      else reject(new Error(`${name} exited (${String(code)}) before answering tools/list`));
    });
    send(INITIALIZE);
  });
}
