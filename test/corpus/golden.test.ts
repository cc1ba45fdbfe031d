import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CiteGuidelineOutput } from "../../src/corpus/cite-guideline-schema.js";
import { connectInMemory, textOf } from "../support/clients.js";

// Set UPDATE_GOLDEN=1 to rewrite the golden files after an intended change.
const GOLDEN = join(import.meta.dirname, "golden");
// The corpus version changes with every corpus file (codes, policies too), so it is masked here.
const VERSION_MASK = "<corpus version>";

let client: Client;
beforeAll(async () => {
  client = await connectInMemory();
});
afterAll(async () => {
  await client.close();
});

function matchGolden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, actual);
  }
  expect(existsSync(path), `${path} is missing; run with UPDATE_GOLDEN=1 to create it`).toBe(true);
  expect(actual).toBe(readFileSync(path, "utf8"));
}

const REFERENCE_QUESTION = "Is sacroiliac joint radiofrequency ablation recommended for chronic axial spine pain?";

// The full views keep the names they had before the summary became the default.
const CASES: [string, Record<string, unknown>][] = [
  ["reference-question", { query: REFERENCE_QUESTION, limit: 3, detail: "full" }],
  ["secondary-passage", { passageId: "cms-lcd-sij-2023#rfa-summary", detail: "full" }],
  ["source-filtered", { sourceId: "acr-saa-spartan-2019", filters: { direction: "against" }, detail: "full" }],
  ["reference-question.summary", { query: REFERENCE_QUESTION, limit: 3 }],
  ["secondary-passage.summary", { passageId: "cms-lcd-sij-2023#rfa-summary" }],
];

describe("citeGuideline golden answers", () => {
  for (const [name, args] of CASES) {
    it(`${name} matches its golden text and structured content`, async () => {
      const result = await client.callTool({ name: "citeGuideline", arguments: args });
      const version = (result.structuredContent as CiteGuidelineOutput).corpusVersion;
      const mask = (s: string) => s.split(version).join(VERSION_MASK);
      matchGolden(`${name}.text.golden.txt`, `${mask(textOf(result))}\n`);
      matchGolden(`${name}.structured.golden.txt`, `${mask(JSON.stringify(result.structuredContent, null, 2))}\n`);
    });
  }
});
