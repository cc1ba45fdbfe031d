import { PDFParse } from "pdf-parse";

/** One PDF page as text, with the page label the PDF itself declares (its /PageLabels), if any. */
export interface PdfPage {
  /** Physical page number, 1-based. */
  number: number;
  text: string;
  declaredLabel?: string;
}

interface PdfJsDocument {
  getPageLabels(): Promise<(string | null)[] | null>;
}

/**
 * The PDF's declared page labels, indexed by physical page - 1. pdf-parse 2.4.5's getInfo() reads
 * them one page off (pageLabels[pageNumber] instead of [pageNumber - 1]), so they are read from the
 * loaded pdf.js document instead.
 */
async function declaredLabels(parser: PDFParse): Promise<(string | null)[]> {
  const load = (parser as unknown as { load?: () => Promise<PdfJsDocument> }).load;
  if (typeof load !== "function") return [];
  const doc = await load.call(parser);
  return (await doc.getPageLabels()) ?? [];
}

/**
 * The only place that touches pdf-parse (2.x class API). Items on one line are joined by a space,
 * not pdf-parse's default tab; no page markers are added. Build-time only: the server never parses PDFs.
 */
export async function readPdfPages(bytes: Uint8Array): Promise<PdfPage[]> {
  const parser = new PDFParse({ data: bytes.slice() });
  try {
    const text = await parser.getText({ pageJoiner: "", cellSeparator: " " });
    const labels = await declaredLabels(parser);
    return text.pages.map((page) => {
      const declaredLabel = labels[page.num - 1] ?? undefined;
      return { number: page.num, text: page.text, ...(declaredLabel ? { declaredLabel } : {}) };
    });
  } finally {
    await parser.destroy();
  }
}
