import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { CODE_FILES, CodeReleasesSchema } from "../src/codes/release-manifest.js";
import type { CodeReleases, DataFile, SourceFile } from "../src/codes/release-manifest.js";
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

export interface ImportOptions {
  icdOrder: string;
  icdChapters: string;
  icdSections: string;
  /** Path of the tabular-notes excerpt JSON, or null to ship no notes. */
  icdNotes: string | null;
  hcpcs: string;
  /** CMS read-me giving the file date; undefined = look for HCPC<year>_README.txt beside the file. */
  hcpcsReadme?: string | undefined;
  hcpcsDate?: string | undefined;
  icdFiscalYear?: number | undefined;
  hcpcsYear?: number | undefined;
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

/** Reads the CMS/NCHS files and returns every file to write under corpus/codes/ (name → contents). */
export function buildCodeFiles(options: ImportOptions): Map<string, string> {
  const fy = options.icdFiscalYear ?? yearFrom(options.icdOrder, "fiscal year", "--icd-fy");
  const orderBytes = read(options.icdOrder, "ICD-10-CM order file");
  const chaptersBytes = read(options.icdChapters, "chapters CSV");
  const sectionsBytes = read(options.icdSections, "sections CSV");
  const entries = parseOrderFile(orderBytes.toString("latin1"));
  const chapters = parseChapters(chaptersBytes.toString("utf8"));
  const blocks = parseSections(sectionsBytes.toString("utf8"));
  const places = placeCategories(entries, chapters, blocks);

  const files = new Map<string, string>();
  files.set(CODE_FILES.icd10cm, icdTsv(entries, places));
  files.set(CODE_FILES.chapters, chaptersTsv(chapters));
  files.set(CODE_FILES.blocks, blocksTsv(blocks));

  let notes: CodeReleases["icd10cm"]["notes"] = null;
  if (options.icdNotes !== null) {
    const notesBytes = read(options.icdNotes, "notes JSON");
    const shipped = ShippedNotesSchema.parse(
      parseNotesExcerpt(notesBytes.toString("utf8"), entries, blocks, fy),
    );
    const text = `${JSON.stringify(shipped, null, 2)}\n`;
    files.set(CODE_FILES.notes, text);
    notes = {
      source: source(options.icdNotes, notesBytes),
      data: dataFile(CODE_FILES.notes, text),
      fiscalYear: shipped.fiscalYear,
      coverage: shipped.coverage,
      entries: Object.keys(shipped.codes).length + Object.keys(shipped.blocks).length,
    };
  }

  const year = options.hcpcsYear ?? yearFrom(options.hcpcs, "HCPCS year", "--hcpcs-year");
  const hcpcsBytes = read(options.hcpcs, "HCPCS file");
  const records = parseHcpcsFile(decodeWindows1252(hcpcsBytes));
  const readme = options.hcpcsReadme ?? join(dirname(options.hcpcs), `HCPC${year}_README.txt`);
  const fileDate =
    options.hcpcsDate ?? (existsSync(readme) ? readmeDate(readFileSync(readme, "latin1")) : null);
  const hcpcsText = hcpcsTsv(records);
  files.set(CODE_FILES.hcpcs, hcpcsText);
  const procedures = records.filter((r) => r.kind === "procedure");
  const age = fy - year;

  const releases: CodeReleases = {
    icd10cm: {
      system: "ICD-10-CM",
      label: `ICD-10-CM FY${fy}`,
      fiscalYear: fy,
      inForceFrom: `${fy - 1}-10-01`,
      inForceTo: `${fy}-09-30`,
      publisher: "CDC National Center for Health Statistics (NCHS) and CMS",
      source: source(options.icdOrder, orderBytes),
      billableCount: entries.filter((e) => e.billable).length,
      headerCount: entries.filter((e) => !e.billable).length,
      codes: dataFile(CODE_FILES.icd10cm, files.get(CODE_FILES.icd10cm) ?? ""),
      chapters: {
        source: source(options.icdChapters, chaptersBytes),
        data: dataFile(CODE_FILES.chapters, files.get(CODE_FILES.chapters) ?? ""),
        count: chapters.length,
      },
      blocks: {
        source: source(options.icdSections, sectionsBytes),
        data: dataFile(CODE_FILES.blocks, files.get(CODE_FILES.blocks) ?? ""),
        count: blocks.length,
      },
      notes,
    },
    hcpcs: {
      system: "HCPCS",
      label: `HCPCS Level II ${year}`,
      year,
      fileDate,
      publisher: "Centers for Medicare & Medicaid Services (CMS)",
      source: source(options.hcpcs, hcpcsBytes),
      procedureCount: procedures.length,
      terminatedCount: procedures.filter((r) => r.terminationDate !== null).length,
      modifierCount: records.length - procedures.length,
      caveat:
        `The CMS ${year} annual alpha-numeric HCPCS file${fileDate ? ` (dated ${fileDate})` : ""}` +
        (age > 0
          ? `, ${age} year${age === 1 ? "" : "s"} older than the ICD-10-CM FY${fy} release shipped with it`
          : "") +
        `. Codes created after it are missing and later revisions or terminations are not reflected: a code not found is "not in the ${year} HCPCS file", not invalid.`,
      codes: dataFile(CODE_FILES.hcpcs, hcpcsText),
    },
  };
  files.set(CODE_FILES.releases, `${JSON.stringify(CodeReleasesSchema.parse(releases), null, 2)}\n`);
  return files;
}
