import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { jsonProblems } from "./checked-json.js";
import { closestIds } from "./closest-ids.js";
import type { Corpus } from "./load-evidence.js";
import { corpusVersionOf, hashCorpusFiles, ManifestSchema, sha256Hex } from "./manifest.js";
import type { Manifest, ManifestEntry } from "./manifest.js";
import { MANIFEST_FILE, shownPath } from "./paths.js";
import { DataParser } from "./parsed-ahead.js";
import { VerifiedFiles } from "./verified-files.js";

const FIX = "run npm run update-manifest after an intended change";

function readManifest(dir: string, problems: string[], parser: DataParser): Manifest | undefined {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) {
    problems.push(`${shownPath(MANIFEST_FILE)}: missing (${FIX})`);
    return undefined;
  }
  const bytes = readFileSync(path);
  const parsed = parser.parse(MANIFEST_FILE, sha256Hex(bytes), () => bytes.toString("utf8"), ManifestSchema);
  if (!parsed.ok) {
    problems.push(...jsonProblems(shownPath(MANIFEST_FILE), parsed));
    return undefined;
  }
  return parsed.value;
}

/** Files parsed at start are kept in memory as hashed; the large code tables are hashed in chunks and read again when first used. */
function keptAtStart(path: string): boolean {
  return path.endsWith(".json");
}

/**
 * Hash every file under the corpus folder once and hold it against manifest.json: every file must be
 * listed with its sha256, and nothing listed may be missing. The files come back as found on disk
 * (so later checks can report their own problems too); only an empty problem list makes them verified.
 */
export function verifyCorpusFiles(
  dir: string,
  parser: DataParser = new DataParser(),
): { files: VerifiedFiles; problems: string[] } {
  const problems: string[] = [];
  const manifest = readManifest(dir, problems, parser);
  const onDisk = hashCorpusFiles(dir, keptAtStart);
  const entries = new Map<string, ManifestEntry>();
  const kept = new Map<string, Buffer>();
  for (const file of onDisk) {
    entries.set(file.path, { path: file.path, sha256: file.sha256, bytes: file.bytes });
    if (file.contents) kept.set(file.path, file.contents);
  }
  if (manifest) {
    const listed = new Map(manifest.files.map((f) => [f.path, f]));
    if (listed.size !== manifest.files.length) problems.push(`${shownPath(MANIFEST_FILE)}: a path is listed twice`);
    if (manifest.version !== corpusVersionOf(manifest.files)) {
      problems.push(`${shownPath(MANIFEST_FILE)}: the version hash does not match the file list (${FIX})`);
    }
    for (const file of onDisk) {
      const expected = listed.get(file.path);
      if (!expected) {
        problems.push(`${shownPath(file.path)}: not listed in the manifest (an unlisted file; ${FIX})`);
      } else if (expected.sha256 !== file.sha256 || expected.bytes !== file.bytes) {
        problems.push(
          `${shownPath(file.path)}: content changed (sha256 ${file.sha256}, ${file.bytes} bytes; the manifest says ${expected.sha256}, ${expected.bytes} bytes)`,
        );
      }
    }
    for (const path of listed.keys()) {
      if (!entries.has(path)) problems.push(`${shownPath(path)}: listed in the manifest but missing`);
    }
  }
  return { files: new VerifiedFiles(dir, manifest?.version ?? "", entries, kept, parser), problems };
}

/**
 * For corpus data that cites passages (profiles, diagnosis classes, letters): one problem per id that
 * does not resolve, naming the closest known ids. Empty when every id resolves.
 */
export function checkPassageIds(corpus: Corpus, ids: readonly string[]): string[] {
  return ids
    .filter((id) => !corpus.passages.has(id))
    .map((id) => `unknown passage id "${id}" (closest: ${closestIds(id, corpus.passages.keys()).join(", ")})`);
}
