/** Corpus layout, relative to the corpus folder (corpusDir()); paths always use "/". */
export const MANIFEST_FILE = "manifest.json";
/** One JSON file per evidence source: `<source id>.json` (schema: EvidenceFileSchema). */
export const EVIDENCE_SOURCES_DIR = "evidence/sources";

export function evidenceFilePath(sourceId: string): string {
  return `${EVIDENCE_SOURCES_DIR}/${sourceId}.json`;
}

/** How problems name a corpus file: relative to the corpus folder, e.g. "corpus/evidence/sources/x.json". */
export function shownPath(relativePath: string): string {
  return `corpus/${relativePath}`;
}
