import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
import { Client } from "@modelcontextprotocol/client";
import { evaluationSummary, letterSummary } from "./demo-format.js";
import {
  REFERENCE_CASE,
  REFERENCE_CODES,
  REFERENCE_LETTER_CONTEXT,
  REFERENCE_QUESTION,
} from "./demo-reference-case.js";

/**
 * npm run demo: the reference case end to end, the way an agent runs it. A real MCP client spawns
 * the built server over stdio and calls lookupCodes, citeGuideline, evaluateSIJointRFA,
 * draftDeterminationLetter and verifyCitations; a step whose tool is not served is skipped.
 */
const here = dirname(fileURLToPath(import.meta.url));
const server = join(here, "..", "server", "index.js");

type Structured = Record<string, unknown> | undefined;
interface Answer {
  isError: boolean;
  text: string;
  structured: Structured;
}

const indent = (lines: string[]): string => lines.map((l) => `   ${l}`).join("\n");

function textOf(result: unknown): string {
  const content = (result as { content?: { type: string; text?: string }[] }).content ?? [];
  return content
    .filter((c) => c.type === "text")
    .map((c) => c.text ?? "")
    .join("\n");
}

// The server's own start-up line goes to its stderr; the demo keeps stderr for real problems.
const transport = new StdioClientTransport({ command: process.execPath, args: [server], stderr: "pipe" });
const client = new Client({ name: "medical-necessity-demo", version: "1.0.0" });
await client.connect(transport);

let failed = false;
async function step(
  served: Set<string>,
  name: string,
  args: Record<string, unknown>,
  what: string,
): Promise<Answer | undefined> {
  console.log(`\n-> ${name}: ${what}`);
  if (!served.has(name)) {
    console.log(`   (skipped: the server does not serve ${name})`);
    return undefined;
  }
  const result = await client.callTool({ name, arguments: args });
  const answer = {
    isError: result.isError === true,
    text: textOf(result),
    structured: result.structuredContent as Structured,
  };
  if (answer.isError) {
    failed = true;
    console.log(`<- isError\n${indent(answer.text.split("\n"))}`);
  }
  return answer;
}

try {
  const { tools } = await client.listTools();
  const served = new Set(tools.map((t) => t.name));
  console.log(`medical-necessity-mcp demo: the reference case over stdio (${server})`);
  console.log("Tools served:");
  for (const t of tools) console.log(`- ${t.name}: ${t.title ?? t.description?.split(". ")[0] ?? ""}`);

  const codes = await step(served, "lookupCodes", { codes: REFERENCE_CODES }, REFERENCE_CODES.join(", "));
  if (codes && !codes.isError) console.log(indent(codes.text.split("\n")));

  const cited = await step(
    served,
    "citeGuideline",
    { query: REFERENCE_QUESTION, limit: 3 },
    REFERENCE_QUESTION,
  );
  if (cited && !cited.isError) {
    const results = (cited.structured?.results ?? []) as { passageId: string; quote: string }[];
    console.log(indent(results.map((r, i) => `${i + 1}. ${r.passageId} "${r.quote}"`)));
  }

  const evaluated = await step(
    served,
    "evaluateSIJointRFA",
    { ...REFERENCE_CASE, detail: "full" },
    "64625 + J1100, M53.3 + M47.817",
  );
  if (evaluated && !evaluated.isError) console.log(indent(evaluationSummary(evaluated.structured)));

  const letter =
    evaluated && !evaluated.isError
      ? await step(
          served,
          "draftDeterminationLetter",
          { case: REFERENCE_CASE, context: REFERENCE_LETTER_CONTEXT },
          "a draft for an employer (ERISA) plan",
        )
      : undefined;
  const markdown = typeof letter?.structured?.markdown === "string" ? letter.structured.markdown : "";
  if (letter && !letter.isError) {
    console.log(indent(letterSummary(letter.structured)));
    console.log(indent(markdown.split("\n")));
  }

  if (markdown) {
    const verified = await step(
      served,
      "verifyCitations",
      { text: markdown },
      "every quotation in the draft letter",
    );
    const summary = verified?.structured?.summary as { allQuotesVerified?: boolean } | undefined;
    if (verified && !verified.isError)
      console.log(`   All quotations verified: ${summary?.allQuotesVerified ? "yes" : "no"}`);
  }

  const { prompts } = await client.listPrompts();
  console.log("\nPrompts served:");
  for (const p of prompts) console.log(`- ${p.name}: ${p.description ?? p.title ?? ""}`);

  const summary = evaluated?.structured as
    { determination?: string; services?: { code: string; determination: string }[] } | undefined;
  console.log("\n== Summary");
  for (const s of summary?.services ?? []) console.log(`${s.code}: ${s.determination}`);
  console.log(`overall: ${summary?.determination ?? "not evaluated"} (review required: yes)`);

  console.log(
    "\nEvery answer above is a recommendation for a licensed clinician, who makes the determination.",
  );
} finally {
  await client.close();
}
if (failed) process.exitCode = 1;
