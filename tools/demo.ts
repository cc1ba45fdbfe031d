import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { Evaluation } from "../src/policy/evaluation-schema.js";
import { REFERENCE_CASE, REFERENCE_CODES, REFERENCE_QUESTION } from "./demo-reference-case.js";

/**
 * npm run demo: the reference case end to end, the way an agent would run it. A real MCP client
 * spawns the built server over stdio, looks up the four codes, evaluates the request and fetches
 * the governing passages verbatim with citeGuideline.
 */
const here = dirname(fileURLToPath(import.meta.url));
const server = join(here, "..", "src", "index.js");

function textOf(result: unknown): string {
  const content = (result as { content?: { type: string; text?: string }[] }).content ?? [];
  return content
    .filter((c) => c.type === "text")
    .map((c) => c.text ?? "")
    .join("\n");
}

function banner(title: string): void {
  console.log(`\n${"=".repeat(100)}\n${title}\n${"=".repeat(100)}`);
}

const transport = new StdioClientTransport({ command: process.execPath, args: [server], stderr: "inherit" });
const client = new Client({ name: "medical-necessity-demo", version: "1.0.0" });
await client.connect(transport);
try {
  const { tools } = await client.listTools();
  const served = new Set(tools.map((t) => t.name));
  console.log(`Connected over stdio to ${server}; tools: ${[...served].join(", ")}`);

  banner(`lookupCodes: ${REFERENCE_CODES.join(", ")}`);
  console.log(textOf(await client.callTool({ name: "lookupCodes", arguments: { codes: REFERENCE_CODES } })));

  banner("evaluateSIJointRFA: the reference case");
  console.log(JSON.stringify(REFERENCE_CASE));
  const result = await client.callTool({ name: "evaluateSIJointRFA", arguments: REFERENCE_CASE });
  console.log(textOf(result));
  const evaluation = result.structuredContent as Evaluation;

  if (served.has("citeGuideline")) {
    banner(`citeGuideline: "${REFERENCE_QUESTION}"`);
    console.log(
      textOf(await client.callTool({ name: "citeGuideline", arguments: { query: REFERENCE_QUESTION } })),
    );
    for (const c of evaluation.governingEvidence) {
      banner(`citeGuideline: ${c.passageId}`);
      console.log(
        textOf(await client.callTool({ name: "citeGuideline", arguments: { passageId: c.passageId } })),
      );
    }
  }

  banner("Summary");
  for (const s of evaluation.services) console.log(`${s.code}: ${s.determination}`);
  console.log(`overall: ${evaluation.determination} (review required; ${evaluation.disclaimer})`);
} finally {
  await client.close();
}
