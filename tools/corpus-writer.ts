import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { buildManifest, hashCorpusFiles, serializeManifest } from "../src/corpus/manifest.js";
import type { Manifest } from "../src/corpus/manifest.js";
import { EVIDENCE_SOURCES_DIR, MANIFEST_FILE, evidenceFilePath } from "../src/corpus/paths.js";
import { EvidenceFileSchema } from "../src/corpus/schemas.js";
import type { EvidenceFile } from "../src/corpus/schemas.js";

/** Validate with the server's schema and serialise deterministically (schema key order, 2 spaces, final newline). */
export function serializeEvidenceFile(file: EvidenceFile): string {
  return `${JSON.stringify(EvidenceFileSchema.parse(file), null, 2)}\n`;
}

export function writeEvidenceFile(corpus: string, file: EvidenceFile): string {
  const relative = evidenceFilePath(file.source.id);
  const path = join(corpus, ...relative.split("/"));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, serializeEvidenceFile(file));
  return relative;
}

/** Evidence files currently in the corpus whose origin has the given kind (by file name). */
export function evidenceFilesOfKind(corpus: string, kind: EvidenceFile["origin"]["kind"]): string[] {
  const folder = join(corpus, ...EVIDENCE_SOURCES_DIR.split("/"));
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => n.endsWith(".json"));
  } catch {
    return [];
  }
  return names.filter((name) => {
    try {
      const json = JSON.parse(readFileSync(join(folder, name), "utf8")) as { origin?: { kind?: string } };
      return json.origin?.kind === kind;
    } catch {
      return false;
    }
  });
}

export function removeEvidenceFile(corpus: string, name: string): void {
  rmSync(join(corpus, ...EVIDENCE_SOURCES_DIR.split("/"), name));
}

/** Re-hash every corpus file and rewrite manifest.json. */
export function writeManifest(corpus: string): Manifest {
  const manifest = buildManifest(hashCorpusFiles(corpus));
  writeFileSync(join(corpus, MANIFEST_FILE), serializeManifest(manifest));
  return manifest;
}
