import type { CiteGuidelineOutput } from "./cite-guideline-schema.js";
import type { CiteSummary } from "./cite-summary-schema.js";
import { shortCitation } from "./short-citation.js";

export const CITE_SUMMARY_MORE =
  'detail: "full" adds each source\'s record (title, type, method, URL), the strength, certainty, population and intervention of each passage, whose words each quote is and where it was seen, the full citation and a resource link.';

/** The summary of a citeGuideline answer: per passage its quote, locator, short citation and caution. */
export function citeSummary(output: CiteGuidelineOutput): CiteSummary {
  return {
    detail: "summary",
    corpusVersion: output.corpusVersion,
    lookup: output.lookup,
    ...(output.query !== undefined ? { query: output.query } : {}),
    results: output.results.map((r) => ({
      passageId: r.passageId,
      quote: r.quote,
      locator: r.locator,
      citation: shortCitation(r.source),
      seenAtKind: r.provenance.seenAtKind,
      ...(r.provenance.caution ? { caution: r.provenance.caution } : {}),
      ...(r.direction ? { direction: r.direction } : {}),
    })),
    total: output.total,
    more: CITE_SUMMARY_MORE,
  };
}

/** The text block of a citeGuideline summary: the same facts as its structured content. */
export function citeSummaryText(s: CiteSummary, request: string): string {
  const shown = s.results.length;
  const head =
    shown === 0
      ? `No passage matched ${request} (corpus ${s.corpusVersion}). Try other words or fewer filters.`
      : `${shown === s.total ? shown : `${shown} of ${s.total}`} passage${s.total === 1 ? "" : "s"} for ${request} (corpus ${s.corpusVersion}):`;
  const blocks = s.results.map((r, i) => {
    const lines = [
      `${i + 1}. ${r.passageId} | ${r.locator} | ${r.citation} | seen at: ${r.seenAtKind}${r.direction ? ` | direction: ${r.direction}` : ""}`,
      `   "${r.quote}"`,
    ];
    if (r.caution) lines.push(`   Caution: ${r.caution}`);
    return lines.join("\n");
  });
  const footer = [
    "Quotes are verbatim from the local corpus: quote them in quotation marks with their citation. A licensed clinician decides.",
    s.more,
  ];
  return [head, ...blocks, ...footer].join("\n");
}
