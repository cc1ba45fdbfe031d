import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkCodeFiles } from "../../../src/codes/codes-startup-check.js";
import { verifyCorpusFiles } from "../../../src/corpus/integrity.js";
import { hashCorpusFiles, sha256Hex } from "../../../src/corpus/manifest.js";
import type { VerifiedFiles } from "../../../src/corpus/verified-files.js";
import { loadFamily } from "../../../src/families/load-family.js";
import { siJointFamily } from "../../../src/families/si-joint/input.js";
import { loadLetterData } from "../../../src/letters/letter-data.js";
import { corpusCopies } from "../../support/temp-corpus.js";

const corpusCopy = corpusCopies();

// The loaders parse the bytes the integrity check hashed, not a second read of the disk: a file
// replaced after the check cannot slip past it.
const PARSED_AT_START: [string, (files: VerifiedFiles) => string[]][] = [
  ["families/si-joint/family.json", (files) => loadFamily(files, siJointFamily).problems],
  ["letters/regimes.json", (files) => loadLetterData(files).problems],
  ["codes/releases.json", checkCodeFiles],
];

describe("start-up checks read each corpus file once", () => {
  it.each(PARSED_AT_START)("%s is parsed as hashed, not read again", (file, check) => {
    const dir = corpusCopy();
    const { files, problems } = verifyCorpusFiles(dir);
    expect(problems).toEqual([]);
    writeFileSync(join(dir, ...file.split("/")), "{ replaced after the integrity check");
    expect(check(files)).toEqual([]);
  });

  it.each(PARSED_AT_START)("%s is reported when it is broken on disk at start", (file, check) => {
    const dir = corpusCopy();
    writeFileSync(join(dir, ...file.split("/")), "{ not json");
    const { files, problems } = verifyCorpusFiles(dir);
    expect(problems.join("\n")).toContain(`corpus/${file}: content changed`);
    expect(check(files).join("\n")).toContain(`corpus/${file}`);
  });

  it("refuses a code table changed after the start, when it is first loaded", () => {
    const dir = corpusCopy();
    const { files, problems } = verifyCorpusFiles(dir);
    expect(problems).toEqual([]);
    appendFileSync(join(dir, "codes", "hcpcs-2020.tsv"), "X");
    expect(() => files.bytes("codes/hcpcs-2020.tsv")).toThrow(
      "corpus/codes/hcpcs-2020.tsv: changed since the server started (its sha256 no longer matches the manifest)",
    );
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
