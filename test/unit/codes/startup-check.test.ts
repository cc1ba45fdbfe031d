import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkCodeFiles as check } from "../../../src/codes/codes-startup-check.js";
import { verifyCorpusFiles } from "../../../src/corpus/integrity.js";
import { ROOT } from "../../support/clients.js";

let dir = "";

function corpusCopy(): string {
  dir = mkdtempSync(join(tmpdir(), "mnm-corpus-"));
  cpSync(join(ROOT, "corpus", "codes"), join(dir, "codes"), { recursive: true });
  return join(dir, "codes");
}

/** The check on the files as found on disk (the copy has no manifest: only the code files are read). */
function checkCodeFiles(): string[] {
  return check(verifyCorpusFiles(dir).files);
}

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("start-up check of corpus/codes", () => {
  it("passes on the shipped data", () => {
    corpusCopy();
    expect(checkCodeFiles()).toEqual([]);
  });

  it("names a truncated data file, a broken manifest, invalid CPT summaries and invalid HCPCS updates", () => {
    const codes = corpusCopy();
    appendFileSync(join(codes, "hcpcs-2020.tsv"), "X");
    expect(checkCodeFiles()).toEqual([
      "corpus/codes/hcpcs-2020.tsv: size or sha256 differs from releases.json",
    ]);
    writeFileSync(join(codes, "cpt-plain-language.json"), "{}");
    writeFileSync(join(codes, "releases.json"), "{");
    const updates = join(codes, "hcpcs-updates.json");
    writeFileSync(
      updates,
      readFileSync(updates, "utf8").replace('"stance": "supports"', '"stance": "agrees"'),
    );
    const problems = checkCodeFiles();
    // One line per problem, each naming its file, in the order the files are checked.
    const files = problems.map((p) => p.slice(0, p.indexOf(": ")));
    expect([...new Set(files)]).toEqual([
      "corpus/codes/cpt-plain-language.json",
      "corpus/codes/hcpcs-updates.json",
      "corpus/codes/releases.json",
    ]);
    expect(problems.filter((p) => p.startsWith("corpus/codes/hcpcs-updates.json"))).toEqual([
      expect.stringMatching(/^corpus\/codes\/hcpcs-updates.json: entries.0.sources.0.stance: /),
    ]);
    expect(problems.filter((p) => p.startsWith("corpus/codes/releases.json"))).toEqual([
      expect.stringMatching(/^corpus\/codes\/releases.json: not valid JSON \(/),
    ]);
  });
});
