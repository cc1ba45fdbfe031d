import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadCodeData, loadCodeSets } from "../../../src/codes/load-code-data.js";
import { lookupCodes } from "../../../src/codes/lookup-codes.js";
import { buildCodeFiles } from "../../../tools/import-codes-build.js";
import { UPSTREAM_FILES } from "../../../tools/upstream.js";
import { ROOT } from "../../support/clients.js";

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

/** The FY2027 fixture release's ICD-10-CM files, without its notes. */
const FY2027_TABLES = [
  "--icd-order",
  join(FIXTURES, "icd10cm-order-2027.txt"),
  "--icd-chapters",
  join(FIXTURES, "icd10cm-chapters-2027.csv"),
  "--icd-sections",
  join(FIXTURES, "icd10cm-sections-2027.csv"),
];
const FY2027_ARGS = [...FY2027_TABLES, "--icd-notes", join(FIXTURES, "tabular-notes-excerpt-2027.json")];

function runImport(args: string[]) {
  return spawnSync(TSX, ["tools/import-codes.ts", ...args], { cwd: ROOT, encoding: "utf8" });
}

function importFixture(out: string): void {
  execFileSync(
    TSX,
    [
      "tools/import-codes.ts",
      ...FY2027_ARGS,
      "--hcpcs",
      join(FIXTURES, "HCPC2021_ANWEB_fixture.txt"),
      "--out",
      out,
    ],
    { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] },
  );
}

/** The files the importer leaves alone (written by hand), copied from the shipped corpus. */
function copyHandWritten(dir: string): void {
  for (const file of ["cpt-plain-language.json", "hcpcs-updates.json"])
    cpSync(join(ROOT, "corpus", "codes", file), join(dir, file));
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
      Record<string, unknown>[]
    >;
    expect(releases.icd10cm).toEqual([
      expect.objectContaining({
        label: "ICD-10-CM FY2027",
        fiscalYear: 2027,
        inForceFrom: "2026-10-01",
        inForceTo: "2027-09-30",
        billableCount: 7,
        headerCount: 7,
        source: expect.objectContaining({ file: "icd10cm-order-2027.txt" }) as unknown,
        codes: expect.objectContaining({ file: "icd10cm-fy2027.tsv" }) as unknown,
      }),
    ]);
    expect(releases.hcpcs).toEqual([
      expect.objectContaining({
        label: "HCPCS Level II 2021",
        year: 2021,
        inForceFrom: "2021-01-01",
        inForceTo: "2021-12-31",
        fileDate: "2020-11-02",
        procedureCount: 5,
        modifierCount: 2,
        codes: expect.objectContaining({ file: "hcpcs-2021.tsv" }) as unknown,
      }),
    ]);
    expect(readFileSync(join(first, "icd10cm-fy2027.tsv"), "utf8")).toContain(
      "M539\t1\tDorsopathy, unspecified (fixture title for the FY2027 test release)\n",
    );
  });

  it("serves the imported release through the same loader and lookup", () => {
    const dir = tempDir();
    importFixture(dir);
    copyHandWritten(dir);
    const out = lookupCodes(loadCodeSets(dir), { codes: ["M53.9", "J1111", "C9752", "M47.81"] });
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
    copyHandWritten(dir);
    const tsv = join(dir, "icd10cm-fy2027.tsv");
    writeFileSync(tsv, readFileSync(tsv, "utf8").replace("Sprain", "Strain"));
    expect(() => loadCodeData(dir)).toThrow(/icd10cm-fy2027.tsv differs from releases.json/);
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
    const notes = runImport([...FY2027_TABLES, "--out", tempDir()]);
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

/** A copy of the shipped corpus/codes folder. */
function shippedCodesCopy(): string {
  const dir = join(tempDir(), "codes");
  cpSync(join(ROOT, "corpus", "codes"), dir, { recursive: true });
  return dir;
}

describe("adding a release beside the shipped ones (--add)", () => {
  it("adds the fixture FY2027 release next to FY2026, leaving every shipped file byte-identical", () => {
    const dir = shippedCodesCopy();
    const before = filesOf(dir);
    const run = runImport(["--add", ...FY2027_ARGS, "--out", dir]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain("added ICD-10-CM FY2027");
    const after = filesOf(dir);
    for (const [name, text] of Object.entries(before)) {
      if (name !== "releases.json") expect(after[name] === text, `${name} changed`).toBe(true);
    }
    expect(Object.keys(after).filter((f) => !(f in before))).toEqual([
      "icd10cm-fy2027-blocks.tsv",
      "icd10cm-fy2027-chapters.tsv",
      "icd10cm-fy2027-notes.json",
      "icd10cm-fy2027.tsv",
    ]);
    const shipped = JSON.parse(before["releases.json"] ?? "") as { icd10cm: unknown[]; hcpcs: unknown[] };
    const releases = JSON.parse(after["releases.json"] ?? "") as typeof shipped;
    expect(releases.icd10cm[0]).toEqual(shipped.icd10cm[0]);
    expect(releases.icd10cm[1]).toMatchObject({ label: "ICD-10-CM FY2027", inForceFrom: "2026-10-01" });
    expect(releases.hcpcs).toEqual(shipped.hcpcs);

    const codes = loadCodeSets(dir);
    expect(codes.forDate("2026-11-02").data.releases.icd10cm.label).toBe("ICD-10-CM FY2027");
    expect(codes.forDate("2026-09-30").data.releases.icd10cm.label).toBe("ICD-10-CM FY2026");

    // Adding it again changes nothing; so does adding the shipped FY2026 release from data/upstream.
    const again = runImport(["--add", ...FY2027_ARGS, "--out", dir]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toContain("ICD-10-CM FY2027 is already shipped with exactly these files: unchanged");
    const shippedAgain = runImport([
      "--add",
      "--icd-order",
      UPSTREAM_FILES.icdOrder,
      "--icd-chapters",
      UPSTREAM_FILES.icdChapters,
      "--icd-sections",
      UPSTREAM_FILES.icdSections,
      "--icd-notes",
      UPSTREAM_FILES.icdNotes,
      "--hcpcs",
      UPSTREAM_FILES.hcpcs,
      "--out",
      dir,
    ]);
    expect(shippedAgain.status, shippedAgain.stderr).toBe(0);
    expect(shippedAgain.stderr).toContain(
      "ICD-10-CM FY2026 is already shipped with exactly these files: unchanged",
    );
    expect(shippedAgain.stderr).toContain(
      "HCPCS Level II 2020 is already shipped with exactly these files: unchanged",
    );
    expect(filesOf(dir)).toEqual(after);
  });

  it("never replaces or drops a shipped release, and names what to do instead", () => {
    const dir = shippedCodesCopy();
    const before = filesOf(dir);
    // The fixture order file imported as FY2026: a different FY2026 from the shipped one.
    const replace = runImport([
      "--add",
      ...FY2027_ARGS.slice(0, -1),
      "none",
      "--icd-fy",
      "2026",
      "--out",
      dir,
    ]);
    expect(replace.status).toBe(2);
    expect(replace.stderr).toMatch(
      /ICD-10-CM FY2026 is already shipped and these files differ from it .*a shipped release is never replaced/,
    );
    const partial = runImport([
      "--add",
      "--icd-order",
      join(FIXTURES, "icd10cm-order-2027.txt"),
      "--out",
      dir,
    ]);
    expect(partial.status).toBe(2);
    expect(partial.stderr).toContain(
      "--add --icd-order: also pass --icd-chapters, --icd-sections, --icd-notes of the same release",
    );
    const nothing = runImport(["--add", "--out", dir]);
    expect(nothing.status).toBe(2);
    expect(nothing.stderr).toContain("--add: pass --icd-order and/or --hcpcs");
    expect(filesOf(dir)).toEqual(before);

    expect(runImport(["--add", ...FY2027_ARGS, "--out", dir]).status).toBe(0);
    const fresh = runImport(["--out", dir]);
    expect(fresh.status).toBe(2);
    expect(fresh.stderr).toContain(
      "ships ICD-10-CM FY2027, which this import would remove: pass --add to import beside the shipped releases",
    );
  });

  it("adds an HCPCS file beside the shipped one, chosen by the year of the date of service", () => {
    const dir = shippedCodesCopy();
    const run = runImport(["--add", "--hcpcs", join(FIXTURES, "HCPC2021_ANWEB_fixture.txt"), "--out", dir]);
    expect(run.status, run.stderr).toBe(0);
    const codes = loadCodeSets(dir);
    expect(codes.releases.hcpcs.map((r) => r.label)).toEqual(["HCPCS Level II 2020", "HCPCS Level II 2021"]);
    expect(codes.forDate("2020-06-30").dating.hcpcs).toMatchObject({
      label: "HCPCS Level II 2020",
      fit: "in-force",
    });
    expect(codes.forDate("2021-03-01").dating.hcpcs).toMatchObject({
      label: "HCPCS Level II 2021",
      fit: "in-force",
    });
    expect(codes.forDate("2026-03-01").dating.hcpcs).toMatchObject({
      label: "HCPCS Level II 2021",
      fit: "outside",
      side: "after",
    });
    const j1111 = lookupCodes(codes, { codes: ["J1111"], dateOfService: "2020-06-30" }).results[0];
    expect(j1111).toMatchObject({ found: false, release: "HCPCS Level II 2020" });
    const later = lookupCodes(codes, { codes: ["J1111"], dateOfService: "2021-06-30" });
    expect(later.results[0]).toMatchObject({ found: true, release: "HCPCS Level II 2021" });
    expect(later.release.hcpcs.otherShipped).toEqual([
      { label: "HCPCS Level II 2020", inForceFrom: "2020-01-01", inForceTo: "2020-12-31" },
    ]);
  });
});
