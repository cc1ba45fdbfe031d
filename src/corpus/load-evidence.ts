import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { z } from "zod";
import { readCorpusText } from "./corpus-files.js";
import { ManifestSchema } from "./manifest.js";
import { EVIDENCE_SOURCES_DIR, MANIFEST_FILE, shownPath } from "./paths.js";
import { EvidenceFileSchema } from "./schemas.js";
import type { EvidenceOrigin, Passage, Source } from "./schemas.js";

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

function issues(file: string, error: z.ZodError): string[] {
  return error.issues.map((i) => `${shownPath(file)}: ${i.path.length ? `${i.path.join(".")}: ` : ""}${i.message}`);
}

function parseJson(file: string, text: string, problems: string[]): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    problems.push(`${shownPath(file)}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    return undefined;
  }
}

function readVersion(dir: string, problems: string[]): string {
  if (!existsSync(join(dir, MANIFEST_FILE))) {
    problems.push(`${shownPath(MANIFEST_FILE)}: missing (run npm run update-manifest)`);
    return "";
  }
  const parsed = ManifestSchema.safeParse(parseJson(MANIFEST_FILE, readCorpusText(MANIFEST_FILE, dir), problems), {
    jitless: true,
  });
  if (!parsed.success) {
    problems.push(...issues(MANIFEST_FILE, parsed.error));
    return "";
  }
  return parsed.data.version;
}

/** Read, validate and cross-check every evidence file; a corpus is returned only when nothing is wrong. */
export function loadEvidence(dir: string): LoadResult {
  const problems: string[] = [];
  const version = readVersion(dir, problems);
  const sources = new Map<string, Source>();
  const passages = new Map<string, Passage>();
  const origins = new Map<string, EvidenceOrigin>();
  const bySource = new Map<string, Passage[]>();
  const where = new Map<string, string>();

  const folder = join(dir, ...EVIDENCE_SOURCES_DIR.split("/"));
  const names = existsSync(folder)
    ? readdirSync(folder)
        .filter((n) => n.endsWith(".json"))
        .sort()
    : [];
  if (names.length === 0) problems.push(`${shownPath(EVIDENCE_SOURCES_DIR)}/: no evidence files`);

  for (const name of names) {
    const relative = `${EVIDENCE_SOURCES_DIR}/${name}`;
    const file = shownPath(relative);
    const json = parseJson(relative, readCorpusText(relative, dir), problems);
    if (json === undefined) continue;
    // Parsed once per process: zod's compiled fast path would cost more than it saves.
    const parsed = EvidenceFileSchema.safeParse(json, { jitless: true });
    if (!parsed.success) {
      problems.push(...issues(relative, parsed.error));
      continue;
    }
    const { source, passages: list, origin } = parsed.data;
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
