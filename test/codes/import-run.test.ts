import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadCodeData } from "../../src/codes/load-code-data.js";
import { lookupCodes } from "../../src/codes/lookup-codes.js";
import { buildCodeFiles } from "../../tools/import-codes-build.js";
import { UPSTREAM_FILES } from "../../tools/upstream.js";
import { ROOT } from "../support/clients.js";

const FIXTURES = join(ROOT, "test", "fixtures", "codes");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const temps: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "mnm-codes-"));
  temps.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function importFixture(out: string): void {
  execFileSync(
    TSX,
    [
      "tools/import-codes.ts",
      "--icd-order",
      join(FIXTURES, "icd10cm-order-2027.txt"),
      "--icd-chapters",
      join(FIXTURES, "icd10cm-chapters-2027.csv"),
      "--icd-sections",
      join(FIXTURES, "icd10cm-sections-2027.csv"),
      "--icd-notes",
      join(FIXTURES, "tabular-notes-excerpt-2027.json"),
      "--hcpcs",
      join(FIXTURES, "HCPC2021_ANWEB_fixture.txt"),
      "--out",
      out,
    ],
    { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] },
  );
}

function filesOf(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), "utf8")]),
  );
}

describe("importing a newer release (fixture FY2027 order file, HCPCS 2021 file)", () => {
  it("writes the compact files and a manifest naming the new releases, byte-identical on re-run", () => {
    const first = tempDir();
    const second = tempDir();
    importFixture(first);
    importFixture(second);
    expect(filesOf(first)).toEqual(filesOf(second));
    const releases = JSON.parse(readFileSync(join(first, "releases.json"), "utf8")) as Record<
      string,
      Record<string, unknown>
    >;
    expect(releases.icd10cm).toMatchObject({
      label: "ICD-10-CM FY2027",
      fiscalYear: 2027,
      inForceFrom: "2026-10-01",
      inForceTo: "2027-09-30",
      billableCount: 6,
      headerCount: 7,
      source: { file: "icd10cm-order-2027.txt" },
    });
    expect(releases.hcpcs).toMatchObject({
      label: "HCPCS Level II 2021",
      year: 2021,
      fileDate: "2020-11-02",
      procedureCount: 5,
      modifierCount: 2,
    });
    expect(readFileSync(join(first, "icd10cm.tsv"), "utf8")).toContain(
      "M539\t1\tDorsopathy, unspecified (fixture title for the FY2027 test release)\n",
    );
  });

  it("serves the imported release through the same loader and lookup", () => {
    const dir = tempDir();
    importFixture(dir);
    cpSync(join(ROOT, "corpus", "codes", "cpt-plain-language.json"), join(dir, "cpt-plain-language.json"));
    const data = loadCodeData(dir);
    const out = lookupCodes(data, { codes: ["M53.9", "J1111", "C9752", "M47.81"] });
    expect(out.release.icd10cm.label).toBe("ICD-10-CM FY2027");
    const [m539, j1111, c9752, m4781] = out.results;
    expect(m539).toMatchObject({
      found: true,
      release: "ICD-10-CM FY2027",
      description: "Dorsopathy, unspecified (fixture title for the FY2027 test release)",
    });
    expect(j1111).toMatchObject({ found: true, system: "HCPCS", release: "HCPCS Level II 2021" });
    expect(c9752).toMatchObject({ billable: false, terminationDate: "2021-12-31" });
    expect(m4781?.children?.map((c) => c.code)).toEqual(["M47.816", "M47.817"]);
  });

  it("refuses a tampered data file when loading", () => {
    const dir = tempDir();
    importFixture(dir);
    cpSync(join(ROOT, "corpus", "codes", "cpt-plain-language.json"), join(dir, "cpt-plain-language.json"));
    const tsv = join(dir, "icd10cm.tsv");
    writeFileSync(tsv, readFileSync(tsv, "utf8").replace("Sprain", "Strain"));
    expect(() => loadCodeData(dir)).toThrow(/icd10cm.tsv differs from releases.json/);
  });

  it("fails with a message naming the problem, not a stack trace", () => {
    const run = spawnSync(
      TSX,
      ["tools/import-codes.ts", "--icd-order", join(FIXTURES, "missing-2027.txt"), "--out", tempDir()],
      {
        cwd: ROOT,
        encoding: "utf8",
      },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/import-codes: ICD-10-CM order file not found: .*missing-2027.txt/);
    const notes = spawnSync(
      TSX,
      [
        "tools/import-codes.ts",
        "--icd-order",
        join(FIXTURES, "icd10cm-order-2027.txt"),
        "--icd-chapters",
        join(FIXTURES, "icd10cm-chapters-2027.csv"),
        "--icd-sections",
        join(FIXTURES, "icd10cm-sections-2027.csv"),
        "--out",
        tempDir(),
      ],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(notes.status).toBe(2);
    expect(notes.stderr).toMatch(
      /fiscal year 2026 does not match the order file's FY2027; pass a notes file of the same release or --icd-notes none/,
    );
  });
});

describe("the committed corpus/codes data", () => {
  it("is exactly what the importer makes from the CMS/NCHS files in data/upstream, and the importer is deterministic", () => {
    const options = {
      icdOrder: UPSTREAM_FILES.icdOrder,
      icdChapters: UPSTREAM_FILES.icdChapters,
      icdSections: UPSTREAM_FILES.icdSections,
      icdNotes: UPSTREAM_FILES.icdNotes,
      hcpcs: UPSTREAM_FILES.hcpcs,
    };
    const once = buildCodeFiles(options);
    const twice = buildCodeFiles(options);
    expect([...once.keys()].sort()).toEqual([...twice.keys()].sort());
    for (const [name, text] of once) {
      expect(twice.get(name) === text, `${name} differs between two runs`).toBe(true);
      expect(
        readFileSync(join(ROOT, "corpus", "codes", name), "utf8") === text,
        `corpus/codes/${name} is stale`,
      ).toBe(true);
    }
  });
});
