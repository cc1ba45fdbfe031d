import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPassageIds, verifyCorpusFiles } from "../../../src/corpus/integrity.js";
import { ManifestSchema } from "../../../src/corpus/manifest.js";
import type { EvidenceFile } from "../../../src/corpus/schemas.js";
import { SHIPPED_FAMILIES } from "../../../src/families/shipped.js";
import { loadKnowledge } from "../../../src/knowledge/knowledge.js";
import { writeManifest } from "../../../tools/corpus-writer.js";
import { CORPUS_DIR, shippedKnowledge } from "../../support/knowledge.js";
import { corpusCopies } from "../../support/temp-corpus.js";

const corpusCopy = corpusCopies();

/** The file-integrity check alone. */
function checkManifest(dir: string): string[] {
  return verifyCorpusFiles(dir).problems;
}

/** Every start-up check (what npm run verify-corpus and the server run). */
function checkCorpus(dir: string): string[] {
  return loadKnowledge(dir, SHIPPED_FAMILIES).problems;
}

function manifestOf(dir: string) {
  return ManifestSchema.parse(JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")));
}

const BUSSE = "evidence/sources/busse-bmj-2025.json";

function editEvidence(dir: string, relative: string, edit: (file: EvidenceFile) => void): void {
  const path = join(dir, relative);
  const file = JSON.parse(readFileSync(path, "utf8")) as EvidenceFile;
  edit(file);
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
  writeManifest(dir); // only the evidence check should complain
}

describe("corpus integrity", () => {
  it("passes on the shipped corpus (what npm run verify-corpus checks)", () => {
    expect(checkCorpus(CORPUS_DIR)).toEqual([]);
  });

  it("passes on an unaltered copy with a fresh manifest", () => {
    const dir = corpusCopy();
    expect(checkCorpus(dir)).toEqual([]);
  });

  it("names the file when any byte of any listed file changes (property)", () => {
    const dir = corpusCopy();
    const files = manifestOf(dir).files.filter((f) => f.bytes > 0);
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (file, at) => {
        const path = join(dir, ...file.path.split("/"));
        const original = readFileSync(path);
        const changed = Buffer.from(original);
        const offset = Math.floor(at * changed.length);
        changed[offset] = (changed[offset] ?? 0) ^ 0x01;
        writeFileSync(path, changed);
        try {
          const problems = checkManifest(dir);
          expect(problems).toHaveLength(1);
          expect(problems[0]).toContain(`corpus/${file.path}: content changed`);
        } finally {
          writeFileSync(path, original);
        }
      }),
      { numRuns: 40, seed: 7 },
    );
    expect(checkManifest(dir)).toEqual([]);
  });

  it("names an unlisted file, a missing file and a missing manifest", () => {
    const dir = corpusCopy();
    writeFileSync(join(dir, "evidence", "sources", "extra.json"), "{}");
    rmSync(join(dir, "evidence", "sources", "nice-qs155.json"));
    const problems = checkManifest(dir);
    expect(problems).toContain(
      "corpus/evidence/sources/extra.json: not listed in the manifest (an unlisted file; run npm run update-manifest after an intended change)",
    );
    expect(problems).toContain("corpus/evidence/sources/nice-qs155.json: listed in the manifest but missing");
    rmSync(join(dir, "manifest.json"));
    expect(checkManifest(dir)).toEqual([
      "corpus/manifest.json: missing (run npm run update-manifest after an intended change)",
    ]);
  });

  it("rejects a manifest whose version does not match its file list", () => {
    const dir = corpusCopy();
    const manifest = manifestOf(dir);
    writeFileSync(join(dir, "manifest.json"), JSON.stringify({ ...manifest, version: "0".repeat(64) }));
    expect(checkManifest(dir)).toEqual([
      "corpus/manifest.json: the version hash does not match the file list (run npm run update-manifest after an intended change)",
    ]);
  });

  it("lists every evidence problem: empty quote, duplicate id, unresolved source, bad JSON", () => {
    const dir = corpusCopy();
    editEvidence(dir, BUSSE, (f) => {
      const [first, second] = f.passages;
      if (!first || !second) throw new Error("busse has passages");
      first.text = "  ";
      second.id = "busse-bmj-2025#scope";
    });
    editEvidence(dir, "evidence/sources/nice-ng59.json", (f) => {
      const [first] = f.passages;
      if (first) first.sourceId = "nice-ng95";
    });
    writeFileSync(join(dir, "evidence", "sources", "who-2023-cplbp.json"), "{ not json");
    writeManifest(dir);
    const problems = checkCorpus(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        "corpus/evidence/sources/busse-bmj-2025.json: passages.0.text: a passage text must not be empty",
        expect.stringMatching(/^corpus\/evidence\/sources\/nice-ng59\.json: passages\.0 \(nice-ng59#1\.1\.1\): sourceId "nice-ng95" does not resolve/),
        expect.stringMatching(/^corpus\/evidence\/sources\/who-2023-cplbp\.json: not valid JSON/),
      ]),
    );
    // The duplicate is reported once the empty quote is fixed (a file that fails its schema is not cross-checked).
    editEvidence(dir, BUSSE, (f) => {
      const [first] = f.passages;
      if (first) first.text = "restored";
    });
    const again = checkCorpus(dir);
    expect(again).toContainEqual(
      expect.stringMatching(/^corpus\/evidence\/sources\/busse-bmj-2025\.json: passages\.3 \(busse-bmj-2025#scope\): duplicate passage id/),
    );
  });

  it("rejects a source whose file name does not match its id, and a duplicate source", () => {
    const dir = corpusCopy();
    writeFileSync(join(dir, "evidence", "sources", "copy-of-busse.json"), readFileSync(join(dir, BUSSE)));
    writeManifest(dir);
    const problems = checkCorpus(dir);
    expect(problems).toContain(
      'corpus/evidence/sources/copy-of-busse.json: holds source "busse-bmj-2025"; the file must be named busse-bmj-2025.json',
    );
    expect(problems).toContainEqual(expect.stringContaining('duplicate source id "busse-bmj-2025"'));
  });
});

describe("checkPassageIds", () => {
  it("returns nothing when every id resolves and names the closest ids otherwise", () => {
    expect(checkPassageIds(shippedKnowledge().corpus, ["busse-bmj-2025#rec-joint-rfa", "nice-ng59#1.1.1"])).toEqual([]);
    expect(checkPassageIds(shippedKnowledge().corpus, ["busse-bmj-2025#rec-joint-rfa", "acr-saa-spartan-2019#local-gc"])).toEqual([
      'unknown passage id "acr-saa-spartan-2019#local-gc" (closest: acr-saa-spartan-2019#local-gc-sacroiliitis, acr-saa-spartan-2019#nsaids, acr-saa-spartan-2019#systemic-gc)',
    ]);
  });
});
