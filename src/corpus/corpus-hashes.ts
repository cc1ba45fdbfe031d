import { createHash, subtle } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { MANIFEST_FILE } from "./paths.js";

// No zod here: the server entry starts hashing with this module before it loads the rest.

/** One corpus file as read once: its path, sha256, size and the bytes that were hashed. */
export interface HashedFile {
  path: string;
  sha256: string;
  bytes: number;
  contents: Buffer;
}

export function sha256Hex(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Every file path under `dir` ("/"-separated, relative), sorted, except the manifest itself. */
export function listCorpusFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (relative: string): void => {
    const entries = readdirSync(relative ? join(dir, relative) : dir, { withFileTypes: true });
    for (const entry of entries) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (path !== MANIFEST_FILE) found.push(path);
    }
  };
  walk("");
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function pathIn(dir: string, path: string): string {
  return join(dir, ...path.split("/"));
}

/** Read and hash every corpus file once. */
export function hashCorpusFiles(dir: string): HashedFile[] {
  return listCorpusFiles(dir).map((path) => {
    const contents = readFileSync(pathIn(dir, path));
    return { path, sha256: sha256Hex(contents), bytes: contents.length, contents };
  });
}

/**
 * hashCorpusFiles with the reading and hashing done on libuv's thread pool, so the main thread can
 * load modules meanwhile. Same result, in the same order.
 */
export async function hashCorpusFilesInBackground(dir: string): Promise<HashedFile[]> {
  return Promise.all(
    listCorpusFiles(dir).map(async (path) => {
      const contents = await readFile(pathIn(dir, path));
      const digest = await subtle.digest("SHA-256", contents);
      return { path, sha256: Buffer.from(digest).toString("hex"), bytes: contents.length, contents };
    }),
  );
}
