// The upstream files the importers read and the tests compare against, kept in data/upstream/
// (origin, release, licence and sha256 of each in data/upstream/PROVENANCE.md). Large files are
// stored gzip-compressed; readUpstream returns the original bytes either way.
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { gunzipSync } from "node:zlib";
import { packageRoot } from "../src/util/package-root.js";

/** data/upstream/ of this repository. */
export const UPSTREAM = join(packageRoot(), "data", "upstream");

/** The upstream files by role, as stored (the order and HCPCS files gzip-compressed). */
export const UPSTREAM_FILES = {
  icdOrder: join(UPSTREAM, "icd10cm", "icd10cm-order-2026.txt.gz"),
  icdChapters: join(UPSTREAM, "icd10cm", "icd10cm-chapters-2026.csv"),
  icdSections: join(UPSTREAM, "icd10cm", "icd10cm-sections-2026.csv"),
  icdNotes: join(UPSTREAM, "icd10cm", "tabular-notes-excerpt-2026.json"),
  hcpcs: join(UPSTREAM, "hcpcs", "HCPC2020_ANWEB_w_disclaimer.txt.gz"),
  evidence: join(UPSTREAM, "evidence", "evidence-sources.json"),
} as const;

/** A file's bytes, decompressed when its name ends in .gz. */
export function readUpstream(path: string): Buffer {
  const bytes = readFileSync(path);
  return path.endsWith(".gz") ? gunzipSync(bytes) : bytes;
}

/** The file's name as published: without the .gz this repository adds. */
export function publishedName(path: string): string {
  return basename(path).replace(/\.gz$/, "");
}
