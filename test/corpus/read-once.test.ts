import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkCodeFiles } from "../../src/codes/codes-startup-check.js";
import { checkManifest } from "../../src/corpus/integrity.js";
import { hashCorpusFiles, sha256Hex } from "../../src/corpus/manifest.js";
import { checkLetterData } from "../../src/letters/letter-data.js";
import { checkPolicies } from "../../src/policy/policy-check.js";
import { corpusCopies, withCorpusDir } from "./support/temp-corpus.js";

const corpusCopy = corpusCopies();

// The data checks after checkManifest parse the bytes it hashed, not a second read of the disk: a
// file replaced in between cannot slip past the integrity check.
const PARSED_AT_START = [
  ["policies/services.json", checkPolicies],
  ["letters/regimes.json", checkLetterData],
  ["codes/releases.json", checkCodeFiles],
] as const;

describe("start-up checks read each corpus file once", () => {
  it.each(PARSED_AT_START)("%s is parsed as hashed, not read again", (file, check) => {
    const dir = corpusCopy();
    withCorpusDir(dir, () => {
      expect(checkManifest(dir)).toEqual([]);
      writeFileSync(join(dir, ...file.split("/")), "{ replaced after the integrity check");
      expect(check()).toEqual([]);
    });
  });

  it.each(PARSED_AT_START)("%s is read from disk when the integrity check did not hand it on", (file, check) => {
    const dir = corpusCopy();
    withCorpusDir(dir, () => {
      writeFileSync(join(dir, ...file.split("/")), "{ not json");
      expect(check().join("\n")).toContain(`corpus/${file}`);
    });
  });

  it("hashes the files it does not keep exactly as a whole read does (files larger than its buffer, empty files)", () => {
    const dir = corpusCopy();
    const kept = hashCorpusFiles(dir);
    const streamed = hashCorpusFiles(dir, () => false);
    expect(streamed.map(({ path, sha256, bytes }) => ({ path, sha256, bytes }))).toEqual(
      kept.map(({ path, sha256, bytes }) => ({ path, sha256, bytes })),
    );
    expect(streamed.every((f) => f.contents === undefined)).toBe(true);
    expect(kept.some((f) => f.bytes > 1 << 20)).toBe(true);
    expect(kept.some((f) => f.bytes === 0)).toBe(true);
    for (const f of kept) {
      expect(f.sha256).toBe(sha256Hex(readFileSync(join(dir, ...f.path.split("/")))));
    }
  });
});
