import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { EvidenceFileSchema } from "../../../src/corpus/schemas.js";
import { buildCorpus, evidenceFromSourceFile } from "../../../tools/build-corpus.js";
import { serializeEvidenceFile } from "../../../tools/corpus-writer.js";
import { UPSTREAM_FILES } from "../../../tools/upstream.js";
import { ROOT } from "../../support/clients.js";
import { copyCorpus } from "../../support/temp-corpus.js";

const SOURCE_FILE = UPSTREAM_FILES.evidence;
const EVIDENCE = join(ROOT, "corpus", "evidence", "sources");

const copies: (() => void)[] = [];
afterEach(() => {
  for (const remove of copies.splice(0)) remove();
});

function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (relative: string): void => {
    for (const entry of readdirSync(join(dir, relative), { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else files.set(path, readFileSync(join(dir, path), "utf8"));
    }
  };
  walk("");
  return files;
}

describe("build-corpus", () => {
  const built = evidenceFromSourceFile(readFileSync(SOURCE_FILE), "evidence-sources.json");

  it("keeps every source and passage id and matches the committed evidence files byte for byte", () => {
    expect(built).toHaveLength(21);
    expect(built.reduce((n, f) => n + f.passages.length, 0)).toBe(64);
    for (const file of built) {
      const committed = readFileSync(join(EVIDENCE, `${file.source.id}.json`), "utf8");
      expect(serializeEvidenceFile(file), file.source.id).toBe(committed);
    }
  });

  it("maps the source file's type 'consensus' to the corpus vocabulary and records a method for every source", () => {
    const types = new Map(built.map((f) => [f.source.id, f.source.type]));
    expect(types.get("mccormick-rapm-2025-sijcp")).toBe("consensus-statement");
    expect(types.get("aapm-lcd-alert-2023")).toBe("position-statement");
    expect(types.get("society-responses-bmj-2025")).toBe("position-statement");
    const methods = new Map(built.map((f) => [f.source.id, f.source.method]));
    expect(methods.get("busse-bmj-2025")).toBe("GRADE");
    expect(methods.get("mccormick-rapm-2025-sijcp")).toBe("modified Delphi");
    expect(methods.get("wang-bmj-2025-nma")).toMatch(/^network meta-analysis/);
    expect(methods.get("olivier-pmr-2023")).toMatch(/^systematic review of clinical practice guidelines/);
    expect(methods.get("cms-lcd-sij-2023")).toBe("coverage policy (LCD)");
    for (const f of built) expect(f.source.method, f.source.id).toBeTruthy();
  });

  it("keeps every UNVERIFIED and unconfirmed marker of the source file visible, verbatim", () => {
    const marked: string[] = [];
    JSON.parse(readFileSync(SOURCE_FILE, "utf8"), (_key, value: unknown) => {
      if (typeof value === "string" && /UNVERIFIED|unconfirmed/.test(value)) marked.push(value);
      return value;
    });
    expect(marked.length).toBeGreaterThan(5);
    const corpus = built.map((f) => serializeEvidenceFile(f)).join("");
    for (const text of marked) expect(corpus, text).toContain(JSON.stringify(text));
  });

  it("writes byte-identical files when run twice, removes stale built files and keeps ingested ones", () => {
    const copy = copyCorpus();
    copies.push(copy.remove);
    const stale = EvidenceFileSchema.parse(
      JSON.parse(readFileSync(join(EVIDENCE, "nice-qs155.json"), "utf8")),
    );
    const ingested = {
      ...stale,
      origin: { kind: "ingested-pdf" as const, file: "x.pdf", sha256: "0".repeat(64), pages: 1 },
    };
    writeFileSync(
      join(copy.dir, "evidence", "sources", "old-source.json"),
      JSON.stringify({ ...stale, source: { ...stale.source, id: "old-source" } }),
    );
    writeFileSync(join(copy.dir, "evidence", "sources", "plan-pdf.json"), JSON.stringify(ingested));
    buildCorpus(SOURCE_FILE, copy.dir);
    const first = snapshot(copy.dir);
    expect(first.has("evidence/sources/old-source.json")).toBe(false);
    expect(first.has("evidence/sources/plan-pdf.json")).toBe(true);
    const again = buildCorpus(SOURCE_FILE, copy.dir);
    expect(snapshot(copy.dir)).toEqual(first);
    expect(again.version).toMatch(/^[0-9a-f]{64}$/);
  });
});
