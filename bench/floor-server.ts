// The answer floor for `npm run bench`: the bare SDK server of bench/bare-server.ts, plus our tools'
// names with our input and output schemas, each answering the bench's timed calls with the answers
// our own server gave them at this server's start (asked in memory, through a real client). A call
// to it costs what the SDK and the wire cost for that exact answer (input validation, output-schema
// check, JSON encoding, the pipe, decoding) and nothing of our work, so ours minus the floor is what
// our server itself adds.
import { Client, InMemoryTransport } from "@modelcontextprotocol/client";
import { McpServer } from "@modelcontextprotocol/server";
import type { CallToolResult } from "@modelcontextprotocol/server";
import { StdioServerTransport } from "@modelcontextprotocol/server/stdio";
import { z } from "zod";
import { LookupCodesInputSchema } from "../src/codes/lookup-input-schema.js";
import { LookupAnswerSchema } from "../src/codes/lookup-output-schema.js";
import { EvaluationViewSchema } from "../src/review/evaluation-view-schema.js";
import { SHIPPED_FAMILIES } from "../src/families/shipped.js";
import { loadKnowledge } from "../src/knowledge/knowledge.js";
import { serverContext } from "../src/mcp/context.js";
import { createServer } from "../src/mcp/server.js";
import { toolInput, toolOutput } from "../src/mcp/tool-schemas.js";
import { corpusDir } from "../src/util/package-root.js";
import { TIMED_CALLS } from "./calls.js";

const { knowledge, problems } = loadKnowledge(corpusDir(), SHIPPED_FAMILIES);
if (!knowledge) throw new Error(`the corpus failed verification: ${problems.join("; ")}`);
const context = serverContext(knowledge);

/** Our server's answers to the timed calls, keyed by tool name and the JSON of the parsed input. */
async function ourAnswers(): Promise<Map<string, CallToolResult>> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await createServer(context).connect(serverSide);
  const client = new Client({ name: "answer-floor", version: "1.0.0" });
  await client.connect(clientSide);
  const answers = new Map<string, CallToolResult>();
  for (const call of Object.values(TIMED_CALLS)) {
    const schema = call.name === "lookupCodes" ? LookupCodesInputSchema : context.caseSchema;
    const key = JSON.stringify([call.name, schema.parse(call.arguments)]);
    answers.set(key, await client.callTool(call));
  }
  await client.close();
  return answers;
}

const answers = await ourAnswers();
const notTimed: CallToolResult = {
  content: [{ type: "text", text: "the answer-floor server answers only the bench's timed calls" }],
  isError: true,
};
const timed = (name: string) => (input: unknown) => answers.get(JSON.stringify([name, input])) ?? notTimed;

const server = new McpServer({ name: "answer-floor", version: "1.0.0" });
server.registerTool(
  "echo",
  { description: "Echo the message back.", inputSchema: z.object({ message: z.string() }) },
  ({ message }) => ({ content: [{ type: "text", text: message }] }),
);
server.registerTool(
  "lookupCodes",
  { inputSchema: toolInput(LookupCodesInputSchema), outputSchema: toolOutput(LookupAnswerSchema) },
  timed("lookupCodes"),
);
server.registerTool(
  "evaluateSIJointRFA",
  { inputSchema: toolInput(context.caseSchema), outputSchema: toolOutput(EvaluationViewSchema) },
  timed("evaluateSIJointRFA"),
);
await server.connect(new StdioServerTransport());
