import type { z } from "zod";
import type { VerifiedFiles } from "../corpus/verified-files.js";
import { CptPlainLanguageSchema } from "./cpt-plain-language-schema.js";
import { HcpcsUpdatesSchema } from "./hcpcs-updates-schema.js";
import { CODE_FILES, CodeReleasesSchema, icdDataFiles } from "./release-manifest.js";
import type { DataFile } from "./release-manifest.js";

/** A JSON file under corpus/codes/ validated by its schema, or one line naming what is wrong. */
function readValidated<T>(
  files: VerifiedFiles,
  file: string,
  schema: z.ZodType<T>,
): { value: T } | { problem: string } {
  const shown = `corpus/codes/${file}`;
  let json: unknown;
  try {
    json = JSON.parse(files.text(`codes/${file}`));
  } catch (error) {
    return { problem: `${shown}: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = files.validate(`codes/${file}`, json, schema);
  if (parsed.success) return { value: parsed.data };
  const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
  return { problem: `${shown}: ${issues.join("; ")}` };
}

/**
 * Start-up check of corpus/codes/: the release manifest, the CPT summaries and the HCPCS updates
 * validate, and every data file of every release releases.json lists has the size and sha256 the
 * start verified (the tables themselves are parsed on first use).
 */
export function checkCodeFiles(files: VerifiedFiles): string[] {
  const problems: string[] = [];
  const cpt = readValidated(files, CODE_FILES.cpt, CptPlainLanguageSchema);
  if ("problem" in cpt) problems.push(cpt.problem);
  const updates = readValidated(files, CODE_FILES.hcpcsUpdates, HcpcsUpdatesSchema);
  if ("problem" in updates) problems.push(updates.problem);
  const releases = readValidated(files, CODE_FILES.releases, CodeReleasesSchema);
  if ("problem" in releases) return [...problems, releases.problem];
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
