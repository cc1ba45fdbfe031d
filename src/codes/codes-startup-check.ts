import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { corpusDir } from "../util/package-root.js";
import { readCpt, readReleases } from "./load-code-data.js";
import type { DataFile } from "./release-manifest.js";

function describe(error: unknown): string {
  return error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
}

/**
 * Cheap start-up check of corpus/codes/: the manifest and the CPT summaries validate and every data
 * file has the size the manifest records. Hashes are checked when the data is first loaded.
 */
export function checkCodeFiles(): string[] {
  const dir = join(corpusDir(), "codes");
  const problems: string[] = [];
  try {
    readCpt(dir);
  } catch (error) {
    problems.push(`corpus/codes/cpt-plain-language.json: ${describe(error)}`);
  }
  let files: DataFile[];
  try {
    const releases = readReleases(dir);
    const icd = releases.icd10cm;
    files = [
      icd.codes,
      icd.chapters.data,
      icd.blocks.data,
      ...(icd.notes ? [icd.notes.data] : []),
      releases.hcpcs.codes,
    ];
  } catch (error) {
    return [...problems, `corpus/codes/releases.json: ${describe(error)}`];
  }
  for (const file of files) {
    const path = join(dir, file.file);
    if (!existsSync(path)) problems.push(`corpus/codes/${file.file}: missing`);
    else if (statSync(path).size !== file.bytes)
      problems.push(`corpus/codes/${file.file}: size differs from releases.json`);
  }
  return problems;
}
