import type { Client } from "@modelcontextprotocol/client";
import { countTokens } from "gpt-tokenizer/encoding/o200k_base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CiteFullSchema, CiteSummarySchema } from "../../src/corpus/cite-summary-schema.js";
import type { CiteSummary } from "../../src/corpus/cite-summary-schema.js";
import { shortCitation } from "../../src/corpus/short-citation.js";
import { connectInMemory, textOf } from "../support/clients.js";
import { shippedKnowledge } from "../support/knowledge.js";

const QUESTION = "Is sacroiliac joint radiofrequency ablation recommended for chronic axial low back pain?";
const MAX_CHARS_META = "anthropic/maxResultSizeChars";

let client: Client;
beforeAll(async () => {
  client = await connectInMemory();
});
afterAll(async () => {
  await client.close();
});

async function call(args: Record<string, unknown>) {
  const result = await client.callTool({ name: "citeGuideline", arguments: args });
  expect(result.isError, textOf(result)).toBeFalsy();
  return { result, text: textOf(result), json: JSON.stringify(result.structuredContent) };
}

/** Every fact of the summary's structured content is in its text block, each quote in quotation marks. */
function expectSameFacts(s: CiteSummary, text: string): void {
  expect(text).toContain(`(corpus ${s.corpusVersion})`);
  if (s.total > 0)
    expect(text).toContain(s.results.length === s.total ? `${s.total} passage` : `${s.results.length} of ${s.total} passages`);
  if (s.query !== undefined) expect(text).toContain(JSON.stringify(s.query));
  s.results.forEach((r, i) => {
    const head = `${i + 1}. ${r.passageId} | ${r.locator} | ${r.citation} | seen at: ${r.seenAtKind}`;
    expect(text).toContain(r.direction ? `${head} | direction: ${r.direction}` : head);
    expect(text).toContain(`"${r.quote}"`);
    if (r.caution) expect(text).toContain(`Caution: ${r.caution}`);
  });
  expect(text).toContain(s.more);
}

describe('citeGuideline detail: "summary" (the default) over a real MCP client', () => {
  it("answers 20 results in under 10,000 tokens (o200k) in each form, each quote verbatim with its short citation", async () => {
    const { result, text, json } = await call({ query: QUESTION, limit: 20 });
    const s = CiteSummarySchema.parse(result.structuredContent);
    expect(s.results).toHaveLength(20);
    expect(countTokens(text)).toBeLessThan(10_000);
    expect(countTokens(json)).toBeLessThan(10_000);
    expect(result._meta?.[MAX_CHARS_META]).toBeUndefined();
    expect(result.content.filter((c) => c.type === "resource_link")).toEqual([]);
    const { corpus } = shippedKnowledge();
    for (const r of s.results) {
      const passage = corpus.passages.get(r.passageId);
      expect(passage?.text).toBe(r.quote);
      expect(r.citation).toBe(shortCitation(corpus.sources.get(passage!.sourceId)!));
    }
    expectSameFacts(s, text);
  });

  it("gives the BMJ 2025 recommendation with first author, year, journal and DOI, and a copy's caution", async () => {
    const { result, text } = await call({ sourceId: "cms-lcd-l39455", limit: 2 });
    const s = CiteSummarySchema.parse(result.structuredContent);
    expect(s.results[0]?.seenAtKind).toBe("copy");
    expect(s.results[0]?.caution).toMatch(/unofficial copy/);
    expectSameFacts(s, text);
    const bmj = CiteSummarySchema.parse((await call({ passageId: "busse-bmj-2025#rec-joint-rfa" })).result.structuredContent);
    expect(bmj.results[0]).toMatchObject({
      passageId: "busse-bmj-2025#rec-joint-rfa",
      locator: "Abstract - RECOMMENDATIONS",
      citation: "Busse JW, et al. The BMJ Rapid Recommendations; 2025. doi:10.1136/bmj-2024-079970",
      direction: "against",
    });
  });

  it("says so when nothing matches, in both forms", async () => {
    const { result, text } = await call({ query: QUESTION, filters: { publishedFrom: 1900, publishedTo: 1901 } });
    const s = CiteSummarySchema.parse(result.structuredContent);
    expect(s.results).toEqual([]);
    expect(s.total).toBe(0);
    expect(text).toContain("No passage matched");
    expectSameFacts(s, text);
  });
});

describe('citeGuideline detail: "full"', () => {
  it("keeps today's detail with resource links and declares its size in _meta", async () => {
    const { result, json } = await call({ query: QUESTION, limit: 20, detail: "full" });
    const full = CiteFullSchema.parse(result.structuredContent);
    expect(full.results[0]?.source.title).toBeDefined();
    expect(result.content.filter((c) => c.type === "resource_link")).toHaveLength(20);
    expect(result._meta?.[MAX_CHARS_META]).toBeGreaterThan(json.length);
  });
});
