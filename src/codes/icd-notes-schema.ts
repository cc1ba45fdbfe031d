import { z } from "zod";

const Texts = z.array(z.string().min(1)).min(1);

/** Tabular-list notes of one code or block, element names as in the CMS tabular XML. */
export const NoteSetSchema = z.strictObject({
  includes: Texts.optional(),
  inclusionTerm: Texts.optional(),
  excludes1: Texts.optional(),
  excludes2: Texts.optional(),
  codeFirst: Texts.optional(),
  useAdditionalCode: Texts.optional(),
  codeAlso: Texts.optional(),
  sevenChrNote: Texts.optional(),
  sevenChrDef: z.record(z.string().regex(/^[A-Z0-9]$/), z.string().min(1)).optional(),
});

export const NOTE_KINDS = [
  "includes",
  "inclusionTerm",
  "excludes1",
  "excludes2",
  "codeFirst",
  "useAdditionalCode",
  "codeAlso",
  "sevenChrNote",
  "sevenChrDef",
] as const;

/** corpus/codes/icd10cm-notes.json: the notes the importer kept, keyed by dotted code or block range. */
export const ShippedNotesSchema = z.strictObject({
  fiscalYear: z.int(),
  coverage: z.string(),
  blocks: z.record(z.string(), NoteSetSchema),
  codes: z.record(z.string(), NoteSetSchema),
});

export type NoteSet = z.infer<typeof NoteSetSchema>;
export type ShippedNotes = z.infer<typeof ShippedNotesSchema>;
