import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { CODE_FILES } from "../src/codes/release-manifest.js";
import { packageRoot } from "../src/util/package-root.js";
import { buildCodeFiles } from "./import-codes-build.js";
import { ImportError } from "./import-codes-icd.js";
import { UPSTREAM_FILES } from "./upstream.js";

// Defaults: the files kept in data/upstream/ (see its PROVENANCE.md).
const shown = (path: string): string => relative(packageRoot(), path);
const USAGE = `Import CMS/NCHS code sets into compact data under corpus/codes/.
Any input file may be gzip-compressed (name ending in .gz); it is read, named and hashed as the
original file.

npm run import-codes -- [options]
  --icd-order <file>     ICD-10-CM order file (default ${shown(UPSTREAM_FILES.icdOrder)})
  --icd-fy <year>        fiscal year of the order file (default: the 4-digit year in its name)
  --icd-chapters <csv>   chapters CSV (default ${shown(UPSTREAM_FILES.icdChapters)})
  --icd-sections <csv>   sections CSV (default ${shown(UPSTREAM_FILES.icdSections)})
  --icd-notes <json|none> tabular-notes excerpt (default ${shown(UPSTREAM_FILES.icdNotes)})
  --hcpcs <file>         CMS alpha-numeric HCPCS fixed-width file (default ${shown(UPSTREAM_FILES.hcpcs)})
  --hcpcs-year <year>    HCPCS year (default: the 4-digit year in its name)
  --hcpcs-readme <file>  CMS read-me giving the file date (default HCPC<year>_README.txt beside the file)
  --hcpcs-date <date>    file date YYYY-MM-DD (overrides the read-me)
  --out <dir>            output folder (default corpus/codes)
Files written: ${Object.values(CODE_FILES)
  .filter((f) => f !== CODE_FILES.cpt)
  .join(", ")} (cpt-plain-language.json is written by hand and left alone).`;

function integer(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value)) throw new ImportError(`${flag}: expected a 4-digit year, received "${value}"`);
  return Number(value);
}

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      "icd-order": { type: "string", default: UPSTREAM_FILES.icdOrder },
      "icd-fy": { type: "string" },
      "icd-chapters": { type: "string", default: UPSTREAM_FILES.icdChapters },
      "icd-sections": { type: "string", default: UPSTREAM_FILES.icdSections },
      "icd-notes": { type: "string", default: UPSTREAM_FILES.icdNotes },
      hcpcs: { type: "string", default: UPSTREAM_FILES.hcpcs },
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
  const hcpcsDate = values["hcpcs-date"];
  if (hcpcsDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(hcpcsDate)) {
    throw new ImportError(`--hcpcs-date: expected YYYY-MM-DD, received "${hcpcsDate}"`);
  }
  const files = buildCodeFiles({
    icdOrder: resolve(values["icd-order"]),
    icdFiscalYear: integer(values["icd-fy"], "--icd-fy"),
    icdChapters: resolve(values["icd-chapters"]),
    icdSections: resolve(values["icd-sections"]),
    icdNotes: values["icd-notes"] === "none" ? null : resolve(values["icd-notes"]),
    hcpcs: resolve(values.hcpcs),
    hcpcsYear: integer(values["hcpcs-year"], "--hcpcs-year"),
    hcpcsReadme: values["hcpcs-readme"] === undefined ? undefined : resolve(values["hcpcs-readme"]),
    hcpcsDate,
  });
  const out = resolve(values.out);
  mkdirSync(out, { recursive: true });
  if (!files.has(CODE_FILES.notes)) rmSync(join(out, CODE_FILES.notes), { force: true });
  for (const [name, text] of files) writeFileSync(join(out, name), text);
  console.error(`wrote ${[...files.keys()].join(", ")} to ${out}`);
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
