import type { CallToolResult } from "@modelcontextprotocol/server";
import { CiteGuidelineInputSchema, CiteGuidelineOutputSchema } from "../../corpus/cite-guideline-schema.js";
import type { CiteGuidelineInput } from "../../corpus/cite-guideline-schema.js";
import type { Corpus } from "../../corpus/load-evidence.js";
import { domain } from "../domain.js";
import type { Registration } from "../registry.js";
import { READ_ONLY_LOCAL } from "../tool-annotations.js";
import { toolError, toolResult } from "../tool-result.js";
import { toolInput, toolOutput } from "../tool-schemas.js";

const DESCRIPTION = [
  "Quote the evidence corpus verbatim: guidelines, systematic reviews, consensus statements and coverage policies on sacroiliac joint RFA and injections.",
  "Give exactly one of passageId (one passage), sourceId (a source's passages in document order) or query (plain-language search; RFA, SI, steroid, injection/block and NSAID synonyms are understood), with optional filters and limit (1-20, default 5).",
  "Each result carries the verbatim quote, its locator, whose words it is (provenance, with a caution for unofficial copies and third-party summaries), the source's bibliographic data and method, a formatted citation and a resource link.",
  "Quote only what this tool returns, in quotation marks, with its attribution.",
].join(" ");

function describeRequest(input: CiteGuidelineInput): string {
  if (input.passageId !== undefined) return `passageId ${JSON.stringify(input.passageId)}`;
  if (input.sourceId !== undefined) return `sourceId ${JSON.stringify(input.sourceId)}`;
  return `query ${JSON.stringify(input.query?.trim())}`;
}

async function handle(corpus: Corpus, input: CiteGuidelineInput): Promise<CallToolResult> {
  const { citeGuideline, citeText } = await domain("cite");
  const outcome = citeGuideline(corpus, input);
  if (!outcome.ok) return toolError(`citeGuideline: ${outcome.message}`);
  const links = outcome.output.results.map((r) => ({
    type: "resource_link" as const,
    uri: r.resourceUri,
    name: r.passageId,
    title: `${r.passageId} (${r.locator})`,
    mimeType: "text/markdown",
  }));
  return toolResult(outcome.output, citeText(outcome.output, describeRequest(input)), links);
}

export const citeGuidelineTool: Registration = {
  kind: "tool",
  name: "citeGuideline",
  register(server, { knowledge }) {
    server.registerTool(
      "citeGuideline",
      {
        title: "Cite guideline evidence verbatim",
        description: DESCRIPTION,
        inputSchema: toolInput(CiteGuidelineInputSchema),
        outputSchema: toolOutput(CiteGuidelineOutputSchema),
        annotations: READ_ONLY_LOCAL,
      },
      async (input) => {
        try {
          return await handle(knowledge.corpus, input);
        } catch (error) {
          return toolError(
            `citeGuideline: the evidence corpus is unavailable (${error instanceof Error ? error.message : String(error)})`,
          );
        }
      },
    );
  },
};
