// Clients of each protocol era the server serves, over stdio (spawning the built server) or over
// Streamable HTTP:
// - the v1 SDK client (@modelcontextprotocol/sdk 1.32) offers 2025-11-25 only (its
//   LATEST_PROTOCOL_VERSION; it has no option to offer another);
// - the v2 client (@modelcontextprotocol/client) offers what `supportedProtocolVersions` lists
//   first among the 2025-era versions (default 2025-11-25) in the initialize handshake, and speaks
//   2026-07-28 (server/discover, then a _meta envelope on every request) when
//   `versionNegotiation.mode` pins it.
import { Client } from "@modelcontextprotocol/client";
import type { ClientOptions } from "@modelcontextprotocol/client";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
import { Client as V1Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport as V1StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport as V1StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Transport as V1Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { BUILT_SERVER, SERVER_NODE } from "./clients.js";

export type Where = { stdio: true } | { url: string };

/** What the era tests ask of a client, whichever SDK it comes from. */
export interface EraClient {
  /** The protocol version the connection negotiated. */
  protocolVersion: string | undefined;
  serverName: string | undefined;
  listTools(): Promise<{ name: string; inputSchema: unknown; outputSchema?: unknown }[]>;
  callTool(name: string, args: Record<string, unknown>): Promise<Answer>;
  readResource(uri: string): Promise<unknown[]>;
  getPrompt(name: string, args: Record<string, string>): Promise<unknown[]>;
  complete(prompt: string, argument: string, value: string): Promise<string[]>;
  ping(): Promise<unknown>;
  close(): Promise<void>;
}

/** A tool answer without the result's _meta (a 2026-07-28 server stamps its identity there). */
export interface Answer {
  content: unknown;
  structuredContent: unknown;
  isError: boolean;
}

function answer(result: { content?: unknown; structuredContent?: unknown; isError?: boolean }): Answer {
  return { content: result.content, structuredContent: result.structuredContent, isError: !!result.isError };
}

const serverParams = () => ({
  command: SERVER_NODE,
  args: [BUILT_SERVER],
  env: { ...(process.env as Record<string, string>) },
  stderr: "ignore" as const,
});

/** What both SDKs' clients offer that the era tests use (their result types differ only in detail). */
interface SdkClient {
  listTools(): Promise<{ tools: { name: string; inputSchema: unknown; outputSchema?: unknown }[] }>;
  callTool(params: { name: string; arguments: Record<string, unknown> }): Promise<unknown>;
  readResource(params: { uri: string }): Promise<{ contents: unknown[] }>;
  getPrompt(params: { name: string; arguments: Record<string, string> }): Promise<{ messages: unknown[] }>;
  complete(params: {
    ref: { type: "ref/prompt"; name: string };
    argument: { name: string; value: string };
  }): Promise<{ completion: { values: string[] } }>;
  ping(): Promise<unknown>;
  close(): Promise<void>;
}

/** The era tests' view of a connected client, from either SDK. */
export function eraClient(
  client: SdkClient,
  protocolVersion: string | undefined,
  serverName: string | undefined,
): EraClient {
  return {
    protocolVersion,
    serverName,
    listTools: async () => (await client.listTools()).tools,
    callTool: async (name, args) =>
      answer((await client.callTool({ name, arguments: args })) as Parameters<typeof answer>[0]),
    readResource: async (uri) => (await client.readResource({ uri })).contents,
    getPrompt: async (name, args) => (await client.getPrompt({ name, arguments: args })).messages,
    complete: async (prompt, argument, value) =>
      (
        await client.complete({
          ref: { type: "ref/prompt", name: prompt },
          argument: { name: argument, value },
        })
      ).completion.values,
    ping: () => client.ping(),
    close: () => client.close(),
  };
}

/** A v2 client with these options. */
export async function connectV2(where: Where, options: ClientOptions): Promise<EraClient> {
  const client = new Client({ name: "era-test-v2", version: "1.0.0" }, options);
  await client.connect(
    "url" in where
      ? new StreamableHTTPClientTransport(new URL(where.url))
      : new StdioClientTransport(serverParams()),
  );
  return eraClient(client, client.getNegotiatedProtocolVersion(), client.getServerVersion()?.name);
}

/** Records the protocol version the v1 client settles on (it hands it to its transport). */
function recording(inner: V1Transport): { transport: V1Transport; version: () => string | undefined } {
  let version: string | undefined;
  const transport: V1Transport = {
    start: () => inner.start(),
    send: (message, options) => inner.send(message, options),
    close: () => inner.close(),
    setProtocolVersion: (v) => {
      version = v;
      inner.setProtocolVersion?.(v);
    },
  };
  inner.onmessage = (message, extra) => transport.onmessage?.(message, extra);
  inner.onerror = (error) => transport.onerror?.(error);
  inner.onclose = () => transport.onclose?.();
  return { transport, version: () => version };
}

/** The v1 SDK client (1.32). */
export async function connectV1(where: Where): Promise<EraClient> {
  const client = new V1Client({ name: "era-test-v1", version: "1.0.0" });
  const { transport, version } = recording(
    "url" in where
      ? new V1StreamableHTTPClientTransport(new URL(where.url))
      : new V1StdioClientTransport(serverParams()),
  );
  await client.connect(transport);
  return eraClient(client, version(), client.getServerVersion()?.name);
}

export interface EraCase {
  label: string;
  protocolVersion: string;
  connect: (where: Where) => Promise<EraClient>;
}

/** One client per protocol era (and the v1 SDK client), each with the version it must negotiate. */
export const ERA_CASES: EraCase[] = [
  {
    label: "v2 client offering 2025-06-18",
    protocolVersion: "2025-06-18",
    connect: (where) => connectV2(where, { supportedProtocolVersions: ["2025-06-18"] }),
  },
  {
    label: "v1 SDK client (1.32)",
    protocolVersion: "2025-11-25",
    connect: connectV1,
  },
  {
    label: "v2 client, default handshake",
    protocolVersion: "2025-11-25",
    connect: (where) => connectV2(where, {}),
  },
  {
    label: "v2 client pinned to 2026-07-28",
    protocolVersion: "2026-07-28",
    connect: (where) => connectV2(where, { versionNegotiation: { mode: { pin: "2026-07-28" } } }),
  },
];
