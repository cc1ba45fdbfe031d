import type { Passage } from "./schemas.js";

/** "Section", "Section, p. 3" or "Section, p. 3 (printed 12)". */
export function locatorOf(passage: Pick<Passage, "section" | "page" | "pageLabel">): string {
  if (passage.page === undefined) {
    return passage.pageLabel ? `${passage.section}, printed p. ${passage.pageLabel}` : passage.section;
  }
  const printed = passage.pageLabel && passage.pageLabel !== String(passage.page) ? ` (printed ${passage.pageLabel})` : "";
  return `${passage.section}, p. ${passage.page}${printed}`;
}
