import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { readUpstream, UPSTREAM, UPSTREAM_FILES } from "../../../tools/upstream.js";

interface Row {
  file: string;
  stored: string;
  bytes: number;
  sha256: string;
}

/** The table of data/upstream/PROVENANCE.md: | `file` | stored | bytes | `sha256` |. */
function provenanceRows(): Row[] {
  const text = readFileSync(join(UPSTREAM, "PROVENANCE.md"), "utf8");
  const rows: Row[] = [];
  for (const m of text.matchAll(/^\| `([^`]+)` \| (gzip|as is) \| (\d+) \| `([0-9a-f]{64})` \|$/gm)) {
    rows.push({ file: m[1] ?? "", stored: m[2] ?? "", bytes: Number(m[3]), sha256: m[4] ?? "" });
  }
  return rows;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split("\\").join("/"))
    .filter((f) => f !== "PROVENANCE.md")
    .sort();
}

describe("data/upstream and its provenance file", () => {
  const rows = provenanceRows();

  it("lists every file kept there, and only those, with how it is stored", () => {
    const listed = rows.map((r) => (r.stored === "gzip" ? `${r.file}.gz` : r.file)).sort();
    expect(listed).toEqual(filesUnder(UPSTREAM));
    expect(rows.length).toBeGreaterThanOrEqual(9);
  });

  it("gives the size and sha256 of each file's original (uncompressed) bytes", () => {
    for (const row of rows) {
      const stored = join(UPSTREAM, row.stored === "gzip" ? `${row.file}.gz` : row.file);
      const bytes = readUpstream(stored);
      expect(bytes.length, row.file).toBe(row.bytes);
      expect(createHash("sha256").update(bytes).digest("hex"), row.file).toBe(row.sha256);
    }
  });

  it("holds the files the importers default to, with the hashes corpus/codes/releases.json records", () => {
    const releases = JSON.parse(
      readFileSync(join(UPSTREAM, "..", "..", "corpus", "codes", "releases.json"), "utf8"),
    ) as {
      icd10cm: { source: { file: string; sha256: string } }[];
      hcpcs: { source: { file: string; sha256: string } }[];
    };
    const bySha = new Map(rows.map((r) => [r.sha256, r.file]));
    // Every shipped release's source is kept here, so each can be re-imported.
    for (const release of releases.icd10cm)
      expect(bySha.get(release.source.sha256)).toBe(`icd10cm/${release.source.file}`);
    for (const release of releases.hcpcs)
      expect(bySha.get(release.source.sha256)).toBe(`hcpcs/${release.source.file}`);
    for (const path of Object.values(UPSTREAM_FILES))
      expect(filesUnder(UPSTREAM)).toContain(relative(UPSTREAM, path));
  });
});
