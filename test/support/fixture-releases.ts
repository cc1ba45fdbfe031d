import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CodeReleasesSchema } from "../../src/codes/release-manifest.js";
import { writeManifest } from "../../tools/corpus-writer.js";
import { addReleases, buildHcpcsRelease, buildIcdRelease } from "../../tools/import-codes-build.js";
import { ROOT } from "./clients.js";

export const CODE_FIXTURES = join(ROOT, "test", "fixtures", "codes");

/**
 * Adds the fixture releases (a tiny "ICD-10-CM FY2027": M53.4 new, everything else of FY2026 but a
 * dozen codes gone; optionally a tiny "HCPCS Level II 2021") beside the shipped ones in a corpus
 * folder, as `npm run import-codes -- --add` does, and rewrites its manifest.
 */
export function addFixtureReleases(corpusDir: string, options: { hcpcs2021?: boolean } = {}): void {
  const codes = join(corpusDir, "codes");
  const shipped = CodeReleasesSchema.parse(JSON.parse(readFileSync(join(codes, "releases.json"), "utf8")));
  const built = [
    buildIcdRelease({
      icdOrder: join(CODE_FIXTURES, "icd10cm-order-2027.txt"),
      icdChapters: join(CODE_FIXTURES, "icd10cm-chapters-2027.csv"),
      icdSections: join(CODE_FIXTURES, "icd10cm-sections-2027.csv"),
      icdNotes: join(CODE_FIXTURES, "tabular-notes-excerpt-2027.json"),
    }),
    ...(options.hcpcs2021
      ? [buildHcpcsRelease({ hcpcs: join(CODE_FIXTURES, "HCPC2021_ANWEB_fixture.txt") })]
      : []),
  ];
  const existing = (file: string) =>
    existsSync(join(codes, file)) ? readFileSync(join(codes, file), "utf8") : undefined;
  const plan = addReleases(shipped, existing, built);
  for (const [name, text] of plan.files) writeFileSync(join(codes, name), text);
  writeManifest(corpusDir);
}
