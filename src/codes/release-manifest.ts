import { z } from "zod";

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD");
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, "expected a lowercase hex sha256");

/** Fixed names of the files under corpus/codes/ that are not a release's own data. */
export const CODE_FILES = {
  releases: "releases.json",
  cpt: "cpt-plain-language.json",
  hcpcsUpdates: "hcpcs-updates.json",
} as const;

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
  inForceFrom: IsoDate.describe("First date of service the release applies to (1 October)."),
  inForceTo: IsoDate.describe("Last date of service the release applies to (30 September)."),
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
  inForceFrom: IsoDate.describe("First date of service of the year the annual file is for (1 January)."),
  inForceTo: IsoDate.describe("Last date of service of that year (31 December)."),
  fileDate: IsoDate.nullable(),
  publisher: z.string(),
  source: SourceFileSchema,
  procedureCount: z.int().nonnegative(),
  terminatedCount: z.int().nonnegative(),
  modifierCount: z.int().nonnegative(),
  caveat: z.string(),
  codes: DataFileSchema,
});

interface Windowed {
  label: string;
  inForceFrom: string;
  inForceTo: string;
}

/** Releases of one system: oldest first, each window well ordered, no two windows overlapping. */
function windowProblems(releases: readonly Windowed[]): string[] {
  const problems: string[] = [];
  releases.forEach((r, i) => {
    if (r.inForceFrom > r.inForceTo) problems.push(`${r.label}: inForceFrom is after inForceTo`);
    const previous = releases[i - 1];
    if (previous && previous.inForceTo >= r.inForceFrom)
      problems.push(`${r.label}: must start after ${previous.label} ends (oldest first, no overlap)`);
  });
  return problems;
}

/**
 * corpus/codes/releases.json: every shipped release, oldest first, each with its own data files.
 * A date of service chooses the release in force on it (src/codes/release-dating.ts).
 */
export const CodeReleasesSchema = z
  .strictObject({
    icd10cm: z.array(Icd10cmReleaseSchema).min(1),
    hcpcs: z.array(HcpcsReleaseSchema).min(1),
  })
  .superRefine((releases, ctx) => {
    for (const system of ["icd10cm", "hcpcs"] as const) {
      for (const message of windowProblems(releases[system]))
        ctx.addIssue({ code: "custom", path: [system], message });
    }
    const files = [
      ...releases.icd10cm.flatMap((r) => [
        r.codes,
        r.chapters.data,
        r.blocks.data,
        ...(r.notes ? [r.notes.data] : []),
      ]),
      ...releases.hcpcs.map((r) => r.codes),
    ].map((f) => f.file);
    const fixed = new Set<string>(Object.values(CODE_FILES));
    for (const [i, file] of files.entries()) {
      if (files.indexOf(file) !== i || fixed.has(file))
        ctx.addIssue({ code: "custom", message: `data file ${file} is named twice or takes a fixed name` });
    }
  });

export type CodeReleases = z.infer<typeof CodeReleasesSchema>;
export type Icd10cmRelease = z.infer<typeof Icd10cmReleaseSchema>;
export type HcpcsRelease = z.infer<typeof HcpcsReleaseSchema>;
export type DataFile = z.infer<typeof DataFileSchema>;
export type SourceFile = z.infer<typeof SourceFileSchema>;

/** The data files of one ICD-10-CM release, named by its fiscal year. */
export function icdFileNames(fiscalYear: number) {
  const base = `icd10cm-fy${fiscalYear}`;
  return {
    codes: `${base}.tsv`,
    chapters: `${base}-chapters.tsv`,
    blocks: `${base}-blocks.tsv`,
    notes: `${base}-notes.json`,
  } as const;
}

/** The data file of one HCPCS Level II release, named by its year. */
export function hcpcsFileName(year: number): string {
  return `hcpcs-${year}.tsv`;
}

/** Every data file a release lists. */
export function icdDataFiles(release: Icd10cmRelease): DataFile[] {
  return [
    release.codes,
    release.chapters.data,
    release.blocks.data,
    ...(release.notes ? [release.notes.data] : []),
  ];
}
