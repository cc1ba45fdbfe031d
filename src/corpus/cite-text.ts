import type { CiteGuidelineOutput, CiteGuidelineResult } from "./cite-guideline-schema.js";

function stance(r: CiteGuidelineResult): string {
  const parts = [
    r.direction && `direction: ${r.direction}`,
    r.strength && `strength: ${r.strength}`,
    r.certainty && `certainty: ${r.certainty}`,
  ].filter(Boolean);
  return parts.length ? ` [${parts.join("; ")}]` : "";
}

function block(r: CiteGuidelineResult, n: number): string {
  const lines = [
    `${n}. ${r.passageId} (${r.source.type}; method: ${r.source.method ?? "not recorded"})${stance(r)}${
      r.score === undefined ? "" : ` score ${r.score}`
    }`,
    `   "${r.quote}"`,
    `   Locator: ${r.locator}`,
    `   Whose words: ${r.provenance.attribution}`,
  ];
  if (r.provenance.caution) lines.push(`   Caution: ${r.provenance.caution}`);
  lines.push(`   Seen at: ${r.provenance.seenAt} (${r.provenance.seenAtKind})`);
  if (r.population) lines.push(`   Population: ${r.population}`);
  if (r.intervention) lines.push(`   Intervention: ${r.intervention}`);
  lines.push(`   Citation: ${r.citation}`, `   Resource: ${r.resourceUri}`);
  return lines.join("\n");
}

/** The text block of a citeGuideline answer: the same facts as the structured content. */
export function citeText(output: CiteGuidelineOutput, request: string): string {
  const shown = output.results.length;
  const head =
    shown === 0
      ? `No passage matched ${request}. Try other words or fewer filters.`
      : `${shown === output.total ? shown : `${shown} of ${output.total}`} passage${output.total === 1 ? "" : "s"} for ${request}:`;
  const footer = [
    `Corpus version: ${output.corpusVersion}`,
    "Every quote above is verbatim from the local corpus. These are recommendations for a licensed clinician, who decides.",
  ];
  return [head, ...output.results.map((r, i) => block(r, i + 1)), ...footer].join("\n\n");
}
