import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CiteGuidelineOutput } from "../../../src/corpus/cite-guideline-schema.js";
import { SHIPPED_FAMILIES } from "../../../src/families/shipped.js";
import { loadKnowledge } from "../../../src/knowledge/knowledge.js";
import { serverContext } from "../../../src/mcp/context.js";
import { sha256Hex } from "../../../src/corpus/manifest.js";
import { EvidenceFileSchema } from "../../../src/corpus/schemas.js";
import { citationFor as cite } from "../../../src/corpus/store.js";
import { knowledgeFrom } from "../../support/knowledge.js";
import { ingestPdf } from "../../../tools/ingest-pdf.js";
import { pageText, printedLabel } from "../../../tools/pdf-passages.js";
import { makeTestPdf } from "../../fixtures/pdf/make-test-pdf.js";
import { connectInMemory, ROOT, textOf } from "../../support/clients.js";
import { copyCorpus } from "../../support/temp-corpus.js";

const SOURCE_ID = "acme-si-policy-2025";
const SENTENCES = {
  p1a: "ACME Health Plan medical policy for sacroiliac joint procedures.",
  p1b: "Radiofrequency ablation of the sacroiliac joint is considered investigational.",
  p2: "A therapeutic sacroiliac joint injection requires two prior diagnostic blocks.",
  p4: "Conservative care must be tried for at least six weeks.",
};

let work: string;
let corpus: { dir: string; remove: () => void };
let pdfPath: string;
let pdfBytes: Uint8Array;

function args(extra: string[] = []): string[] {
  return [
    pdfPath,
    "--source-id",
    SOURCE_ID,
    "--title",
    "Sacroiliac Joint Procedures (Medical Policy SI-01)",
    "--organisation",
    "ACME Health Plan",
    "--year",
    "2025",
    "--type",
    "coverage-policy",
    "--version",
    "effective 2025-07-01",
    "--method",
    "coverage policy (plan medical policy)",
    "--corpus",
    corpus.dir,
    ...extra,
  ];
}

function evidencePath(): string {
  return join(corpus.dir, "evidence", "sources", `${SOURCE_ID}.json`);
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "mnm-ingest-"));
  corpus = copyCorpus();
  pdfBytes = await makeTestPdf([
    { lines: [SENTENCES.p1a, SENTENCES.p1b] },
    { lines: [SENTENCES.p2], footer: "Page 12" },
    { lines: [] },
    { lines: [SENTENCES.p4], footer: "- 14 -" },
  ]);
  pdfPath = join(work, "acme-si-01.pdf");
  writeFileSync(pdfPath, pdfBytes);
});

afterAll(() => {
  corpus.remove();
  rmSync(work, { recursive: true, force: true });
});

describe("ingest-pdf", () => {
  it("stores one passage per page with text, with physical page, printed label and PDF provenance", async () => {
    const result = await ingestPdf(args());
    expect(result).toMatchObject({ file: "acme-si-01.pdf", sourceId: SOURCE_ID, passages: 3, pages: 4 });
    const file = EvidenceFileSchema.parse(JSON.parse(readFileSync(evidencePath(), "utf8")));
    const sha = sha256Hex(Buffer.from(pdfBytes));
    expect(file.origin).toEqual({ kind: "ingested-pdf", file: "acme-si-01.pdf", sha256: sha, pages: 4 });
    expect(file.source).toMatchObject({
      id: SOURCE_ID,
      year: 2025,
      published: "2025",
      versionOrEffective: "effective 2025-07-01",
    });
    expect(file.passages.map((p) => [p.id, p.page, p.pageLabel])).toEqual([
      [`${SOURCE_ID}#p1`, 1, undefined],
      [`${SOURCE_ID}#p2`, 2, "12"],
      [`${SOURCE_ID}#p4`, 4, "14"],
    ]);
    for (const p of file.passages) {
      expect(p.provenance).toEqual({
        seenAt: `file:acme-si-01.pdf sha256:${sha}`,
        seenAtKind: "ingested-pdf",
      });
    }
    expect(loadKnowledge(corpus.dir, SHIPPED_FAMILIES).problems).toEqual([]);
  });

  it("yields quotes that verify, with page locators", () => {
    {
      const ingested = knowledgeFrom(corpus.dir).corpus;
      const citationFor = (id: string, quote?: string) => cite(ingested, id, quote);
      const p2 = citationFor(`${SOURCE_ID}#p2`, SENTENCES.p2);
      expect(p2.quote).toBe(SENTENCES.p2);
      expect(p2.locator).toBe("Full page text, p. 2 (printed 12)");
      expect(p2.provenance.attribution).toContain("text extracted from the PDF acme-si-01.pdf");
      expect(p2.citation).toContain("Version: effective 2025-07-01.");
      expect(citationFor(`${SOURCE_ID}#p1`, SENTENCES.p1b).locator).toBe("Full page text, p. 1");
      expect(citationFor(`${SOURCE_ID}#p4`, SENTENCES.p4).locator).toBe("Full page text, p. 4 (printed 14)");
      expect(() => citationFor(`${SOURCE_ID}#p3`)).toThrow(/unknown passage id/);
      expect(() => citationFor(`${SOURCE_ID}#p1`, "Radiofrequency ablation is investigational.")).toThrow(
        /verbatim/,
      );
      expect(ingested.sources.get(SOURCE_ID)?.method).toBe("coverage policy (plan medical policy)");
    }
  });

  it("is found by citeGuideline, quoting the page verbatim", async () => {
    const client = await connectInMemory(serverContext(knowledgeFrom(corpus.dir)));
    try {
      const result = await client.callTool({
        name: "citeGuideline",
        arguments: {
          query: "ACME plan policy sacroiliac RFA investigational",
          filters: { sourceType: "coverage-policy" },
          detail: "full",
        },
      });
      const output = result.structuredContent as CiteGuidelineOutput;
      expect(output.results[0]?.passageId).toBe(`${SOURCE_ID}#p1`);
      expect(output.results[0]?.quote).toBe(`${SENTENCES.p1a}\n${SENTENCES.p1b}`);
      expect(output.results[0]?.page).toBe(1);
      expect(textOf(result)).toContain(`"${SENTENCES.p1a}\n${SENTENCES.p1b}"`);
    } finally {
      await client.close();
    }
  });

  it("gives byte-identical files when the same PDF is ingested again", async () => {
    const evidence = readFileSync(evidencePath());
    const manifest = readFileSync(join(corpus.dir, "manifest.json"));
    await ingestPdf(args());
    expect(readFileSync(evidencePath()).equals(evidence)).toBe(true);
    expect(readFileSync(join(corpus.dir, "manifest.json")).equals(manifest)).toBe(true);
  });

  it("uses the PDF's declared page labels when no page number is printed", async () => {
    const roman = join(work, "front-matter.pdf");
    writeFileSync(
      roman,
      await makeTestPdf([{ lines: ["Preface text one."] }, { lines: ["Preface text two."] }], {
        style: "r",
        start: 1,
      }),
    );
    await ingestPdf([
      roman,
      "--source-id",
      "acme-preface",
      "--title",
      "Preface",
      "--organisation",
      "ACME",
      "--year",
      "2024",
      "--type",
      "other",
      "--corpus",
      corpus.dir,
    ]);
    const file = EvidenceFileSchema.parse(
      JSON.parse(readFileSync(join(corpus.dir, "evidence", "sources", "acme-preface.json"), "utf8")),
    );
    expect(file.passages.map((p) => [p.page, p.pageLabel])).toEqual([
      [1, "i"],
      [2, "ii"],
    ]);
  });

  it("refuses bad metadata and will not overwrite a source that did not come from a PDF", async () => {
    await expect(ingestPdf(args(["--year", "20"]))).rejects.toThrow(/--year/);
    const bad = [...args()];
    bad[bad.indexOf("--source-id") + 1] = "busse-bmj-2025";
    await expect(ingestPdf(bad)).rejects.toThrow(/already exists and did not come from a PDF/);
    await expect(ingestPdf(args(["--type", "blog"]))).rejects.toThrow(/--type/);
  });

  it("runs from the command line (npm run ingest) and exits 2 on a usage error", () => {
    const tsx = join(ROOT, "node_modules", ".bin", "tsx");
    const script = join(ROOT, "tools", "ingest-pdf.ts");
    const ok = spawnSync(tsx, [script, ...args()], { encoding: "utf8", timeout: 60_000 });
    expect(ok.stderr).toContain(`ingested acme-si-01.pdf: 3 passages from 4 pages as source ${SOURCE_ID}`);
    expect(ok.status).toBe(0);
    const bad = spawnSync(tsx, [script, pdfPath, "--source-id", "x"], { encoding: "utf8", timeout: 60_000 });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("missing required options: --title, --organisation, --year, --type");
  });
});

describe("page text and printed labels", () => {
  it("normalises line ends and trailing spaces only", () => {
    expect(pageText("\n\nFirst line  \r\nSecond\t\r\n\n")).toBe("First line\nSecond");
  });

  it("reads a page number printed in the first or last line", () => {
    expect(printedLabel("Body text\nPage 12")).toBe("12");
    expect(printedLabel("Page iv\nBody text")).toBe("iv");
    expect(printedLabel("Body\n- 7 -")).toBe("7");
    expect(printedLabel("Body\n3 of 40")).toBe("3");
    expect(printedLabel("Body\np. 9")).toBe("9");
    expect(printedLabel("Body text only")).toBeUndefined();
    expect(printedLabel("Body\nPage twelve")).toBeUndefined();
  });
});
