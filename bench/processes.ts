import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import type { ChildProcess } from "node:child_process";
import { join } from "node:path";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
import { Client } from "@modelcontextprotocol/client";

/** dist/bench → the built servers beside it. */
const DIST = join(import.meta.dirname, "..");
export const SERVERS = {
  ours: join(DIST, "server", "index.js"),
  bare: join(DIST, "bench", "bare-server.js"),
} as const;
export type ServerName = keyof typeof SERVERS;

export interface StdioSession {
  client: Client;
  pid: number;
  close: () => Promise<void>;
}

/** Spawn a server over stdio and connect a real SDK client (initialize included). */
export async function openStdio(name: ServerName): Promise<StdioSession> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [SERVERS[name]],
    stderr: "ignore",
  });
  const client = new Client({ name: "bench", version: "1.0.0" });
  await client.connect(transport);
  const pid = transport.pid;
  if (pid === null) throw new Error(`${name}: no pid after connect`);
  return { client, pid, close: () => client.close() };
}

export interface HttpServerProcess {
  url: string;
  child: ChildProcess;
  stop: () => Promise<void>;
}

/** Spawn a server in HTTP mode on a free port and wait for its ready line. */
export async function startHttp(name: ServerName): Promise<HttpServerProcess> {
  const child = spawn(process.execPath, [SERVERS[name], "--http", "--port", "0"], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, MNM_HTTP_TOKEN: "" },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let stderr = "";
  const port = await new Promise<string>((resolve, reject) => {
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
      const match = /ready on http:\/\/127\.0\.0\.1:(\d+)\/mcp/.exec(stderr);
      if (match?.[1]) resolve(match[1]);
    });
    child.once("exit", (code) =>
      reject(new Error(`${name} exited (${String(code)}) before ready: ${stderr}`)),
    );
  });
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    child,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Resident set size of a process in MB, from /proc/<pid>/status. */
export async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(kb) / 1024;
}
