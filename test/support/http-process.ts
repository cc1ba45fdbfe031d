import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { request } from "node:http";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import type { ClientOptions } from "@modelcontextprotocol/client";
import { BUILT_SERVER, SERVER_NODE } from "./clients.js";

export interface HttpProcess {
  /** The endpoint from the ready line, e.g. http://127.0.0.1:40123/mcp */
  url: string;
  port: number;
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  stop: () => Promise<void>;
}

const READY = /ready on http:\/\/(\S+?):(\d+)\/mcp/;

/** Spawn the built server with `--http --port 0` (plus args) and wait for its ready line on stderr. */
export async function startHttpProcess(
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<HttpProcess> {
  const child = spawn(SERVER_NODE, [BUILT_SERVER, "--http", "--port", "0", ...args], {
    env: { ...process.env, MNM_HTTP_TOKEN: "", MNM_ALLOWED_HOSTS: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
      const match = READY.exec(stderr);
      if (match?.[2]) resolve(Number(match[2]));
    });
    child.once("exit", (code) =>
      reject(new Error(`server exited with code ${String(code)} before ready:\n${stderr}`)),
    );
  });
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    port,
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** A real SDK client over Streamable HTTP, optionally sending extra headers (e.g. Authorization). */
export async function connectHttp(
  url: string,
  headers: Record<string, string> = {},
  options: ClientOptions = {},
): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } });
  const client = new Client({ name: "http-test-client", version: "1.0.0" }, options);
  await client.connect(transport);
  return client;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request with full control of the headers (fetch does not let a caller set Host). */
export function rawRequest(
  port: number,
  options: { method: string; path?: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method: options.method,
        path: options.path ?? "/mcp",
        headers: options.headers ?? {},
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** A v2 client that speaks protocol 2026-07-28 only. */
export const MODERN: ClientOptions = { versionNegotiation: { mode: { pin: "2026-07-28" } } };

/** A 2026-07-28 request: the protocol version in the _meta envelope and in its header. */
export const MODERN_DISCOVER = {
  headers: { "mcp-protocol-version": "2026-07-28", "mcp-method": "server/discover" },
  body: JSON.stringify({
    jsonrpc: "2.0",
    id: 1,
    method: "server/discover",
    params: {
      _meta: {
        "io.modelcontextprotocol/protocolVersion": "2026-07-28",
        "io.modelcontextprotocol/clientInfo": { name: "raw", version: "1" },
        "io.modelcontextprotocol/clientCapabilities": {},
      },
    },
  }),
};

/** Headers a Streamable HTTP POST carries. */
export const MCP_POST_HEADERS = {
  "content-type": "application/json",
  accept: "application/json, text/event-stream",
};
