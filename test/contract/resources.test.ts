import { ProtocolError, ProtocolErrorCode } from "@modelcontextprotocol/client";
import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { citationFor, formatCitation } from "../../src/corpus/store.js";
import { shippedKnowledge } from "../support/knowledge.js";
import { connectInMemory } from "../support/clients.js";

let client: Client;
beforeAll(async () => {
  client = await connectInMemory();
});
afterAll(async () => {
  await client.close();
});

async function readText(uri: string): Promise<string> {
  const result = await client.readResource({ uri });
  expect(result.contents).toHaveLength(1);
  expect(result.contents[0]).toMatchObject({ uri, mimeType: "text/markdown" });
  return (result.contents[0] as { text: string }).text;
}

async function readError(uri: string): Promise<ProtocolError> {
  try {
    await client.readResource({ uri });
  } catch (error) {
    expect(error).toBeInstanceOf(ProtocolError);
    return error as ProtocolError;
  }
  throw new Error(`reading ${uri} did not fail`);
}

describe("corpus resources", () => {
  it("lists both templates", async () => {
    const { resourceTemplates } = await client.listResourceTemplates();
    const templates = resourceTemplates.map((t) => t.uriTemplate);
    expect(templates).toContain("corpus://sources/{id}");
    expect(templates).toContain("corpus://passages/{id}");
  });

  it("lists every source and every passage", async () => {
    const corpus = shippedKnowledge().corpus;
    const { resources } = await client.listResources();
    const uris = resources.map((r) => r.uri);
    for (const id of corpus.sources.keys()) expect(uris).toContain(`corpus://sources/${id}`);
    for (const id of corpus.passages.keys())
      expect(uris).toContain(`corpus://passages/${encodeURIComponent(id)}`);
    expect(uris.filter((u) => u.startsWith("corpus://"))).toHaveLength(
      corpus.sources.size + corpus.passages.size,
    );
  });

  it("reads a passage as markdown with the verbatim quote, locator, whose words and the full citation", async () => {
    const id = "cms-lcd-sij-2023#therapeutic-limits";
    const text = await readText(`corpus://passages/${encodeURIComponent(id)}`);
    const passage = shippedKnowledge().corpus.passages.get(id);
    const citation = citationFor(shippedKnowledge().corpus, id);
    expect(text).toContain(`> "${passage?.text}"`);
    expect(text).toContain(citation.locator);
    expect(text).toContain(citation.provenance.attribution);
    expect(text).toContain(citation.provenance.caution);
    expect(text).toContain(citation.citation);
    expect(text).toContain(shippedKnowledge().corpus.version);
  });

  it("also accepts the passage id with an unencoded #", async () => {
    const text = await readText("corpus://passages/nice-ng59#1.1.1");
    expect(text).toContain("# nice-ng59#1.1.1");
  });

  it("reads a source as markdown with its citation, method and passages", async () => {
    const source = shippedKnowledge().corpus.sources.get("mccormick-rapm-2025-sijcp");
    if (!source) throw new Error("missing source");
    const text = await readText("corpus://sources/mccormick-rapm-2025-sijcp");
    expect(text).toContain(`# ${source.title}`);
    expect(text).toContain(formatCitation(source));
    expect(text).toContain("**Method:** modified Delphi");
    expect(text).toContain("**Type:** consensus-statement");
    for (const p of shippedKnowledge().corpus.passagesOf(source.id))
      expect(text).toContain(`corpus://passages/${encodeURIComponent(p.id)}`);
  });

  it("answers an unknown id with InvalidParams naming the id and the closest ids", async () => {
    const passage = await readError("corpus://passages/busse-bmj-2025%23rec-joint");
    expect(passage.code).toBe(ProtocolErrorCode.InvalidParams);
    expect(passage.message).toContain('"busse-bmj-2025#rec-joint"');
    expect(passage.message).toContain("busse-bmj-2025#rec-joint-rfa");
    const source = await readError("corpus://sources/nice-ng95");
    expect(source.code).toBe(ProtocolErrorCode.InvalidParams);
    expect(source.message).toContain('"nice-ng95"');
    expect(source.message).toContain("nice-ng59");
    const broken = await readError("corpus://sources/%E0%A4%A");
    expect(broken.code).toBe(ProtocolErrorCode.InvalidParams);
    expect(broken.message).toContain("not valid percent-encoding");
  });
});

describe("case fields resource", () => {
  it("is listed per family and explains every field with its facts", async () => {
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toContain("mnm://families/{id}/facts");
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toContain("mnm://families/si-joint/facts");
    const text = await readText("mnm://families/si-joint/facts");
    expect(text).toContain("an absent fact is unknown, never false");
    expect(text).toMatch(
      /`clinical\.painLocation` \(one of "si-joint-below-l5", [^)]*\): where the pain is: .*gluteal fold/,
    );
    expect(text).toMatch(
      /`clinical\.priorRFA\[\]\.durationMonths` \(number 0-240\): months the relief lasted.*Read as priorRfaReliefDurationMonths/,
    );
    expect(text).toMatch(
      /`clinical\.diagnosticBlocks\[\]\.reliefPercent` \(number 0-100, or \[number 0-100, number 0-100\]; required\)/,
    );
    expect(text).toMatch(/`request\.dateOfService` \(string YYYY-MM-DD\)/);
    expect(text).toMatch(/- lcdInvestigationalIndication: .*\(from the diagnosis codes\)/);
  });

  it("refuses an unknown family, naming the known ones", async () => {
    const error = await readError("mnm://families/knee/facts");
    expect(error.message).toContain('the unknown family "knee"; families: si-joint');
    const long = await readError(`mnm://families/${"x".repeat(5000)}/facts`);
    expect(long.message.length).toBeLessThan(300);
  });
});
