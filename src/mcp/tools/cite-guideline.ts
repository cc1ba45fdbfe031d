import type { CallToolResult } from "@modelcontextprotocol/server";
import { CiteGuidelineInputSchema } from "../../corpus/cite-guideline-schema.js";
import type { CiteGuidelineInput } from "../../corpus/cite-guideline-schema.js";
import { CiteAnswerSchema } from "../../corpus/cite-summary-schema.js";
import type { Corpus } from "../../corpus/load-evidence.js";
import { DetailSchema } from "../../util/detail-level.js";
import type { Detail } from "../../util/detail-level.js";
import { domain } from "../domain.js";
import { FULL_VIEW_META } from "../full-view-meta.js";
import type { Registration } from "../registry.js";
import { READ_ONLY_LOCAL } from "../tool-annotations.js";
import { toolError, toolResult } from "../tool-result.js";
import { toolInput, toolOutput } from "../tool-schemas.js";

const DESCRIPTION = [
  "Quote the evidence corpus verbatim (guidelines, reviews, consensus and coverage policies on SI joint RFA and injections).",
  "Give one of passageId, sourceId (its passages in order) or query (plain words; RFA, SI, steroid and block synonyms understood).",
  "Each result: the verbatim quote, passage id, locator, short citation and provenance caution.",
  "Quote only words it returns, in quotation marks, with their attribution. Offline, read-only.",
].join(" ");

const InputSchema = CiteGuidelineInputSchema.extend({ detail: DetailSchema });

function describeRequest(input: CiteGuidelineInput): string {
  if (input.passageId !== undefined) return `passageId ${JSON.stringify(input.passageId)}`;
  if (input.sourceId !== undefined) return `sourceId ${JSON.stringify(input.sourceId)}`;
  return `query ${JSON.stringify(input.query?.trim())}`;
}

async function handle(
  corpus: Corpus,
  { detail, ...input }: CiteGuidelineInput & { detail: Detail },
): Promise<CallToolResult> {
  const { citeGuideline, citeText, citeSummary, citeSummaryText } = await domain("cite");
  const outcome = citeGuideline(corpus, input);
  if (!outcome.ok) return toolError(`citeGuideline: ${outcome.message}`);
  if (detail === "summary") {
    const summary = citeSummary(outcome.output);
    return toolResult(summary, citeSummaryText(summary, describeRequest(input)));
  }
  const links = outcome.output.results.map((r) => ({
    type: "resource_link" as const,
    uri: r.resourceUri,
    name: r.passageId,
    title: `${r.passageId} (${r.locator})`,
    mimeType: "text/markdown",
  }));
  return {
    ...toolResult({ detail, ...outcome.output }, citeText(outcome.output, describeRequest(input)), links),
    _meta: FULL_VIEW_META,
  };
}

export const citeGuidelineTool: Registration = {
  kind: "tool",
  name: "citeGuideline",
  register(server, { knowledge, jsonSchemas }) {
    server.registerTool(
      "citeGuideline",
      {
        title: "Cite guideline evidence verbatim",
        description: DESCRIPTION,
        inputSchema: toolInput(InputSchema, jsonSchemas?.citeGuideline?.input),
        outputSchema: toolOutput(CiteAnswerSchema, jsonSchemas?.citeGuideline?.output),
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
