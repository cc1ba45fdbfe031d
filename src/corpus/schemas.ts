import { z } from "zod";
import { SeenAtKindSchema } from "./citation.js";

/** Ids are readable slugs; a passage id is `<source id>#<local id>` (local ids may contain dots, e.g. `nice-ng59#1.1.1`). */
export const SourceIdSchema = z.string().max(200).regex(/^[a-z0-9][a-z0-9.-]*$/, "expected a lower-case slug such as busse-bmj-2025");
export const PassageIdSchema = z
  .string()
  .max(200)
  .regex(/^[a-z0-9][a-z0-9.-]*#[A-Za-z0-9][A-Za-z0-9._-]*$/, "expected <source id>#<local id>");

/**
 * Closed vocabulary of source types. The evidence source file says "consensus" for three different
 * things; the corpus build maps each to consensus-statement or position-statement (tools/build-corpus.ts).
 */
export const SourceTypeSchema = z.enum([
  "guideline",
  "systematic-review",
  "consensus-statement",
  "position-statement",
  "coverage-policy",
  "trial",
  "commentary",
  "other",
]);
export type SourceType = z.infer<typeof SourceTypeSchema>;

export const DirectionSchema = z.enum(["for", "conditional-for", "neutral", "conditional-against", "against"]);
export type Direction = z.infer<typeof DirectionSchema>;

const text = z.string().min(1);

export const SourceSchema = z.strictObject({
  id: SourceIdSchema,
  title: text,
  /** Short name used in attributions, e.g. "Medicare LCDs 'Sacroiliac Joint Injections and Procedures'". */
  shortTitle: text.optional(),
  authors: z.array(text).min(1),
  organisation: text,
  /** Publication year; absent when not seen. */
  year: z.number().int().min(1900).max(2100).optional(),
  /** Publication date as recorded, verbatim (may carry notes such as "(last updated 2020-12-11)" or UNVERIFIED). */
  published: text,
  versionOrEffective: text.optional(),
  doi: text.optional(),
  pmid: z.string().regex(/^\d+$/).optional(),
  url: z.url().optional(),
  licence: text.optional(),
  type: SourceTypeSchema,
  /** How the source reached its conclusions, e.g. "GRADE", "modified Delphi", "coverage policy (LCD)". */
  method: text.optional(),
  qualityNote: text.optional(),
});
export type Source = z.infer<typeof SourceSchema>;

export const PassageProvenanceSchema = z.strictObject({
  seenAt: text,
  seenAtKind: SeenAtKindSchema,
});
export type PassageProvenance = z.infer<typeof PassageProvenanceSchema>;

export const PassageSchema = z.strictObject({
  id: PassageIdSchema,
  sourceId: SourceIdSchema,
  section: text,
  /** Physical page number (1-based) in the document, when known. */
  page: z.number().int().min(1).optional(),
  /** The page number printed on the page, when it differs from or adds to the physical one. */
  pageLabel: text.optional(),
  /** The words exactly as seen: every quote is a substring of this. */
  text: z.string().refine((t) => t.trim().length > 0, "a passage text must not be empty"),
  provenance: PassageProvenanceSchema,
  direction: DirectionSchema.optional(),
  strength: text.optional(),
  certainty: text.optional(),
  population: text.optional(),
  intervention: text.optional(),
});
export type Passage = z.infer<typeof PassageSchema>;

/** Where a corpus evidence file came from. */
export const EvidenceOriginSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("shared-evidence"),
    file: text,
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  z.strictObject({
    kind: z.literal("ingested-pdf"),
    file: text,
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    pages: z.number().int().min(1),
  }),
  /** Passages copied by hand from a public copy of the document's text; each passage's provenance says where. */
  z.strictObject({
    kind: z.literal("transcribed"),
    from: text,
    note: text,
  }),
]);
export type EvidenceOrigin = z.infer<typeof EvidenceOriginSchema>;

/** One file per source: corpus/evidence/sources/<source id>.json. */
export const EvidenceFileSchema = z.strictObject({
  origin: EvidenceOriginSchema,
  source: SourceSchema,
  passages: z.array(PassageSchema).min(1),
});
export type EvidenceFile = z.infer<typeof EvidenceFileSchema>;
