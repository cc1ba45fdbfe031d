import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { z } from "zod";
import type { CheckedJson } from "./checked-json.js";
import type { ManifestEntry } from "./manifest.js";
import { sha256Hex } from "./manifest.js";
import { DataParser } from "./parsed-ahead.js";
import { shownPath } from "./paths.js";

/**
 * The corpus files as the start-up integrity check found them: every path the manifest lists, with
 * its verified hash, and the bytes of the files read at start. Loaders read through this value only,
 * so nothing reaches the server that was not checked against the manifest.
 */
export class VerifiedFiles {
  constructor(
    /** The corpus folder (absolute). */
    readonly dir: string,
    /** The corpus version from the manifest. */
    readonly version: string,
    private readonly entries: ReadonlyMap<string, ManifestEntry>,
    private readonly kept: ReadonlyMap<string, Buffer>,
    private readonly parser: DataParser = new DataParser(),
  ) {}

  /**
   * A corpus JSON file read and checked against its schema: zod's result, or zod's output for the
   * same bytes computed by the build (parsed-ahead.ts). jsonProblems words a failure.
   */
  json<S extends z.ZodType>(path: string, schema: S): CheckedJson<z.output<S>> {
    return this.parser.parse(path, this.entries.get(path)?.sha256, () => this.text(path), schema);
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  /** Verified paths under a folder ("families/si-joint/"), sorted. */
  list(prefix: string): string[] {
    return [...this.entries.keys()].filter((p) => p.startsWith(prefix)).sort();
  }

  entry(path: string): ManifestEntry | undefined {
    return this.entries.get(path);
  }

  /**
   * A file's verified bytes: those hashed at start, or (for a large file hashed without being kept)
   * the file read now and refused unless it still has the hash the start verified.
   */
  bytes(path: string): Buffer {
    const kept = this.kept.get(path);
    if (kept) return kept;
    const entry = this.entries.get(path);
    if (!entry) throw new Error(`${shownPath(path)}: not a verified corpus file`);
    const bytes = readFileSync(join(this.dir, ...path.split("/")));
    if (bytes.length !== entry.bytes || sha256Hex(bytes) !== entry.sha256) {
      throw new Error(`${shownPath(path)}: changed since the server started (its sha256 no longer matches the manifest)`);
    }
    return bytes;
  }

  text(path: string): string {
    return this.bytes(path).toString("utf8");
  }
}
