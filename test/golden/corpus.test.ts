import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, it } from "vitest";
import { connectInMemory, textOf } from "../support/clients.js";
import { expectGolden } from "../support/golden.js";

let client: Client;
beforeAll(async () => {
  client = await connectInMemory();
});
afterAll(async () => {
  await client.close();
});

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
      await expectGolden(`corpus/${name}.text.golden.txt`, textOf(result));
      await expectGolden(`corpus/${name}.structured.golden.txt`, JSON.stringify(result.structuredContent, null, 2));
    });
  }
});
