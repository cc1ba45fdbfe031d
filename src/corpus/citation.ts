import { z } from "zod";

/**
 * Where words were seen (data/upstream/evidence/README.md):
 * publisher = the issuing body's own page; repository = an institutional copy of the abstract;
 * copy = an unofficial copy of the document's own text; secondary = a third party's words about it.
 */
export const SeenAtKindSchema = z.enum(["publisher", "repository", "copy", "secondary", "ingested-pdf"]);
export type SeenAtKind = z.infer<typeof SeenAtKindSchema>;

export const ProvenanceSchema = z.object({
  seenAt: z.string().describe("URL (or file reference for an ingested PDF) where the words were seen verbatim"),
  seenAtKind: SeenAtKindSchema,
  /** Whose words the quote is, e.g. "The BMJ (Busse et al. 2025)" or "summary of LCD L39455 by verity.backworkai.com". */
  attribution: z.string(),
  /** A plain warning for copy / secondary provenance; absent when the publisher's own text was seen. */
  caution: z.string().optional(),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

/** A checkable citation: the quote is a verbatim substring of the stored passage. */
export const CitationSchema = z.object({
  passageId: z.string(),
  sourceId: z.string(),
  quote: z.string(),
  locator: z.string().describe("section and page, e.g. 'Abstract - RECOMMENDATIONS' or 'p. 3 (printed 12)'"),
  provenance: ProvenanceSchema,
  citation: z.string().describe("formatted bibliographic citation (AMA / Vancouver style)"),
});
export type Citation = z.infer<typeof CitationSchema>;
