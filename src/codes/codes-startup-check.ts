import { jsonProblems } from "../corpus/checked-json.js";
import type { z } from "zod";
import type { VerifiedFiles } from "../corpus/verified-files.js";
import { CptPlainLanguageSchema } from "./cpt-plain-language-schema.js";
import { HcpcsUpdatesSchema } from "./hcpcs-updates-schema.js";
import { CODE_FILES, CodeReleasesSchema, icdDataFiles } from "./release-manifest.js";
import type { DataFile } from "./release-manifest.js";

/** A JSON file under corpus/codes/ validated by its schema, or what is wrong with it. */
function readValidated<T>(
  files: VerifiedFiles,
  file: string,
  schema: z.ZodType<T>,
): { value: T } | { problems: string[] } {
  const parsed = files.json(`codes/${file}`, schema);
  return parsed.ok ? { value: parsed.value } : { problems: jsonProblems(`corpus/codes/${file}`, parsed) };
}

/**
 * Start-up check of corpus/codes/: the release manifest, the CPT summaries and the HCPCS updates
 * validate, and every data file of every release releases.json lists has the size and sha256 the
 * start verified (the tables themselves are parsed on first use).
 */
export function checkCodeFiles(files: VerifiedFiles): string[] {
  const problems: string[] = [];
  const cpt = readValidated(files, CODE_FILES.cpt, CptPlainLanguageSchema);
  if ("problems" in cpt) problems.push(...cpt.problems);
  const updates = readValidated(files, CODE_FILES.hcpcsUpdates, HcpcsUpdatesSchema);
  if ("problems" in updates) problems.push(...updates.problems);
  const releases = readValidated(files, CODE_FILES.releases, CodeReleasesSchema);
  if ("problems" in releases) return [...problems, ...releases.problems];
  const data: DataFile[] = [
    ...releases.value.icd10cm.flatMap(icdDataFiles),
    ...releases.value.hcpcs.map((r) => r.codes),
  ];
  for (const file of data) {
    const entry = files.entry(`codes/${file.file}`);
    if (!entry) problems.push(`corpus/codes/${file.file}: missing`);
    else if (entry.bytes !== file.bytes || entry.sha256 !== file.sha256)
      problems.push(`corpus/codes/${file.file}: size or sha256 differs from releases.json`);
  }
  return problems;
}
