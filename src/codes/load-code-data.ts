import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { corpusDir } from "../util/package-root.js";
import { CptPlainLanguageSchema } from "./cpt-plain-language-schema.js";
import type { CptPlainLanguage } from "./cpt-plain-language-schema.js";
import { parseHcpcsTable } from "./hcpcs-table.js";
import type { HcpcsTable } from "./hcpcs-table.js";
import { ShippedNotesSchema } from "./icd-notes-schema.js";
import type { ShippedNotes } from "./icd-notes-schema.js";
import { parseIcdTable } from "./icd10cm-table.js";
import type { IcdTable } from "./icd10cm-table.js";
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

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, "utf8"));
}

export function readReleases(dir: string): CodeReleases {
  return CodeReleasesSchema.parse(readJson(join(dir, CODE_FILES.releases)));
}

export function readCpt(dir: string): CptPlainLanguage {
  return CptPlainLanguageSchema.parse(readJson(join(dir, CODE_FILES.cpt)));
}

/** A data file's text, refused unless its bytes and sha256 are those the manifest recorded. */
function checkedText(dir: string, file: DataFile): string {
  const bytes = readFileSync(join(dir, file.file));
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (bytes.length !== file.bytes || sha256 !== file.sha256) {
    throw new Error(
      `corpus/codes/${file.file} differs from releases.json (size or sha256); re-run npm run import-codes`,
    );
  }
  return bytes.toString("utf8");
}

/** Reads and checks the code data in `dir` (no caching). */
export function loadCodeData(dir: string): CodeData {
  const releases = readReleases(dir);
  const icdRelease = releases.icd10cm;
  const icd = parseIcdTable(
    checkedText(dir, icdRelease.codes),
    checkedText(dir, icdRelease.chapters.data),
    checkedText(dir, icdRelease.blocks.data),
  );
  const billable = icd.billable.reduce((n, b) => n + b, 0);
  if (billable !== icdRelease.billableCount || icd.size - billable !== icdRelease.headerCount) {
    throw new Error("corpus/codes/icd10cm.tsv: billable or header count differs from releases.json");
  }
  const notes = icdRelease.notes
    ? ShippedNotesSchema.parse(JSON.parse(checkedText(dir, icdRelease.notes.data)))
    : null;
  const hcpcs = parseHcpcsTable(checkedText(dir, releases.hcpcs.codes));
  if (
    hcpcs.procedures.size !== releases.hcpcs.procedureCount ||
    hcpcs.modifiers.size !== releases.hcpcs.modifierCount
  ) {
    throw new Error("corpus/codes/hcpcs.tsv: procedure or modifier count differs from releases.json");
  }
  const cpt = readCpt(dir);
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

const loaded = new Map<string, CodeData>();
let last: { corpus: string; data: CodeData } | undefined;

/** The shipped code data, loaded on first use (keeps server start-up fast) and then kept. */
export function codeData(): CodeData {
  const corpus = corpusDir();
  if (last?.corpus === corpus) return last.data;
  const dir = join(corpus, "codes");
  let data = loaded.get(dir);
  if (!data) {
    data = loadCodeData(dir);
    loaded.set(dir, data);
  }
  last = { corpus, data };
  return data;
}
