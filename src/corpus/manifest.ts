import { z } from "zod";
import { sha256Hex } from "./corpus-hashes.js";

export { hashCorpusFiles, listCorpusFiles, sha256Hex } from "./corpus-hashes.js";
export type { HashedFile } from "./corpus-hashes.js";

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, "expected 64 lower-case hex digits");

/**
 * corpus/manifest.json: the sha256 of every file under corpus/ (except itself), sorted by path,
 * and the corpus version = sha256 of the lines "<sha256>  <path>\n" in that order (the format
 * `sha256sum` prints, so `cd corpus && sha256sum -c` style checks are possible).
 */
export const ManifestSchema = z.strictObject({
  algorithm: z.literal("sha256"),
  version: Sha256Schema,
  files: z.array(z.strictObject({ path: z.string().min(1), sha256: Sha256Schema, bytes: z.number().int().min(0) })),
});
export type Manifest = z.infer<typeof ManifestSchema>;
export type ManifestEntry = Manifest["files"][number];

function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

export function corpusVersionOf(entries: readonly ManifestEntry[]): string {
  const lines = [...entries]
    .sort(byPath)
    .map((e) => `${e.sha256}  ${e.path}\n`)
    .join("");
  return sha256Hex(lines);
}

export function buildManifest(files: readonly ManifestEntry[]): Manifest {
  const entries = [...files].sort(byPath).map((f) => ({ path: f.path, sha256: f.sha256, bytes: f.bytes }));
  return { algorithm: "sha256", version: corpusVersionOf(entries), files: entries };
}

/** The manifest's bytes as written to disk: two-space JSON, trailing newline. */
export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
