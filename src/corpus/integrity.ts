import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { corpusDir } from "../util/package-root.js";
import { closestIds } from "./closest-ids.js";
import { rememberVerifiedBytes } from "./corpus-files.js";
import { corpusVersionOf, hashCorpusFiles, ManifestSchema } from "./manifest.js";
import type { Manifest } from "./manifest.js";
import { MANIFEST_FILE, shownPath } from "./paths.js";
import { CorpusLoadError, getCorpus } from "./store.js";

const FIX = "run npm run update-manifest after an intended change";

function readManifest(dir: string, problems: string[]): Manifest | undefined {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) {
    problems.push(`${shownPath(MANIFEST_FILE)}: missing (${FIX})`);
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    problems.push(`${shownPath(MANIFEST_FILE)}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    return undefined;
  }
  const parsed = ManifestSchema.safeParse(json, { jitless: true });
  if (!parsed.success) {
    for (const i of parsed.error.issues) problems.push(`${shownPath(MANIFEST_FILE)}: ${i.path.join(".")}: ${i.message}`);
    return undefined;
  }
  return parsed.data;
}

// Files the start-up checks parse next (evidence, policies, letter data, the code-set manifests):
// their verified bytes are handed on, so each is read from disk once and parsed as hashed.
const READ_AT_START = ["evidence/sources/", "policies/", "letters/", "codes/releases.json", "codes/cpt-plain-language.json"];

/**
 * Every file under the corpus folder must be listed in manifest.json with its sha256 and nothing
 * listed may be missing. Each file is read once; the bytes of files parsed at start are handed on.
 */
export function checkManifest(dir: string = corpusDir()): string[] {
  const problems: string[] = [];
  const manifest = readManifest(dir, problems);
  if (!manifest) return problems;
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  if (listed.size !== manifest.files.length) problems.push(`${shownPath(MANIFEST_FILE)}: a path is listed twice`);
  if (manifest.version !== corpusVersionOf(manifest.files)) {
    problems.push(`${shownPath(MANIFEST_FILE)}: the version hash does not match the file list (${FIX})`);
  }
  const onDisk = new Set<string>();
  const readAtStart = (path: string): boolean => READ_AT_START.some((prefix) => path.startsWith(prefix));
  for (const file of hashCorpusFiles(dir, readAtStart)) {
    onDisk.add(file.path);
    const expected = listed.get(file.path);
    if (!expected) {
      problems.push(`${shownPath(file.path)}: not listed in the manifest (an unlisted file; ${FIX})`);
    } else if (expected.sha256 !== file.sha256 || expected.bytes !== file.bytes) {
      problems.push(
        `${shownPath(file.path)}: content changed (sha256 ${file.sha256}, ${file.bytes} bytes; the manifest says ${expected.sha256}, ${expected.bytes} bytes)`,
      );
    } else if (file.contents) {
      rememberVerifiedBytes(file.path, file.contents, dir);
    }
  }
  for (const path of listed.keys()) {
    if (!onDisk.has(path)) problems.push(`${shownPath(path)}: listed in the manifest but missing`);
  }
  return problems;
}

/** Schema, empty-quote, duplicate-id and reference checks of the evidence (see load-evidence.ts). */
export function checkEvidence(): string[] {
  try {
    getCorpus();
    return [];
  } catch (error) {
    if (error instanceof CorpusLoadError) return error.problems;
    return [`evidence corpus: ${error instanceof Error ? error.message : String(error)}`];
  }
}

/** The start-up check: file integrity first, then the evidence itself. */
export function checkCorpusIntegrity(): string[] {
  return [...checkManifest(), ...checkEvidence()];
}

/**
 * For other corpus data (policies, letters) that cites passages: one problem per id that does not
 * resolve, naming the closest known ids. Empty when every id resolves.
 */
export function checkPassageIds(ids: readonly string[]): string[] {
  let known: ReadonlyMap<string, unknown>;
  try {
    known = getCorpus().passages;
  } catch (error) {
    return [`cannot check passage ids: ${error instanceof Error ? error.message : String(error)}`];
  }
  return ids
    .filter((id) => !known.has(id))
    .map((id) => `unknown passage id "${id}" (closest: ${closestIds(id, known.keys()).join(", ")})`);
}
