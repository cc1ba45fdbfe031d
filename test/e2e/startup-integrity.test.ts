import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CiteGuidelineOutput } from "../../src/corpus/cite-guideline-schema.js";
import { BUILT_SERVER, connectStdio, ROOT, SERVER_NODE } from "../support/clients.js";
import { writeManifest } from "../../tools/corpus-writer.js";
import { corpusCopies } from "../support/temp-corpus.js";

const corpusCopy = corpusCopies();

function flipByte(dir: string, relative: string, offset: number): void {
  const path = join(dir, ...relative.split("/"));
  const bytes = readFileSync(path);
  bytes[offset] = (bytes[offset] ?? 0) ^ 0x01;
  writeFileSync(path, bytes);
}

function runServer(corpus: string, args: string[] = []) {
  return spawnSync(SERVER_NODE, [BUILT_SERVER, "--corpus", corpus, ...args], {
    encoding: "utf8",
    input: "",
    timeout: 20_000,
  });
}

function runVerifyCorpus(corpus: string) {
  return spawnSync(
    join(ROOT, "node_modules", ".bin", "tsx"),
    [join(ROOT, "tools", "verify-corpus.ts"), "--corpus", corpus],
    {
      encoding: "utf8",
      timeout: 30_000,
    },
  );
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

  it("refuses a corpus altered and consistently re-hashed after the build, naming both versions", () => {
    const dir = corpusCopy();
    const path = join(dir, "evidence", "sources", "busse-bmj-2025.json");
    const original = readFileSync(path, "utf8");
    const altered = original.replace("strong recommendations against", "strong recommendations for");
    expect(altered).not.toBe(original);
    writeFileSync(path, altered);
    const manifest = writeManifest(dir);
    const built = JSON.parse(readFileSync(join(ROOT, "corpus", "manifest.json"), "utf8")) as {
      version: string;
    };
    const r = runServer(dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("refusing to start");
    expect(r.stderr).toContain(`has version ${manifest.version}`);
    expect(r.stderr).toContain(`this build was made with corpus version ${built.version}`);
    expect(r.stderr).toContain(`--corpus-version ${manifest.version}`);
    expect(r.stderr).not.toMatch(/ready on/);
  });

  it("serves another corpus only when its version is named, and the ready line shows the version", () => {
    const dir = corpusCopy();
    const path = join(dir, "evidence", "sources", "busse-bmj-2025.json");
    writeFileSync(
      path,
      readFileSync(path, "utf8").replace("strong recommendations against", "strong recommendations for"),
    );
    const { version } = writeManifest(dir);
    const named = runServer(dir, ["--corpus-version", version]);
    expect(named.stderr).toMatch(
      new RegExp(`ready on stdio; tools: .*; corpus version ${version} \\(named by --corpus-version\\)`),
    );
    expect(named.status).toBe(0);
    const wrong = runServer(dir, ["--corpus-version", "0".repeat(64)]);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain(
      `has version ${version}, not the version named by --corpus-version (${"0".repeat(64)})`,
    );
  });

  it("refuses a --corpus that is not a folder and a --corpus-version that is not a version", () => {
    const missing = runServer(join(ROOT, "no-such-corpus-folder"));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("--corpus names");
    const bad = spawnSync(SERVER_NODE, [BUILT_SERVER, "--corpus-version", "latest"], {
      encoding: "utf8",
      input: "",
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--corpus-version expects the 64 lower-case hex digits");
  });

  it("the shipped build serves its own corpus with no version named (the ready line adds nothing)", () => {
    const r = spawnSync(SERVER_NODE, [BUILT_SERVER], { encoding: "utf8", input: "", timeout: 20_000 });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/ready on stdio; tools: [^;]*\n/);
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
