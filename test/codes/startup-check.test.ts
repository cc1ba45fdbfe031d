import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkCodeFiles } from "../../src/codes/codes-startup-check.js";
import { ROOT } from "../support/clients.js";

const saved = process.env.MNM_CORPUS_DIR;
let dir = "";

function corpusCopy(): string {
  dir = mkdtempSync(join(tmpdir(), "mnm-corpus-"));
  cpSync(join(ROOT, "corpus", "codes"), join(dir, "codes"), { recursive: true });
  process.env.MNM_CORPUS_DIR = dir;
  return join(dir, "codes");
}

afterEach(() => {
  if (saved === undefined) delete process.env.MNM_CORPUS_DIR;
  else process.env.MNM_CORPUS_DIR = saved;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("start-up check of corpus/codes", () => {
  it("passes on the shipped data", () => {
    corpusCopy();
    expect(checkCodeFiles()).toEqual([]);
  });

  it("names a truncated data file, a broken manifest and invalid CPT summaries", () => {
    const codes = corpusCopy();
    appendFileSync(join(codes, "hcpcs.tsv"), "X");
    expect(checkCodeFiles()).toEqual(["corpus/codes/hcpcs.tsv: size differs from releases.json"]);
    writeFileSync(join(codes, "cpt-plain-language.json"), "{}");
    writeFileSync(join(codes, "releases.json"), "{");
    const problems = checkCodeFiles();
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^corpus\/codes\/cpt-plain-language.json: /);
    expect(problems[1]).toMatch(/^corpus\/codes\/releases.json: /);
  });
});
