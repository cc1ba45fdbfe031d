import { z } from "zod";

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD");
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, "expected a lowercase hex sha256");

/** A file the importer wrote under corpus/codes/, with the bytes it must still have. */
export const DataFileSchema = z.strictObject({
  file: z.string().regex(/^[a-z0-9.-]+$/),
  bytes: z.int().nonnegative(),
  sha256: Sha256,
});

/** A CMS/NCHS file the importer read. */
export const SourceFileSchema = z.strictObject({
  file: z.string().min(1),
  bytes: z.int().nonnegative(),
  sha256: Sha256,
});

export const Icd10cmReleaseSchema = z.strictObject({
  system: z.literal("ICD-10-CM"),
  label: z.string().describe('e.g. "ICD-10-CM FY2026"'),
  fiscalYear: z.int().min(2016).max(2100),
  inForceFrom: IsoDate,
  inForceTo: IsoDate,
  publisher: z.string(),
  source: SourceFileSchema,
  billableCount: z.int().nonnegative(),
  headerCount: z.int().nonnegative(),
  codes: DataFileSchema,
  chapters: z.strictObject({ source: SourceFileSchema, data: DataFileSchema, count: z.int().nonnegative() }),
  blocks: z.strictObject({ source: SourceFileSchema, data: DataFileSchema, count: z.int().nonnegative() }),
  notes: z
    .strictObject({
      source: SourceFileSchema,
      data: DataFileSchema,
      fiscalYear: z.int(),
      coverage: z.string(),
      entries: z.int().nonnegative(),
    })
    .nullable(),
});

export const HcpcsReleaseSchema = z.strictObject({
  system: z.literal("HCPCS"),
  label: z.string().describe('e.g. "HCPCS Level II 2020"'),
  year: z.int().min(1990).max(2100),
  fileDate: IsoDate.nullable(),
  publisher: z.string(),
  source: SourceFileSchema,
  procedureCount: z.int().nonnegative(),
  terminatedCount: z.int().nonnegative(),
  modifierCount: z.int().nonnegative(),
  caveat: z.string(),
  codes: DataFileSchema,
});

/** corpus/codes/releases.json: which releases the shipped code data come from. */
export const CodeReleasesSchema = z.strictObject({
  icd10cm: Icd10cmReleaseSchema,
  hcpcs: HcpcsReleaseSchema,
});

export type CodeReleases = z.infer<typeof CodeReleasesSchema>;
export type Icd10cmRelease = z.infer<typeof Icd10cmReleaseSchema>;
export type HcpcsRelease = z.infer<typeof HcpcsReleaseSchema>;
export type DataFile = z.infer<typeof DataFileSchema>;
export type SourceFile = z.infer<typeof SourceFileSchema>;

/** Fixed names of the files under corpus/codes/. */
export const CODE_FILES = {
  releases: "releases.json",
  icd10cm: "icd10cm.tsv",
  chapters: "icd10cm-chapters.tsv",
  blocks: "icd10cm-blocks.tsv",
  notes: "icd10cm-notes.json",
  hcpcs: "hcpcs.tsv",
  cpt: "cpt-plain-language.json",
} as const;
