import { join } from "node:path";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
import { Client, InMemoryTransport } from "@modelcontextprotocol/client";
import type { ServerContext } from "../../src/mcp/context.js";
import { createServer } from "../../src/mcp/server.js";
import { shippedContext } from "./knowledge.js";

export const ROOT = join(import.meta.dirname, "..", "..");
export const BUILT_SERVER = join(ROOT, "dist", "server", "index.js");
/**
 * The node that runs spawned servers: MNM_SERVER_NODE (.ci/run sets the machine's node, which
 * npm scripts shadow with the Node 22 from node_modules/.bin), else the node running the tests.
 */
export const SERVER_NODE = process.env.MNM_SERVER_NODE || process.execPath;

/** A real SDK client connected in memory to a fresh server. */
export async function connectInMemory(context: ServerContext = shippedContext()): Promise<Client> {
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  const server = createServer(context);
  await server.connect(serverTransport);
  const client = new Client({ name: "test-client", version: "1.0.0" });
  await client.connect(clientTransport);
  return client;
}

export interface StdioConnection {
  client: Client;
  stderr: () => string;
  close: () => Promise<void>;
}

/** A real SDK client talking to the built server spawned over stdio. */
export async function connectStdio(
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<StdioConnection> {
  const transport = new StdioClientTransport({
    command: SERVER_NODE,
    args: [BUILT_SERVER, ...args],
    env: { ...(process.env as Record<string, string>), ...env },
    stderr: "pipe",
  });
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const client = new Client({ name: "stdio-test-client", version: "1.0.0" });
  await client.connect(transport);
  return { client, stderr: () => stderr, close: () => client.close() };
}

/** Text of the first text block of a tool result. */
export function textOf(result: unknown): string {
  const content = (result as { content?: { type: string; text?: string }[] }).content ?? [];
  return content
    .filter((c) => c.type === "text")
    .map((c) => c.text ?? "")
    .join("\n");
}
