import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CiteGuidelineOutputSchema } from "../../src/corpus/cite-guideline-schema.js";
import type { CiteGuidelineOutput } from "../../src/corpus/cite-guideline-schema.js";
import { shippedKnowledge } from "../support/knowledge.js";
import { answerOf, connectInMemory, MAX_CHARS_META, textOf } from "../support/clients.js";
import { countTokens } from "gpt-tokenizer/encoding/o200k_base";
import { CiteFullSchema, CiteSummarySchema } from "../../src/corpus/cite-summary-schema.js";
import type { CiteSummary } from "../../src/corpus/cite-summary-schema.js";
import { shortCitation } from "../../src/corpus/short-citation.js";

let client: Client;
beforeAll(async () => {
  client = await connectInMemory();
});
afterAll(async () => {
  await client.close();
});

async function cite(args: Record<string, unknown>) {
  // The full view (detail: "full") carries every fact these tests read; the summary has its own tests.
  return client.callTool({ name: "citeGuideline", arguments: { detail: "full", ...args } });
}

async function citeOk(
  args: Record<string, unknown>,
): Promise<{ output: CiteGuidelineOutput; text: string; content: unknown[] }> {
  const result = await cite(args);
  expect(result.isError, textOf(result)).toBeFalsy();
  return {
    output: CiteGuidelineOutputSchema.parse(result.structuredContent),
    text: textOf(result),
    content: result.content,
  };
}

async function citeError(args: Record<string, unknown>): Promise<string> {
  const result = await cite(args);
  expect(result.isError).toBe(true);
  return textOf(result);
}

describe("citeGuideline: listing", () => {
  it("is listed read-only with input and output schemas", async () => {
    const tool = (await client.listTools()).tools.find((t) => t.name === "citeGuideline");
    expect(tool?.annotations).toMatchObject({
      readOnlyHint: true,
      destructiveHint: false,
      openWorldHint: false,
    });
    expect(Object.keys(tool?.inputSchema.properties ?? {}).sort()).toEqual(
      ["detail", "filters", "limit", "passageId", "query", "sourceId"].sort(),
    );
    expect(tool?.inputSchema.additionalProperties).toBe(false);
    expect(JSON.stringify(tool?.outputSchema)).toContain('"corpusVersion"');
  });
});

describe("citeGuideline: query", () => {
  const QUESTION = "Is sacroiliac joint radiofrequency ablation recommended for chronic axial spine pain?";

  it("answers the reference question with the BMJ 2025 recommendation first", async () => {
    const { output, text, content } = await citeOk({ query: QUESTION });
    expect(output.lookup).toBe("query");
    expect(output.query).toBe(QUESTION);
    expect(output.corpusVersion).toBe(shippedKnowledge().corpus.version);
    expect(output.corpusVersion).toMatch(/^[0-9a-f]{64}$/);
    expect(output.results.length).toBe(5);
    const first = output.results[0];
    expect(first?.passageId).toBe("busse-bmj-2025#rec-joint-rfa");
    expect(first?.source.method).toBe("GRADE");
    expect(first?.direction).toBe("against");
    expect(first?.strength).toBe("strong");
    expect(first?.score).toBeGreaterThan(0);
    // Scores never increase down the list.
    const scores = output.results.map((r) => r.score ?? 0);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    // The text block shows each quote in quotation marks with its citation and attribution.
    for (const r of output.results) {
      expect(text).toContain(`"${r.quote}"`);
      expect(text).toContain(r.citation);
      expect(text).toContain(r.provenance.attribution);
      if (r.provenance.caution) expect(text).toContain(r.provenance.caution);
    }
    expect(text).toContain(output.corpusVersion);
    // One resource_link per result, with the "#" percent-encoded.
    const links = content
      .filter((c): c is { type: string; uri: string; name: string; mimeType: string } => {
        return (c as { type: string }).type === "resource_link";
      })
      .map(({ type, uri, name, mimeType }) => ({ type, uri, name, mimeType }));
    expect(links).toEqual(
      output.results.map((r) => ({
        type: "resource_link",
        uri: r.resourceUri,
        name: r.passageId,
        mimeType: "text/markdown",
      })),
    );
    expect(first?.resourceUri).toBe("corpus://passages/busse-bmj-2025%23rec-joint-rfa");
  });

  it("gives byte-identical answers to the same call", async () => {
    const a = await cite({ query: "steroid injection sacroiliac", limit: 20 });
    const b = await cite({ query: "steroid injection sacroiliac", limit: 20 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it("understands the domain's synonyms", async () => {
    const rfa = await citeOk({ query: "RFA", limit: 20 });
    expect(rfa.output.results.map((r) => r.passageId)).toContain("bcbsal-mp-558#rfa"); // "Radiofrequency denervation"
    expect(rfa.output.results.map((r) => r.passageId)).toContain("cms-lcd-sij-2023#rfa-noncovered"); // "neurotomy"
    const gc = await citeOk({ query: "corticosteroid", limit: 20 });
    expect(gc.output.results.map((r) => r.passageId)).toContain("acr-saa-spartan-2019#systemic-gc"); // "glucocorticoids"
    const nsaid = await citeOk({ query: "non-steroidal anti-inflammatory drugs", limit: 20 });
    expect(nsaid.output.results.map((r) => r.passageId)).toContain("acr-saa-spartan-2019#nsaids"); // "NSAIDs"
    const sij = await citeOk({ query: "SIJ", limit: 20 });
    expect(sij.output.results.map((r) => r.passageId)).toContain("bcbsal-mp-558#rfa"); // "sacroiliac"
  });

  it("applies filters: direction, source type, intervention and publication years", async () => {
    const { output } = await citeOk({
      query: "sacroiliac joint radiofrequency ablation",
      filters: { direction: "against", sourceType: "coverage-policy" },
      limit: 20,
    });
    expect(output.results.length).toBeGreaterThan(2);
    for (const r of output.results) {
      expect(r.direction).toBe("against");
      expect(r.source.type).toBe("coverage-policy");
    }
    const years = await citeOk({
      query: "low back pain",
      filters: { publishedFrom: 2017, publishedTo: 2019 },
      limit: 20,
    });
    expect(years.output.results.length).toBeGreaterThan(0);
    for (const r of years.output.results) expect(r.source.year).toBeGreaterThanOrEqual(2017);
    for (const r of years.output.results) expect(r.source.year).toBeLessThanOrEqual(2019);
    const intervention = await citeOk({ query: "pain", filters: { intervention: "RFA" }, limit: 20 });
    expect(intervention.output.results.length).toBeGreaterThan(0);
    for (const r of intervention.output.results) {
      expect(r.intervention).toMatch(/radiofrequency|RFA|RFD|denervation|ablation|neurotomy/i);
    }
  });

  it("reports total before the limit", async () => {
    const { output } = await citeOk({ query: "sacroiliac", limit: 1 });
    expect(output.results).toHaveLength(1);
    expect(output.total).toBeGreaterThan(1);
  });

  it("answers a query with no match normally, with no results", async () => {
    const { output, text } = await citeOk({ query: "xylophone zeppelin" });
    expect(output.results).toEqual([]);
    expect(output.total).toBe(0);
    expect(text).toContain("No passage matched");
  });
});

describe("citeGuideline: passageId and sourceId", () => {
  it("returns one passage by id with its locator, provenance and source", async () => {
    const { output } = await citeOk({ passageId: "cms-lcd-sij-2023#rfa-summary" });
    expect(output.lookup).toBe("passageId");
    expect(output.total).toBe(1);
    const r = output.results[0];
    expect(r?.sourceId).toBe("cms-lcd-sij-2023");
    expect(r?.locator).toBe("Limitations (third-party summary of L39455)");
    expect(r?.provenance.seenAtKind).toBe("secondary");
    expect(r?.provenance.attribution).toBe(
      "summary of Medicare LCDs 'Sacroiliac Joint Injections and Procedures' by verity.backworkai.com",
    );
    expect(r?.provenance.caution).toContain("verity.backworkai.com");
    expect(r?.source.method).toBe("coverage policy (LCD)");
    expect(r?.score).toBeUndefined();
  });

  it("flags a passage seen on an unofficial copy", async () => {
    const { output, text } = await citeOk({ passageId: "busse-bmj-2025#infographic-values" });
    expect(output.results[0]?.provenance.caution).toBe(
      "seen on an unofficial copy (nova88live.com); re-check against the publisher before relying on it",
    );
    expect(text).toContain("unofficial copy (nova88live.com)");
  });

  it("returns a source's passages in document order, limited, with the total", async () => {
    const { output } = await citeOk({ sourceId: "busse-bmj-2025" });
    const ids = shippedKnowledge()
      .corpus.passagesOf("busse-bmj-2025")
      .map((p) => p.id);
    expect(output.total).toBe(ids.length);
    expect(output.results.map((r) => r.passageId)).toEqual(ids.slice(0, 5));
    const filtered = await citeOk({
      sourceId: "busse-bmj-2025",
      filters: { direction: "neutral" },
      limit: 20,
    });
    expect(filtered.output.results.map((r) => r.passageId)).toEqual([
      "busse-bmj-2025#scope",
      "busse-bmj-2025#population-exclusions",
      "busse-bmj-2025#methods",
    ]);
  });
});

describe("citeGuideline: bad input", () => {
  it("names the closest ids for an unknown passage id", async () => {
    const text = await citeError({ passageId: "busse-bmj-2025#rec-joint" });
    expect(text).toContain('"busse-bmj-2025#rec-joint"');
    expect(text).toContain("busse-bmj-2025#rec-joint-rfa");
    expect(text).toContain("busse-bmj-2025#rec-joint-injection");
  });

  it("names the closest ids for an unknown source id", async () => {
    const text = await citeError({ sourceId: "busse-bmj" });
    expect(text).toContain("sourceId");
    expect(text).toContain("busse-bmj-2025");
  });

  it("needs exactly one of passageId, sourceId and query", async () => {
    expect(await citeError({})).toContain(
      "expected exactly one of passageId, sourceId or query, received none",
    );
    expect(await citeError({ passageId: "nice-ng59#1.1.1", query: "x" })).toContain(
      "received passageId and query",
    );
  });

  it("rejects empty, blank, oversized and control-character queries with the field named", async () => {
    expect(await citeError({ query: "" })).toMatch(/query/);
    expect(await citeError({ query: "   " })).toContain("query: expected words to search for");
    const long = await citeError({ query: "a".repeat(501) });
    expect(long).toContain("expected at most 500 characters");
    expect(long).toContain("query");
    expect(await citeError({ query: "rfa\u0000" })).toContain("control characters");
  });

  it("rejects unknown fields, a bad limit, an unknown filter value and an inverted year range", async () => {
    expect(await citeError({ query: "rfa", colour: "red" })).toContain('unknown field "colour"');
    expect(await citeError({ query: "rfa", limit: 21 })).toContain("limit");
    expect(await citeError({ query: "rfa", limit: 0 })).toContain("limit");
    expect(await citeError({ query: "rfa", filters: { direction: "sideways" } })).toContain(
      "filters.direction",
    );
    expect(await citeError({ query: "rfa", filters: { publishedFrom: 2020, publishedTo: 2010 } })).toContain(
      "filters.publishedFrom",
    );
    expect(await citeError({ passageId: "nice-ng59#1.1.1", filters: { direction: "for" } })).toContain(
      "filters",
    );
  });
});

const SUMMARY_QUESTION =
  "Is sacroiliac joint radiofrequency ablation recommended for chronic axial low back pain?";

const citeAt = (args: Record<string, unknown>) => answerOf(client, "citeGuideline", args);

/** Every fact of the summary's structured content is in its text block, each quote in quotation marks. */
function expectSameFacts(s: CiteSummary, text: string): void {
  expect(text).toContain(`(corpus ${s.corpusVersion})`);
  if (s.total > 0)
    expect(text).toContain(
      s.results.length === s.total ? `${s.total} passage` : `${s.results.length} of ${s.total} passages`,
    );
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
    const { result, text, json } = await citeAt({ query: SUMMARY_QUESTION, limit: 20 });
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
    const { result, text } = await citeAt({ sourceId: "cms-lcd-l39455", limit: 2 });
    const s = CiteSummarySchema.parse(result.structuredContent);
    expect(s.results[0]?.seenAtKind).toBe("copy");
    expect(s.results[0]?.caution).toMatch(/unofficial copy/);
    expectSameFacts(s, text);
    const bmj = CiteSummarySchema.parse(
      (await citeAt({ passageId: "busse-bmj-2025#rec-joint-rfa" })).result.structuredContent,
    );
    expect(bmj.results[0]).toMatchObject({
      passageId: "busse-bmj-2025#rec-joint-rfa",
      locator: "Abstract - RECOMMENDATIONS",
      citation: "Busse JW, et al. The BMJ Rapid Recommendations; 2025. doi:10.1136/bmj-2024-079970",
      direction: "against",
    });
  });

  it("says so when nothing matches, in both forms", async () => {
    const { result, text } = await citeAt({
      query: SUMMARY_QUESTION,
      filters: { publishedFrom: 1900, publishedTo: 1901 },
    });
    const s = CiteSummarySchema.parse(result.structuredContent);
    expect(s.results).toEqual([]);
    expect(s.total).toBe(0);
    expect(text).toContain("No passage matched");
    expectSameFacts(s, text);
  });
});

describe('citeGuideline detail: "full"', () => {
  it("keeps today's detail with resource links and declares its size in _meta", async () => {
    const { result, json } = await citeAt({ query: SUMMARY_QUESTION, limit: 20, detail: "full" });
    const full = CiteFullSchema.parse(result.structuredContent);
    expect(full.results[0]?.source.title).toBeDefined();
    expect(result.content.filter((c) => c.type === "resource_link")).toHaveLength(20);
    expect(result._meta?.[MAX_CHARS_META]).toBeGreaterThan(json.length);
  });
});
