import { readFileSync } from "node:fs";
import { join } from "node:path";
import { corpusDir } from "../util/package-root.js";

// Bytes the integrity check has already hashed, keyed by absolute path: a loader that reads
// through readCorpusFile gets exactly the verified bytes and the disk is read once.
const verified = new Map<string, Buffer>();

function absolute(relativePath: string, dir: string): string {
  return join(dir, ...relativePath.split("/"));
}

/** Remember a file's verified bytes until its loader takes them. */
export function rememberVerifiedBytes(relativePath: string, bytes: Buffer, dir: string = corpusDir()): void {
  verified.set(absolute(relativePath, dir), bytes);
}

/** Read a corpus file (path relative to the corpus folder, "/"-separated). */
export function readCorpusFile(relativePath: string, dir: string = corpusDir()): Buffer {
  const path = absolute(relativePath, dir);
  const bytes = verified.get(path);
  if (bytes) {
    verified.delete(path);
    return bytes;
  }
  return readFileSync(path);
}

export function readCorpusText(relativePath: string, dir: string = corpusDir()): string {
  return readCorpusFile(relativePath, dir).toString("utf8");
}
