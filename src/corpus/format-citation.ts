import type { Source } from "./schemas.js";

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.?!]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** AMA style: list up to six authors; with more, the first three and "et al". */
function authorList(authors: readonly string[]): string {
  if (authors.length <= 6) return authors.join(", ");
  return `${authors.slice(0, 3).join(", ")}, et al`;
}

/**
 * A bibliographic citation in AMA / Vancouver style built only from stored fields:
 * authors. title. organisation; year. Published <as recorded>. Version. doi. PMID. URL.
 * The publication note is kept verbatim (it may say UNVERIFIED) rather than tidied into a journal reference.
 */
export function formatCitation(source: Source): string {
  const parts = [
    sentence(authorList(source.authors)),
    sentence(source.title),
    sentence(`${source.organisation}; ${source.year ?? "n.d."}`),
  ];
  if (source.published !== String(source.year)) {
    const note = source.published;
    parts.push(sentence(/^\d/.test(note) ? `Published ${note}` : `${note.charAt(0).toUpperCase()}${note.slice(1)}`));
  }
  if (source.versionOrEffective) parts.push(sentence(`Version: ${source.versionOrEffective}`));
  if (source.doi) parts.push(`doi:${source.doi}.`);
  if (source.pmid) parts.push(`PMID: ${source.pmid}.`);
  if (source.url) parts.push(source.url);
  return parts.join(" ");
}

/** A short label for a source: "Busse et al. 2025", "NICE 2017", "HealthPartners n.d.". */
export function shortLabel(source: Source): string {
  const first = source.authors[0] ?? source.organisation;
  // A personal author is "Surname INITIALS"; keep the surname. Organisations are kept whole.
  const personal = /^(.+?) [A-Z]{1,4}$/.exec(first);
  const name = personal?.[1] ?? first;
  const etAl = personal && source.authors.length > 1 ? " et al." : "";
  return `${name}${etAl} ${source.year ?? "n.d."}`;
}
