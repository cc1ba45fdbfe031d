import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import {
  CODE_FILES,
  CodeReleasesSchema,
  hcpcsFileName,
  icdDataFiles,
  icdFileNames,
} from "../src/codes/release-manifest.js";
import type {
  CodeReleases,
  DataFile,
  HcpcsRelease,
  Icd10cmRelease,
  SourceFile,
} from "../src/codes/release-manifest.js";
import { ShippedNotesSchema } from "../src/codes/icd-notes-schema.js";
import { decodeWindows1252, hcpcsTsv, parseHcpcsFile, readmeDate } from "./import-codes-hcpcs.js";
import {
  ImportError,
  blocksTsv,
  chaptersTsv,
  icdTsv,
  parseChapters,
  parseNotesExcerpt,
  parseOrderFile,
  parseSections,
  placeCategories,
} from "./import-codes-icd.js";
import { publishedName, readUpstream } from "./upstream.js";

export interface IcdImportOptions {
  icdOrder: string;
  icdChapters: string;
  icdSections: string;
  /** Path of the tabular-notes excerpt JSON, or null to ship no notes. */
  icdNotes: string | null;
  icdFiscalYear?: number | undefined;
}

export interface HcpcsImportOptions {
  hcpcs: string;
  /** CMS read-me giving the file date; undefined = look for HCPC<year>_README.txt beside the file. */
  hcpcsReadme?: string | undefined;
  hcpcsDate?: string | undefined;
  hcpcsYear?: number | undefined;
}

export type ImportOptions = IcdImportOptions & HcpcsImportOptions;

/** One imported release: its entry in releases.json and its data files (name → contents). */
export interface BuiltRelease<R> {
  release: R;
  files: Map<string, string>;
}

function sha256(data: Uint8Array | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** The published file (name without a .gz this repository added, size and hash of its original bytes). */
function source(path: string, bytes: Buffer): SourceFile {
  return { file: publishedName(path), bytes: bytes.length, sha256: sha256(bytes) };
}

function dataFile(file: string, text: string): DataFile {
  return { file, bytes: Buffer.byteLength(text, "utf8"), sha256: sha256(text) };
}

function yearFrom(path: string, what: string, flag: string): number {
  const m = /(\d{4})/.exec(publishedName(path));
  if (!m?.[1])
    throw new ImportError(`cannot tell the ${what} from the file name ${publishedName(path)}; pass ${flag}`);
  return Number(m[1]);
}

/** A source file's bytes; a file ending in .gz is read decompressed. */
function read(path: string, what: string): Buffer {
  if (!existsSync(path)) throw new ImportError(`${what} not found: ${path}`);
  return readUpstream(path);
}

/** Reads a CDC/NCHS order file with its chapters, sections and notes: one ICD-10-CM release. */
export function buildIcdRelease(options: IcdImportOptions): BuiltRelease<Icd10cmRelease> {
  const fy = options.icdFiscalYear ?? yearFrom(options.icdOrder, "fiscal year", "--icd-fy");
  const names = icdFileNames(fy);
  const orderBytes = read(options.icdOrder, "ICD-10-CM order file");
  const chaptersBytes = read(options.icdChapters, "chapters CSV");
  const sectionsBytes = read(options.icdSections, "sections CSV");
  const entries = parseOrderFile(orderBytes.toString("latin1"));
  const chapters = parseChapters(chaptersBytes.toString("utf8"));
  const blocks = parseSections(sectionsBytes.toString("utf8"));
  const places = placeCategories(entries, chapters, blocks);

  const files = new Map<string, string>();
  const codesText = icdTsv(entries, places);
  const chaptersText = chaptersTsv(chapters);
  const blocksText = blocksTsv(blocks);
  files.set(names.codes, codesText);
  files.set(names.chapters, chaptersText);
  files.set(names.blocks, blocksText);

  let notes: Icd10cmRelease["notes"] = null;
  if (options.icdNotes !== null) {
    const notesBytes = read(options.icdNotes, "notes JSON");
    const shipped = ShippedNotesSchema.parse(
      parseNotesExcerpt(notesBytes.toString("utf8"), entries, blocks, fy),
    );
    const text = `${JSON.stringify(shipped, null, 2)}\n`;
    files.set(names.notes, text);
    notes = {
      source: source(options.icdNotes, notesBytes),
      data: dataFile(names.notes, text),
      fiscalYear: shipped.fiscalYear,
      coverage: shipped.coverage,
      entries: Object.keys(shipped.codes).length + Object.keys(shipped.blocks).length,
    };
  }
  return {
    release: {
      system: "ICD-10-CM",
      label: `ICD-10-CM FY${fy}`,
      fiscalYear: fy,
      inForceFrom: `${fy - 1}-10-01`,
      inForceTo: `${fy}-09-30`,
      publisher: "CDC National Center for Health Statistics (NCHS) and CMS",
      source: source(options.icdOrder, orderBytes),
      billableCount: entries.filter((e) => e.billable).length,
      headerCount: entries.filter((e) => !e.billable).length,
      codes: dataFile(names.codes, codesText),
      chapters: {
        source: source(options.icdChapters, chaptersBytes),
        data: dataFile(names.chapters, chaptersText),
        count: chapters.length,
      },
      blocks: {
        source: source(options.icdSections, sectionsBytes),
        data: dataFile(names.blocks, blocksText),
        count: blocks.length,
      },
      notes,
    },
    files,
  };
}

/** Reads a CMS annual alpha-numeric HCPCS file: one HCPCS Level II release. */
export function buildHcpcsRelease(options: HcpcsImportOptions): BuiltRelease<HcpcsRelease> {
  const year = options.hcpcsYear ?? yearFrom(options.hcpcs, "HCPCS year", "--hcpcs-year");
  const hcpcsBytes = read(options.hcpcs, "HCPCS file");
  const records = parseHcpcsFile(decodeWindows1252(hcpcsBytes));
  const readme = options.hcpcsReadme ?? join(dirname(options.hcpcs), `HCPC${year}_README.txt`);
  const fileDate =
    options.hcpcsDate ?? (existsSync(readme) ? readmeDate(readFileSync(readme, "latin1")) : null);
  const text = hcpcsTsv(records);
  const procedures = records.filter((r) => r.kind === "procedure");
  const name = hcpcsFileName(year);
  return {
    release: {
      system: "HCPCS",
      label: `HCPCS Level II ${year}`,
      year,
      inForceFrom: `${year}-01-01`,
      inForceTo: `${year}-12-31`,
      fileDate,
      publisher: "Centers for Medicare & Medicaid Services (CMS)",
      source: source(options.hcpcs, hcpcsBytes),
      procedureCount: procedures.length,
      terminatedCount: procedures.filter((r) => r.terminationDate !== null).length,
      modifierCount: records.length - procedures.length,
      caveat:
        `The CMS ${year} annual alpha-numeric HCPCS file${fileDate ? ` (dated ${fileDate})` : ""}, for services in ${year}. ` +
        `Codes created after it are missing and later revisions or terminations are not reflected: a code not found is "not in the ${year} HCPCS file", not invalid.`,
      codes: dataFile(name, text),
    },
    files: new Map([[name, text]]),
  };
}

/** releases.json as written: validated, 2-space JSON with a final newline. */
export function serializeReleases(releases: CodeReleases): string {
  const parsed = CodeReleasesSchema.safeParse(releases);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new ImportError(`releases.json would be invalid: ${issues.join("; ")}`);
  }
  return `${JSON.stringify(parsed.data, null, 2)}\n`;
}

/**
 * Every file of a fresh code-data folder holding exactly one ICD-10-CM release and one HCPCS
 * release (name → contents), releases.json included. Re-importing the shipped files reproduces
 * corpus/codes byte for byte.
 */
export function buildCodeFiles(options: ImportOptions): Map<string, string> {
  const icd = buildIcdRelease(options);
  const hcpcs = buildHcpcsRelease(options);
  const files = new Map([...icd.files, ...hcpcs.files]);
  files.set(CODE_FILES.releases, serializeReleases({ icd10cm: [icd.release], hcpcs: [hcpcs.release] }));
  return files;
}

/** Inserts a release in window order (oldest first). */
function inserted<R extends { inForceFrom: string }>(list: readonly R[], release: R): R[] {
  return [...list, release].sort((a, b) =>
    a.inForceFrom < b.inForceFrom ? -1 : a.inForceFrom > b.inForceFrom ? 1 : 0,
  );
}

function dataFilesOf(release: Icd10cmRelease | HcpcsRelease): DataFile[] {
  return release.system === "ICD-10-CM" ? icdDataFiles(release) : [release.codes];
}

/** What adding releases beside the shipped ones does. */
export interface AddPlan {
  /** Files to write (name → contents), releases.json included; empty when nothing changes. */
  files: Map<string, string>;
  added: string[];
  /** Releases already shipped with exactly these files (re-importing them changes nothing). */
  unchanged: string[];
}

/**
 * Adds releases beside those a releases.json lists. A release already shipped under the same label
 * is left alone when its entry and files are byte-identical (a re-import), and refused otherwise:
 * a shipped release is never replaced. `existing` reads a file of the folder (undefined if absent).
 */
export function addReleases(
  shipped: CodeReleases,
  existing: (file: string) => string | undefined,
  built: readonly BuiltRelease<Icd10cmRelease | HcpcsRelease>[],
): AddPlan {
  let releases = shipped;
  const files = new Map<string, string>();
  const added: string[] = [];
  const unchanged: string[] = [];
  for (const { release, files: data } of built) {
    const list: readonly (Icd10cmRelease | HcpcsRelease)[] =
      release.system === "ICD-10-CM" ? releases.icd10cm : releases.hcpcs;
    const same = list.find((r) => r.label === release.label);
    if (same) {
      const identical =
        isDeepStrictEqual(same, release) && [...data].every(([name, text]) => existing(name) === text);
      if (!identical) {
        const names = dataFilesOf(same)
          .map((f) => f.file)
          .join(", ");
        throw new ImportError(
          `${release.label} is already shipped and these files differ from it (source ${release.source.file}, sha256 ${release.source.sha256.slice(0, 12)}…, against ${same.source.file}, ${same.source.sha256.slice(0, 12)}…): a shipped release is never replaced. To replace it, remove its entry from releases.json and its files (${names}) first, then add it again.`,
        );
      }
      unchanged.push(release.label);
      continue;
    }
    for (const [name] of data) {
      if (existing(name) !== undefined)
        throw new ImportError(`${name} already exists but no shipped release lists it; remove it first`);
    }
    releases =
      release.system === "ICD-10-CM"
        ? { ...releases, icd10cm: inserted(releases.icd10cm, release) }
        : { ...releases, hcpcs: inserted(releases.hcpcs, release) };
    for (const [name, text] of data) files.set(name, text);
    added.push(release.label);
  }
  if (added.length > 0) files.set(CODE_FILES.releases, serializeReleases(releases));
  return { files, added, unchanged };
}
