import type { Corpus } from "./load-evidence.js";
import type { Passage, Source } from "./schemas.js";
import { citationFor, formatCitation } from "./store.js";
import { passageUri, sourceUri } from "./uris.js";

function quoted(text: string): string {
  return `"${text}"`
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
}

function field(name: string, value: string | number | undefined): string[] {
  return value === undefined ? [] : [`- **${name}:** ${value}`];
}

/** A source as readable markdown: citation, bibliographic data, method and its passages. */
export function sourceMarkdown(corpus: Corpus, source: Source): string {
  const passages = corpus.passagesOf(source.id);
  return [
    `# ${source.title}`,
    "",
    `**Citation:** ${formatCitation(source)}`,
    "",
    ...field("Source id", source.id),
    ...field("Type", source.type),
    ...field("Method", source.method),
    ...field("Authors", source.authors.join(", ")),
    ...field("Organisation", source.organisation),
    ...field("Year", source.year),
    ...field("Published", source.published),
    ...field("Version / effective", source.versionOrEffective),
    ...field("DOI", source.doi),
    ...field("PMID", source.pmid),
    ...field("URL", source.url),
    ...field("Licence", source.licence),
    ...field("Quality note", source.qualityNote),
    "",
    `## Passages (${passages.length}, in document order)`,
    "",
    ...passages.map((p) => `- [${p.id}](${passageUri(p.id)}) - ${p.section}${p.direction ? ` (${p.direction})` : ""}`),
    "",
    `Corpus version: ${corpus.version}`,
    "",
  ].join("\n");
}

/** A passage as readable markdown: the verbatim quote, locator, whose words it is and the full citation. */
export function passageMarkdown(corpus: Corpus, passage: Passage): string {
  const citation = citationFor(corpus, passage.id);
  return [
    `# ${passage.id}`,
    "",
    "Verbatim quote:",
    "",
    quoted(passage.text),
    "",
    ...field("Locator", citation.locator),
    ...field("Whose words", citation.provenance.attribution),
    ...field("Caution", citation.provenance.caution),
    ...field("Seen at", `${passage.provenance.seenAt} (${passage.provenance.seenAtKind})`),
    ...field("Direction", passage.direction),
    ...field("Strength", passage.strength),
    ...field("Certainty", passage.certainty),
    ...field("Population", passage.population),
    ...field("Intervention", passage.intervention),
    ...field("Source", `[${passage.sourceId}](${sourceUri(passage.sourceId)})`),
    "",
    `**Citation:** ${citation.citation}`,
    "",
    `Corpus version: ${corpus.version}`,
    "",
  ].join("\n");
}
