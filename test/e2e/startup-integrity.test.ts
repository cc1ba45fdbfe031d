import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CiteGuidelineOutput } from "../../src/corpus/cite-guideline-schema.js";
import { BUILT_SERVER, connectStdio, ROOT } from "../support/clients.js";
import { corpusCopies } from "../support/temp-corpus.js";

const corpusCopy = corpusCopies();

function flipByte(dir: string, relative: string, offset: number): void {
  const path = join(dir, ...relative.split("/"));
  const bytes = readFileSync(path);
  bytes[offset] = (bytes[offset] ?? 0) ^ 0x01;
  writeFileSync(path, bytes);
}

function runServer(corpus: string) {
  return spawnSync(process.execPath, [BUILT_SERVER], {
    encoding: "utf8",
    env: { ...process.env, MNM_CORPUS_DIR: corpus },
    input: "",
    timeout: 20_000,
  });
}

function runVerifyCorpus(corpus: string) {
  return spawnSync(join(ROOT, "node_modules", ".bin", "tsx"), [join(ROOT, "tools", "verify-corpus.ts")], {
    encoding: "utf8",
    env: { ...process.env, MNM_CORPUS_DIR: corpus },
    timeout: 30_000,
  });
}

describe("the built server verifies the corpus at start", () => {
  it("refuses to start when one byte of an evidence file changed, naming the file", () => {
    const dir = corpusCopy();
    flipByte(dir, "evidence/sources/busse-bmj-2025.json", 400);
    const r = runServer(dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("refusing to start");
    expect(r.stderr).toContain("corpus/evidence/sources/busse-bmj-2025.json: content changed");
  });

  it("refuses to start when a file that is not evidence changed or an unlisted file appeared", () => {
    const dir = corpusCopy();
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as {
      files: { path: string; bytes: number }[];
    };
    const other = manifest.files.find((f) => !f.path.startsWith("evidence/") && f.bytes > 0);
    if (!other) throw new Error("the manifest lists no non-empty file outside evidence/");
    flipByte(dir, other.path, 0);
    writeFileSync(join(dir, "stray.txt"), "x");
    const r = runServer(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`corpus/${other.path}: content changed`);
    expect(r.stderr).toContain("corpus/stray.txt: not listed in the manifest");
  });

  it("npm run verify-corpus passes on an intact copy and names an altered file", () => {
    const dir = corpusCopy();
    const ok = runVerifyCorpus(dir);
    expect(ok.stderr).toContain("corpus verified: no problems");
    expect(ok.status).toBe(0);
    flipByte(dir, "evidence/sources/nice-ng59.json", 100);
    const bad = runVerifyCorpus(dir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("corpus/evidence/sources/nice-ng59.json: content changed");
  });

  it("starts on an intact corpus and answers the reference question over stdio", async () => {
    const conn = await connectStdio();
    try {
      const result = await conn.client.callTool({
        name: "citeGuideline",
        arguments: {
          query: "Is sacroiliac joint radiofrequency ablation recommended for chronic axial spine pain?",
        },
      });
      const output = result.structuredContent as CiteGuidelineOutput;
      expect(output.results[0]?.passageId).toBe("busse-bmj-2025#rec-joint-rfa");
      expect(output.corpusVersion).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await conn.close();
    }
  });
});
