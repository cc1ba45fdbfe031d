/**
 * Ingest a PDF (a plan's own policy or a guideline) into the evidence corpus, one passage per page:
 *
 *   npm run ingest -- <file.pdf> --source-id <id> --title <title> --organisation <org> --year <yyyy>
 *       --type <guideline|systematic-review|consensus-statement|position-statement|coverage-policy|trial|commentary|other>
 *       [--published <date>] [--version <version or effective date>] [--author <name>]... [--short-title <name>]
 *       [--doi <doi>] [--pmid <pmid>] [--url <url>] [--licence <text>] [--method <method>] [--note <quality note>]
 *       [--corpus <dir>]
 *
 * Writes corpus/evidence/sources/<id>.json (passages `<id>#p<N>` with physical page and printed
 * page label; provenance "file:<name> sha256:<hex>", kind ingested-pdf), validated by the server's
 * schemas, then rewrites corpus/manifest.json. Re-ingesting the same PDF gives byte-identical files.
 * Refuses to overwrite a source that did not come from a PDF.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { verifyCorpusFiles } from "../src/corpus/integrity.js";
import { loadEvidence } from "../src/corpus/load-evidence.js";
import { sha256Hex } from "../src/corpus/manifest.js";
import { evidenceFilePath } from "../src/corpus/paths.js";
import { SourceSchema } from "../src/corpus/schemas.js";
import type { EvidenceFile } from "../src/corpus/schemas.js";
import { corpusDir } from "../src/util/package-root.js";
import { writeEvidenceFile, writeManifest } from "./corpus-writer.js";
import { readPdfPages } from "./pdf-adapter.js";
import { pagePassages } from "./pdf-passages.js";

export class UsageError extends Error {}

export interface IngestResult {
  file: string;
  sourceId: string;
  passages: number;
  pages: number;
  corpusVersion: string;
}

const OPTIONS = {
  "source-id": { type: "string" },
  title: { type: "string" },
  "short-title": { type: "string" },
  organisation: { type: "string" },
  author: { type: "string", multiple: true },
  year: { type: "string" },
  published: { type: "string" },
  version: { type: "string" },
  doi: { type: "string" },
  pmid: { type: "string" },
  url: { type: "string" },
  licence: { type: "string" },
  type: { type: "string" },
  method: { type: "string" },
  note: { type: "string" },
  corpus: { type: "string" },
} as const;

/** Source fields whose command-line option has another name. */
const OPTION_OF_FIELD: Record<string, string> = {
  id: "source-id",
  shortTitle: "short-title",
  authors: "author",
  versionOrEffective: "version",
  qualityNote: "note",
};

const REQUIRED = ["source-id", "title", "organisation", "year", "type"] as const;

function required(values: Record<string, unknown>, name: (typeof REQUIRED)[number]): string {
  const value = values[name];
  return typeof value === "string" ? value : "";
}

/** Ingest one PDF given command-line arguments; returns what was written. */
export async function ingestPdf(argv: string[]): Promise<IngestResult> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError(`expected one PDF file, received ${positionals.length}`);
  const pdfPath = positionals[0] ?? "";
  if (!existsSync(pdfPath)) throw new UsageError(`no such file: ${pdfPath}`);
  const corpus = values.corpus ?? corpusDir();
  const missing = REQUIRED.filter((name) => required(values, name).trim() === "");
  if (missing.length > 0)
    throw new UsageError(
      `missing required option${missing.length === 1 ? "" : "s"}: --${missing.join(", --")}`,
    );

  const year = Number(required(values, "year"));
  const organisation = required(values, "organisation");
  const checked = SourceSchema.safeParse({
    id: required(values, "source-id"),
    title: required(values, "title"),
    shortTitle: values["short-title"],
    authors: values.author ?? [organisation],
    organisation,
    year,
    published: values.published ?? String(year),
    versionOrEffective: values.version,
    doi: values.doi,
    pmid: values.pmid,
    url: values.url,
    licence: values.licence,
    type: required(values, "type"),
    method: values.method,
    qualityNote: values.note,
  });
  if (!checked.success) {
    const option = (field: string): string => OPTION_OF_FIELD[field] ?? field;
    throw new UsageError(
      checked.error.issues.map((i) => `--${option(String(i.path[0]))}: ${i.message}`).join("; "),
    );
  }
  const source = checked.data;

  const existing = join(corpus, ...evidenceFilePath(source.id).split("/"));
  if (existsSync(existing)) {
    const kind = (JSON.parse(readFileSync(existing, "utf8")) as { origin?: { kind?: string } }).origin?.kind;
    if (kind !== "ingested-pdf") {
      throw new UsageError(
        `source id "${source.id}" already exists and did not come from a PDF; choose another --source-id`,
      );
    }
  }

  const bytes = readFileSync(pdfPath);
  const sha256 = sha256Hex(bytes);
  const name = basename(pdfPath);
  const pages = await readPdfPages(new Uint8Array(bytes));
  const passages = pagePassages(source.id, pages, `file:${name} sha256:${sha256}`);
  if (passages.length === 0)
    throw new UsageError(`${name}: no page has extractable text (a scanned PDF needs OCR first)`);

  const file: EvidenceFile = {
    origin: { kind: "ingested-pdf", file: name, sha256, pages: pages.length },
    source,
    passages,
  };
  writeEvidenceFile(corpus, file);
  const manifest = writeManifest(corpus);
  const verified = verifyCorpusFiles(corpus);
  const problems = [...verified.problems, ...loadEvidence(verified.files).problems];
  if (problems.length > 0)
    throw new Error(`the corpus failed verification after ingestion:\n  - ${problems.join("\n  - ")}`);
  return {
    file: name,
    sourceId: source.id,
    passages: passages.length,
    pages: pages.length,
    corpusVersion: manifest.version,
  };
}

async function main(): Promise<number> {
  try {
    const r = await ingestPdf(process.argv.slice(2));
    console.error(
      `ingested ${r.file}: ${r.passages} passages from ${r.pages} pages as source ${r.sourceId}; corpus version ${r.corpusVersion}`,
    );
    return 0;
  } catch (error) {
    console.error(`ingest: ${error instanceof Error ? error.message : String(error)}`);
    return error instanceof UsageError ? 2 : 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main().then((code) => {
    process.exitCode = code;
  });
}
