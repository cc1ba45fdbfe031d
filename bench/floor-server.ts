// The answer floor for `npm run bench`: the bare SDK server of bench/bare-server.ts, plus our tools'
// names with our input and output schemas, each answering the bench's timed calls from answers
// computed once at start by our own code. A call to it costs what the SDK and the wire cost for
// that exact answer (input validation, output-schema check, JSON encoding, the pipe, decoding) and
// nothing of our work, so ours minus the floor is what our server itself adds.
import { StdioServerTransport } from "@modelcontextprotocol/server/stdio";
import { McpServer } from "@modelcontextprotocol/server";
import type { CallToolResult } from "@modelcontextprotocol/server";
import { z } from "zod";
import { LookupCodesOutputSchema } from "../src/codes/lookup-result-schema.js";
import { evaluationAnswer } from "../src/mcp/tools/evaluate-si-joint-rfa.js";
import { LookupCodesInputSchema, lookupCodesAnswer } from "../src/mcp/tools/lookup-codes.js";
import { toolError } from "../src/mcp/tool-result.js";
import { EvaluateInputSchema, EvaluationSchema } from "../src/policy/evaluation-schema.js";
import { TIMED_CALLS } from "./calls.js";

const server = new McpServer({ name: "answer-floor", version: "1.0.0" });
server.registerTool(
  "echo",
  { description: "Echo the message back.", inputSchema: z.object({ message: z.string() }) },
  ({ message }) => ({ content: [{ type: "text", text: message }] }),
);

/** Our tool's own answers to the bench's timed calls of `name`, by the JSON of the parsed input. */
async function fixed<I>(
  name: string,
  parse: (args: unknown) => I,
  answer: (input: I) => Promise<CallToolResult>,
): Promise<Map<string, CallToolResult>> {
  const answers = new Map<string, CallToolResult>();
  for (const call of Object.values(TIMED_CALLS)) {
    if (call.name !== name) continue;
    const input = parse(call.arguments);
    answers.set(JSON.stringify(input), await answer(input));
  }
  return answers;
}

const lookups = await fixed("lookupCodes", (args) => LookupCodesInputSchema.parse(args), lookupCodesAnswer);
const evaluations = await fixed(
  "evaluateSIJointRFA",
  (args) => EvaluateInputSchema.parse(args),
  async (input) => (await evaluationAnswer(input)).result,
);
const notTimed = toolError("the answer-floor server answers only the bench's timed calls");

server.registerTool(
  "lookupCodes",
  { inputSchema: LookupCodesInputSchema, outputSchema: LookupCodesOutputSchema },
  (input) => lookups.get(JSON.stringify(input)) ?? notTimed,
);
server.registerTool(
  "evaluateSIJointRFA",
  { inputSchema: EvaluateInputSchema, outputSchema: EvaluationSchema },
  (input) => evaluations.get(JSON.stringify(input)) ?? notTimed,
);
await server.connect(new StdioServerTransport());
