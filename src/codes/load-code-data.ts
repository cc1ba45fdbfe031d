import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CptPlainLanguageSchema } from "./cpt-plain-language-schema.js";
import type { CptPlainLanguage } from "./cpt-plain-language-schema.js";
import { parseHcpcsTable } from "./hcpcs-table.js";
import type { HcpcsTable } from "./hcpcs-table.js";
import { ShippedNotesSchema } from "./icd-notes-schema.js";
import type { ShippedNotes } from "./icd-notes-schema.js";
import { parseIcdTable } from "./icd10cm-table.js";
import type { IcdTable } from "./icd10cm-table.js";
import type { VerifiedFiles } from "../corpus/verified-files.js";
import { CODE_FILES, CodeReleasesSchema } from "./release-manifest.js";
import type { CodeReleases, DataFile } from "./release-manifest.js";

/** Everything under corpus/codes/, parsed and checked against the release manifest. */
export interface CodeData {
  releases: CodeReleases;
  icd: IcdTable;
  notes: ShippedNotes | null;
  hcpcs: HcpcsTable;
  cpt: CptPlainLanguage;
  cptDescriptions: Map<string, string>;
  hcpcsNotes: Map<string, string>;
}

/** Reads one file of a code-data folder by its name under codes/. */
export type CodeFileReader = (file: string) => Buffer;

function readJson(read: CodeFileReader, file: string): unknown {
  return JSON.parse(read(file).toString("utf8"));
}

/** A data file's text, refused unless its bytes and sha256 are those releases.json records. */
function checkedText(read: CodeFileReader, file: DataFile): string {
  const bytes = read(file.file);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (bytes.length !== file.bytes || sha256 !== file.sha256) {
    throw new Error(
      `corpus/codes/${file.file} differs from releases.json (size or sha256); re-run npm run import-codes`,
    );
  }
  return bytes.toString("utf8");
}

/** Parses and checks the code data a reader gives (no caching). */
export function readCodeData(read: CodeFileReader): CodeData {
  const releases = CodeReleasesSchema.parse(readJson(read, CODE_FILES.releases));
  const icdRelease = releases.icd10cm;
  const icd = parseIcdTable(
    checkedText(read, icdRelease.codes),
    checkedText(read, icdRelease.chapters.data),
    checkedText(read, icdRelease.blocks.data),
  );
  const billable = icd.billable.reduce((n, b) => n + b, 0);
  if (billable !== icdRelease.billableCount || icd.size - billable !== icdRelease.headerCount) {
    throw new Error("corpus/codes/icd10cm.tsv: billable or header count differs from releases.json");
  }
  const notes = icdRelease.notes
    ? ShippedNotesSchema.parse(JSON.parse(checkedText(read, icdRelease.notes.data)))
    : null;
  const hcpcs = parseHcpcsTable(checkedText(read, releases.hcpcs.codes));
  if (
    hcpcs.procedures.size !== releases.hcpcs.procedureCount ||
    hcpcs.modifiers.size !== releases.hcpcs.modifierCount
  ) {
    throw new Error("corpus/codes/hcpcs.tsv: procedure or modifier count differs from releases.json");
  }
  const cpt = CptPlainLanguageSchema.parse(readJson(read, CODE_FILES.cpt));
  return {
    releases,
    icd,
    notes,
    hcpcs,
    cpt,
    cptDescriptions: new Map(cpt.codes.map((c) => [c.code, c.description])),
    hcpcsNotes: new Map(cpt.hcpcsNotes.map((n) => [n.code, n.note])),
  };
}

/** Reads and checks the code data in a codes folder (importer output; no caching). */
export function loadCodeData(dir: string): CodeData {
  return readCodeData((file) => readFileSync(join(dir, file)));
}

/**
 * The code sets of a verified corpus: the release facts at hand, the tables parsed on first use
 * (start-up stays fast) from bytes that must still have the hashes the start verified.
 */
export class CodeSets {
  private data: CodeData | undefined;

  constructor(private readonly files: VerifiedFiles) {}

  get(): CodeData {
    this.data ??= readCodeData((file) => this.files.bytes(`codes/${file}`));
    return this.data;
  }
}
