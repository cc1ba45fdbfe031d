import { join, sep } from "node:path";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
import { Client, InMemoryTransport } from "@modelcontextprotocol/client";
import { afterAll, expect } from "vitest";
import { describeOversize, measureAnswer, oversized } from "../../bench/answer-limits.js";
import type { MeasuredAnswer } from "../../bench/answer-limits.js";
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

/** A real SDK client connected in memory to a fresh server; in test/contract, its answers are measured. */
export async function connectInMemory(context: ServerContext = shippedContext()): Promise<Client> {
  const client = await connectServer(context);
  if ((expect.getState().testPath ?? "").includes(`${sep}test${sep}contract${sep}`)) measureAnswers(client);
  return client;
}

async function connectServer(context: ServerContext): Promise<Client> {
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  const server = createServer(context);
  await server.connect(serverTransport);
  const client = new Client({ name: "test-client", version: "1.0.0" });
  await client.connect(clientTransport);
  return client;
}

/**
 * Every answer the contract tests receive, measured in both forms (bench/answer-limits.ts): after
 * each contract test file, every summary answer must be under 10,000 tokens and 50,000 characters,
 * and every asked-for `detail: "full"` answer at most 25,000 tokens (issue 11). A tool that does not
 * take `detail` yet has only its one answer; its oversized answers are listed, not failed, unless
 * MNM_ANSWER_SIZES_STRICT=1 (test/contract/answer-sizes.test.ts).
 */
export const contractAnswers: MeasuredAnswer[] = [];

function measureAnswers(client: Client): void {
  const callTool = client.callTool.bind(client);
  client.callTool = async (params, ...rest) => {
    const result = await callTool(params, ...rest);
    contractAnswers.push(measureAnswer(params.name, params.arguments, result));
    return result;
  };
}

/** The shipped tools whose input takes `detail`. */
export async function toolsWithDetail(): Promise<Set<string>> {
  const client = await connectServer(shippedContext());
  const { tools } = await client.listTools();
  await client.close();
  return new Set(tools.filter((t) => "detail" in (t.inputSchema.properties ?? {})).map((t) => t.name));
}

afterAll(async () => {
  const found = await oversized(contractAnswers);
  if (found.length === 0) return;
  const withDetail = process.env.MNM_ANSWER_SIZES_STRICT === "1" ? undefined : await toolsWithDetail();
  const pending = withDetail ? found.filter((o) => !withDetail.has(o.tool)) : [];
  const failing = found.filter((o) => !pending.includes(o));
  if (pending.length)
    console.warn(
      `answers over their size limit from tools without detail levels yet:\n${describeOversize(pending)}`,
    );
  if (failing.length)
    throw new Error(`${failing.length} answer forms over their size limit:\n${describeOversize(failing)}`);
});

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
/** Claude Code's result-size key, which only full views declare in a result's `_meta`. */
export const MAX_CHARS_META = "anthropic/maxResultSizeChars";

/** A tool call that must succeed, with its answer in both forms a client may show its model. */
export async function answerOf(client: Client, name: string, args: Record<string, unknown>) {
  const result = await client.callTool({ name, arguments: args });
  expect(result.isError, textOf(result)).toBeFalsy();
  return { result, text: textOf(result), json: JSON.stringify(result.structuredContent) };
}

export function textOf(result: unknown): string {
  const content = (result as { content?: { type: string; text?: string }[] }).content ?? [];
  return content
    .filter((c) => c.type === "text")
    .map((c) => c.text ?? "")
    .join("\n");
}
