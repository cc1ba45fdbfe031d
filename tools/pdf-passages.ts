import type { Passage } from "../src/corpus/schemas.js";
import type { PdfPage } from "./pdf-adapter.js";

/** Section name of a whole-page passage; the locator adds "p. N (printed L)". */
export const PAGE_SECTION = "Full page text";

const PRINTED_LABEL = [
  /^(?:page|p\.)\s*([0-9]{1,4}|[ivxlcdm]{1,8})(?:\s*(?:of|\/)\s*[0-9]{1,4})?$/i,
  /^[-–]?\s*([0-9]{1,4})\s*[-–]?$/,
  /^([0-9]{1,4})\s*(?:of|\/)\s*[0-9]{1,4}$/,
];

/** Line endings as "\n", no trailing spaces, no leading or trailing blank lines. */
export function pageText(raw: string): string {
  return raw
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/^\n+|\n+$/g, "");
}

/** A page number printed in the page's last or first line ("Page 12", "Page iii", "p. 4", "12", "- 12 -", "3 of 40"). */
export function printedLabel(text: string): string | undefined {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  for (const line of [lines[lines.length - 1], lines[0]]) {
    if (line === undefined) continue;
    for (const pattern of PRINTED_LABEL) {
      const label = pattern.exec(line)?.[1];
      if (label) return label;
    }
  }
  return undefined;
}

/**
 * One passage per page with text: id `<source id>#p<N>`, the physical page number, and the printed
 * page label (from the page itself, else from the PDF's declared labels). Blank pages are skipped.
 */
export function pagePassages(sourceId: string, pages: readonly PdfPage[], seenAt: string): Passage[] {
  const passages: Passage[] = [];
  for (const page of pages) {
    const text = pageText(page.text);
    if (text.trim().length === 0) continue;
    const label = printedLabel(text) ?? page.declaredLabel;
    passages.push({
      id: `${sourceId}#p${page.number}`,
      sourceId,
      section: PAGE_SECTION,
      page: page.number,
      ...(label ? { pageLabel: label } : {}),
      text,
      provenance: { seenAt, seenAtKind: "ingested-pdf" },
    });
  }
  return passages;
}
