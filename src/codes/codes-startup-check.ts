import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import type { z } from "zod";
import { readCorpusText } from "../corpus/corpus-files.js";
import { corpusDir } from "../util/package-root.js";
import { CptPlainLanguageSchema } from "./cpt-plain-language-schema.js";
import { CODE_FILES, CodeReleasesSchema } from "./release-manifest.js";
import type { DataFile } from "./release-manifest.js";

/** A JSON file under corpus/codes/ validated by its schema, or one line naming what is wrong. */
function readValidated<T>(file: string, schema: z.ZodType<T>): { value: T } | { problem: string } {
  const shown = `corpus/codes/${file}`;
  let json: unknown;
  try {
    json = JSON.parse(readCorpusText(`codes/${file}`));
  } catch (error) {
    return { problem: `${shown}: ${error instanceof Error ? error.message : String(error)}` };
  }
  // Parsed once per process: zod's compiled fast path would cost more than it saves.
  const parsed = schema.safeParse(json, { jitless: true });
  if (parsed.success) return { value: parsed.data };
  const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
  return { problem: `${shown}: ${issues.join("; ")}` };
}

/**
 * Cheap start-up check of corpus/codes/: the manifest and the CPT summaries validate and every data
 * file has the size the manifest records. Hashes are checked when the data is first loaded.
 */
export function checkCodeFiles(): string[] {
  const dir = join(corpusDir(), "codes");
  const problems: string[] = [];
  const cpt = readValidated(CODE_FILES.cpt, CptPlainLanguageSchema);
  if ("problem" in cpt) problems.push(cpt.problem);
  const releases = readValidated(CODE_FILES.releases, CodeReleasesSchema);
  if ("problem" in releases) return [...problems, releases.problem];
  const icd = releases.value.icd10cm;
  const files: DataFile[] = [
    icd.codes,
    icd.chapters.data,
    icd.blocks.data,
    ...(icd.notes ? [icd.notes.data] : []),
    releases.value.hcpcs.codes,
  ];
  for (const file of files) {
    const path = join(dir, file.file);
    if (!existsSync(path)) problems.push(`corpus/codes/${file.file}: missing`);
    else if (statSync(path).size !== file.bytes)
      problems.push(`corpus/codes/${file.file}: size differs from releases.json`);
  }
  return problems;
}
