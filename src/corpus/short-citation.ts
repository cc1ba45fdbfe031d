import type { Source } from "./schemas.js";

/** The journal or issuing body without its notes (parentheses, after a semicolon). */
function venue(source: Source): string {
  return source.organisation
    .replace(/\s*\([^)]*\)/g, "")
    .split(";")[0]!
    .trim();
}

/**
 * A one-line citation from stored fields only: first author ("et al" when there are more), the
 * journal or issuing body, the year, and the DOI when the source has one, e.g.
 * "Busse JW, et al. The BMJ; 2025. doi:10.1136/bmj-2024-079970".
 */
export function shortCitation(source: Source): string {
  const first = source.authors[0] ?? source.organisation;
  const author = source.authors.length > 1 ? `${first}, et al` : first;
  const body = venue(source);
  const head = body && body !== first ? `${author}. ${body}` : author;
  const dated = `${head}; ${source.year ?? "n.d"}.`;
  return source.doi ? `${dated} doi:${source.doi}` : dated;
}
