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
  "Quote the evidence corpus verbatim: guidelines, systematic reviews, consensus statements and coverage policies on sacroiliac joint RFA and injections.",
  "Give exactly one of passageId (one passage), sourceId (a source's passages in document order) or query (plain-language search; RFA, SI, steroid, injection/block and NSAID synonyms are understood), with optional filters and limit (1-20, default 5).",
  "Each result carries the verbatim quote, its locator, whose words it is (provenance, with a caution for unofficial copies and third-party summaries), the source's bibliographic data and method, a formatted citation and a resource link.",
  "Quote only what this tool returns, in quotation marks, with its attribution.",
  'detail: "summary" (default) gives per passage the quote, locator, short citation and provenance caution; "full" adds the source record, strength, certainty, attribution, full citation and resource links.',
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
  register(server, { knowledge }) {
    server.registerTool(
      "citeGuideline",
      {
        title: "Cite guideline evidence verbatim",
        description: DESCRIPTION,
        inputSchema: toolInput(InputSchema),
        outputSchema: toolOutput(CiteAnswerSchema),
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
