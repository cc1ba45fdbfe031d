import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { CODE_FILES, CodeReleasesSchema, icdDataFiles } from "../src/codes/release-manifest.js";
import type { CodeReleases } from "../src/codes/release-manifest.js";
import { packageRoot } from "../src/util/package-root.js";
import { addReleases, buildCodeFiles, buildHcpcsRelease, buildIcdRelease } from "./import-codes-build.js";
import type { BuiltRelease, HcpcsImportOptions, IcdImportOptions } from "./import-codes-build.js";
import type { HcpcsRelease, Icd10cmRelease } from "../src/codes/release-manifest.js";
import { ImportError } from "./import-codes-icd.js";
import { UPSTREAM_FILES } from "./upstream.js";

// Defaults: the files kept in data/upstream/ (see its PROVENANCE.md).
const shown = (path: string): string => relative(packageRoot(), path);
const USAGE = `Import CMS/NCHS code sets into compact data under corpus/codes/. Each ICD-10-CM release
and each HCPCS file gets data files of its own (icd10cm-fy<year>*.tsv, hcpcs-<year>.tsv), listed in
releases.json; answers choose the release in force on the date of service.
Any input file may be gzip-compressed (name ending in .gz); it is read, named and hashed as the
original file.

npm run import-codes -- [options]             re-import the shipped releases (defaults: data/upstream)
npm run import-codes -- --add [options]       add a release beside the shipped ones
  --add                  keep every shipped release and add the ICD-10-CM release of --icd-order
                         and/or the HCPCS file of --hcpcs; a release already shipped is left alone
                         when identical and refused otherwise (never replaced)
  --icd-order <file>     ICD-10-CM order file (default ${shown(UPSTREAM_FILES.icdOrder)})
  --icd-fy <year>        fiscal year of the order file (default: the 4-digit year in its name)
  --icd-chapters <csv>   chapters CSV (default ${shown(UPSTREAM_FILES.icdChapters)})
  --icd-sections <csv>   sections CSV (default ${shown(UPSTREAM_FILES.icdSections)})
  --icd-notes <json|none> tabular-notes excerpt (default ${shown(UPSTREAM_FILES.icdNotes)})
                         (with --add and --icd-order, give --icd-chapters, --icd-sections and
                         --icd-notes of the same release: no defaults from another release)
  --hcpcs <file>         CMS alpha-numeric HCPCS fixed-width file (default ${shown(UPSTREAM_FILES.hcpcs)})
  --hcpcs-year <year>    HCPCS year (default: the 4-digit year in its name)
  --hcpcs-readme <file>  CMS read-me giving the file date (default HCPC<year>_README.txt beside the file)
  --hcpcs-date <date>    file date YYYY-MM-DD (overrides the read-me)
  --replace              without --add: allow replacing a shipped release of the same label whose
                         source files differ (otherwise refused)
  --out <dir>            output folder (default corpus/codes)
Without --add, the folder gets exactly the imported releases: it refuses to drop a shipped
release it does not import. ${CODE_FILES.cpt} and ${CODE_FILES.hcpcsUpdates} are written by hand
and left alone. Run npm run update-manifest afterwards.`;

function integer(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value)) throw new ImportError(`${flag}: expected a 4-digit year, received "${value}"`);
  return Number(value);
}

/** The releases.json of the output folder, or undefined when there is none. */
function shippedReleases(out: string): CodeReleases | undefined {
  const path = join(out, CODE_FILES.releases);
  if (!existsSync(path)) return undefined;
  const parsed = CodeReleasesSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success)
    throw new ImportError(
      `${path} is not a valid releases.json (${parsed.error.issues[0]?.message ?? "invalid"}); fix it or remove it to import afresh`,
    );
  return parsed.data;
}

function readIfExists(dir: string): (file: string) => string | undefined {
  return (file) => {
    const path = join(dir, file);
    return existsSync(path) ? readFileSync(path, "utf8") : undefined;
  };
}

type Values = Record<string, string | boolean | undefined>;

function icdOptions(values: Values, defaults: boolean): IcdImportOptions {
  const missing = ["icd-chapters", "icd-sections", "icd-notes"].filter((f) => values[f] === undefined);
  if (!defaults && missing.length > 0)
    throw new ImportError(
      `--add --icd-order: also pass ${missing.map((f) => `--${f}`).join(", ")} of the same release (--icd-notes may be none)`,
    );
  const pick = (flag: string, fallback: string): string => {
    const value = values[flag];
    return typeof value === "string" ? value : fallback;
  };
  const notes = pick("icd-notes", UPSTREAM_FILES.icdNotes);
  return {
    icdOrder: resolve(pick("icd-order", UPSTREAM_FILES.icdOrder)),
    icdFiscalYear: integer(values["icd-fy"] as string | undefined, "--icd-fy"),
    icdChapters: resolve(pick("icd-chapters", UPSTREAM_FILES.icdChapters)),
    icdSections: resolve(pick("icd-sections", UPSTREAM_FILES.icdSections)),
    icdNotes: notes === "none" ? null : resolve(notes),
  };
}

function hcpcsOptions(values: Values): HcpcsImportOptions {
  const date = values["hcpcs-date"] as string | undefined;
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw new ImportError(`--hcpcs-date: expected YYYY-MM-DD, received "${date}"`);
  }
  const readme = values["hcpcs-readme"] as string | undefined;
  return {
    hcpcs: resolve((values.hcpcs as string | undefined) ?? UPSTREAM_FILES.hcpcs),
    hcpcsYear: integer(values["hcpcs-year"] as string | undefined, "--hcpcs-year"),
    hcpcsReadme: readme === undefined ? undefined : resolve(readme),
    hcpcsDate: date,
  };
}

/** A fresh import: the folder gets exactly these releases; shipped ones are never dropped or silently replaced. */
function importFresh(values: Values, out: string): void {
  const built = buildCodeFiles({ ...icdOptions(values, true), ...hcpcsOptions(values) });
  const next = CodeReleasesSchema.parse(JSON.parse(built.get(CODE_FILES.releases) ?? "{}"));
  const shipped = shippedReleases(out);
  const stale: string[] = [];
  if (shipped) {
    const incoming = [...next.icd10cm, ...next.hcpcs];
    for (const release of [...shipped.icd10cm, ...shipped.hcpcs]) {
      const same = incoming.find((r) => r.label === release.label);
      if (!same)
        throw new ImportError(
          `${out} ships ${release.label}, which this import would remove: pass --add to import beside the shipped releases`,
        );
      if (same.source.sha256 !== release.source.sha256 && values.replace !== true)
        throw new ImportError(
          `${release.label} is shipped from ${release.source.file} (sha256 ${release.source.sha256.slice(0, 12)}…); this import reads ${same.source.file} (${same.source.sha256.slice(0, 12)}…): pass --replace to replace it`,
        );
      const files = release.system === "ICD-10-CM" ? icdDataFiles(release) : [release.codes];
      for (const f of files) if (!built.has(f.file)) stale.push(f.file);
    }
  }
  mkdirSync(out, { recursive: true });
  for (const file of stale) rmSync(join(out, file), { force: true });
  for (const [name, text] of built) writeFileSync(join(out, name), text);
  console.error(`wrote ${[...built.keys()].join(", ")} to ${out}`);
}

/** Adds the releases given beside the shipped ones. */
function importAdd(values: Values, out: string): void {
  const shipped = shippedReleases(out);
  if (!shipped)
    throw new ImportError(`--add: ${join(out, CODE_FILES.releases)} not found (nothing to add beside)`);
  const built: BuiltRelease<Icd10cmRelease | HcpcsRelease>[] = [];
  if (values["icd-order"] !== undefined) built.push(buildIcdRelease(icdOptions(values, false)));
  if (values.hcpcs !== undefined) built.push(buildHcpcsRelease(hcpcsOptions(values)));
  if (built.length === 0)
    throw new ImportError("--add: pass --icd-order and/or --hcpcs (the release to add)");
  const plan = addReleases(shipped, readIfExists(out), built);
  for (const [name, text] of plan.files) writeFileSync(join(out, name), text);
  for (const label of plan.unchanged)
    console.error(`${label} is already shipped with exactly these files: unchanged`);
  if (plan.added.length > 0)
    console.error(`added ${plan.added.join(", ")}; wrote ${[...plan.files.keys()].join(", ")} to ${out}`);
}

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      add: { type: "boolean", default: false },
      replace: { type: "boolean", default: false },
      "icd-order": { type: "string" },
      "icd-fy": { type: "string" },
      "icd-chapters": { type: "string" },
      "icd-sections": { type: "string" },
      "icd-notes": { type: "string" },
      hcpcs: { type: "string" },
      "hcpcs-year": { type: "string" },
      "hcpcs-readme": { type: "string" },
      "hcpcs-date": { type: "string" },
      out: { type: "string", default: "corpus/codes" },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.error(USAGE);
    return 0;
  }
  const out = resolve(values.out);
  if (values.add) {
    if (values.replace)
      throw new ImportError("--replace: not with --add (--add never replaces a shipped release)");
    importAdd(values, out);
  } else importFresh(values, out);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (
    error instanceof ImportError ||
    (error instanceof Error && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))
  ) {
    console.error(`import-codes: ${error.message}`);
    process.exitCode = 2;
  } else throw error;
}
