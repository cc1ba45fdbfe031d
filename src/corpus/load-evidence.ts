import { jsonProblems } from "./checked-json.js";
import { EVIDENCE_SOURCES_DIR, shownPath } from "./paths.js";
import { EvidenceFileSchema } from "./schemas.js";
import type { EvidenceOrigin, Passage, Source } from "./schemas.js";
import type { VerifiedFiles } from "./verified-files.js";

/** The evidence corpus in memory. Sources are ordered by id; passages by source id, then document order. */
export interface Corpus {
  /** The corpus version hash from corpus/manifest.json. */
  version: string;
  sources: ReadonlyMap<string, Source>;
  passages: ReadonlyMap<string, Passage>;
  origins: ReadonlyMap<string, EvidenceOrigin>;
  /** A source's passages in document order (empty for an unknown source). */
  passagesOf(sourceId: string): Passage[];
}

export interface LoadResult {
  corpus?: Corpus;
  problems: string[];
}

/** Read, validate and cross-check every evidence file; a corpus is returned only when nothing is wrong. */
export function loadEvidence(files: VerifiedFiles): LoadResult {
  const problems: string[] = [];
  const version = files.version;
  const sources = new Map<string, Source>();
  const passages = new Map<string, Passage>();
  const origins = new Map<string, EvidenceOrigin>();
  const bySource = new Map<string, Passage[]>();
  const where = new Map<string, string>();

  const names = files
    .list(`${EVIDENCE_SOURCES_DIR}/`)
    .map((path) => path.slice(EVIDENCE_SOURCES_DIR.length + 1))
    .filter((n) => n.endsWith(".json") && !n.includes("/"));
  if (names.length === 0) problems.push(`${shownPath(EVIDENCE_SOURCES_DIR)}/: no evidence files`);

  for (const name of names) {
    const relative = `${EVIDENCE_SOURCES_DIR}/${name}`;
    const file = shownPath(relative);
    const parsed = files.json(relative, EvidenceFileSchema);
    if (!parsed.ok) {
      problems.push(...jsonProblems(file, parsed));
      continue;
    }
    const { source, passages: list, origin } = parsed.value;
    if (name !== `${source.id}.json`) problems.push(`${file}: holds source "${source.id}"; the file must be named ${source.id}.json`);
    const firstFile = where.get(source.id);
    if (firstFile) problems.push(`${file}: duplicate source id "${source.id}" (also in ${firstFile})`);
    where.set(source.id, file);
    sources.set(source.id, source);
    origins.set(source.id, origin);
    const own: Passage[] = [];
    list.forEach((passage, index) => {
      const at = `${file}: passages.${index} (${passage.id})`;
      if (passage.sourceId !== source.id) {
        problems.push(`${at}: sourceId "${passage.sourceId}" does not resolve to this file's source "${source.id}"`);
      }
      if (!passage.id.startsWith(`${source.id}#`)) problems.push(`${at}: the id must start with "${source.id}#"`);
      const seen = where.get(passage.id);
      if (seen) problems.push(`${at}: duplicate passage id "${passage.id}" (also in ${seen})`);
      where.set(passage.id, file);
      passages.set(passage.id, passage);
      own.push(passage);
    });
    bySource.set(source.id, own);
  }

  if (problems.length > 0) return { problems };
  const corpus: Corpus = {
    version,
    sources,
    passages,
    origins,
    passagesOf: (sourceId) => [...(bySource.get(sourceId) ?? [])],
  };
  return { corpus, problems };
}
