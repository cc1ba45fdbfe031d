import { readFileSync } from "node:fs";
import type { Client } from "@modelcontextprotocol/client";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CiteGuidelineOutput } from "../../../src/corpus/cite-guideline-schema.js";
import { citationFor as cite } from "../../../src/corpus/store.js";
import { shippedKnowledge } from "../../support/knowledge.js";
import { UPSTREAM_FILES } from "../../../tools/upstream.js";
import { connectInMemory } from "../../support/clients.js";

interface SourceFilePassage {
  id: string;
  quote: string;
  seenAt: string;
  seenAtKind: string;
}
// The evidence source file the corpus is built from (data/upstream/evidence/).
const sourceFile = JSON.parse(readFileSync(UPSTREAM_FILES.evidence, "utf8")) as {
  id: string;
  passages: SourceFilePassage[];
}[];
const sourceQuotes = new Map(sourceFile.flatMap((s) => s.passages.map((p) => [p.id, p] as const)));

let client: Client;
beforeAll(async () => {
  client = await connectInMemory();
});
afterAll(async () => {
  await client.close();
});

/** Every quote in an answer is byte-exact from its stored passage and, for built evidence, the source file's quote. */
function checkQuotes(output: CiteGuidelineOutput): void {
  const corpus = shippedKnowledge().corpus;
  for (const r of output.results) {
    const stored = corpus.passages.get(r.passageId);
    expect(stored, r.passageId).toBeDefined();
    expect(Buffer.from(stored?.text ?? "").includes(Buffer.from(r.quote))).toBe(true);
    expect(r.quote.length).toBeGreaterThan(0);
    const original = sourceQuotes.get(r.passageId);
    if (original) expect(r.quote).toBe(original.quote);
  }
}

describe("quotes are verbatim", () => {
  it("every passage of the source file is in the corpus with its id and exact quote, and returned unchanged", async () => {
    const corpus = shippedKnowledge().corpus;
    expect(sourceQuotes.size).toBe(64);
    for (const [id, original] of sourceQuotes) {
      expect(corpus.passages.get(id)?.text).toBe(original.quote);
      expect(corpus.passages.get(id)?.provenance).toEqual({ seenAt: original.seenAt, seenAtKind: original.seenAtKind });
      const result = await client.callTool({ name: "citeGuideline", arguments: { passageId: id } });
      const output = result.structuredContent as CiteGuidelineOutput;
      expect(output.results[0]?.quote).toBe(original.quote);
    }
    for (const s of sourceFile) expect(corpus.sources.has(s.id)).toBe(true);
  });

  it("holds for any query a caller might send (property)", async () => {
    const vocabulary = [
      "sacroiliac", "SI", "joint", "RFA", "radiofrequency", "ablation", "denervation", "steroid", "injection",
      "block", "NSAID", "chronic", "axial", "pain", "Medicare", "covered", "guideline", "exercise", "cancer",
      "acute", "retract", "facet", "relief", "months", "dexamethasone", "glucocorticoid", "consensus", "…",
    ];
    const word = fc.oneof(fc.constantFrom(...vocabulary), fc.string({ minLength: 1, maxLength: 8 }));
    const query = fc
      .array(word, { minLength: 1, maxLength: 8 })
      .map((ws) => ws.join(" ").replace(/\p{Cc}/gu, "").trim())
      .filter((q) => q.length > 0 && q.length <= 500);
    await fc.assert(
      fc.asyncProperty(query, fc.integer({ min: 1, max: 20 }), async (q, limit) => {
        const result = await client.callTool({ name: "citeGuideline", arguments: { query: q, limit } });
        expect(result.isError).toBeFalsy();
        const output = result.structuredContent as CiteGuidelineOutput;
        expect(output.results.length).toBeLessThanOrEqual(limit);
        checkQuotes(output);
      }),
      { numRuns: 150, seed: 20250219 },
    );
  });

  it("holds for every source look-up", async () => {
    for (const sourceId of shippedKnowledge().corpus.sources.keys()) {
      const result = await client.callTool({ name: "citeGuideline", arguments: { sourceId, limit: 20 } });
      checkQuotes(result.structuredContent as CiteGuidelineOutput);
    }
  });
});

describe("whose words", () => {
  it("cites secondary passages as the third party's words, with a caution", () => {
    const corpus = shippedKnowledge().corpus;
    const secondary = [...corpus.passages.values()].filter((p) => p.provenance.seenAtKind === "secondary");
    // 23 from the evidence source file, and the coding newsletter's answer transcribed beside them.
    expect(secondary.length).toBe(24);
    for (const p of secondary) {
      const { provenance } = cite(shippedKnowledge().corpus, p.id);
      const host = new URL(p.provenance.seenAt).hostname.replace(/^www\./, "");
      expect(provenance.attribution).toMatch(new RegExp(`^(summary of .+ by|.+ as quoted by) ${host.replace(/\./g, "\\.")}`));
      expect(provenance.attribution).not.toContain("own words");
      expect(provenance.caution).toContain(`${host}'s words about the source`);
    }
  });

  it("flags unofficial copies and leaves publisher and repository text unflagged", () => {
    for (const p of shippedKnowledge().corpus.passages.values()) {
      const { provenance } = cite(shippedKnowledge().corpus, p.id);
      if (p.provenance.seenAtKind === "copy") {
        expect(provenance.attribution).toContain("own words");
        expect(provenance.caution).toMatch(/^seen on an unofficial copy \(.+\); re-check against the publisher/);
      }
      if (p.provenance.seenAtKind === "publisher" || p.provenance.seenAtKind === "repository") {
        expect(provenance.attribution).toContain("the source's own words");
        expect(provenance.caution).toBeUndefined();
      }
    }
  });

  it("citationFor accepts only byte-exact substrings", () => {
    const id = "busse-bmj-2025#rec-joint-rfa";
    expect(cite(shippedKnowledge().corpus, id, "strong recommendations against").quote).toBe("strong recommendations against");
    expect(() => cite(shippedKnowledge().corpus, id, "strong recommendation against")).toThrow(/not a verbatim substring/);
    expect(() => cite(shippedKnowledge().corpus, id, "")).toThrow(/empty quote/);
    expect(() => cite(shippedKnowledge().corpus, "busse-bmj-2025#nope")).toThrow(/unknown passage id/);
    // The known fabricated "quote" attributed to the BMJ is not in the corpus.
    const fabricated = "disinclined to receive interventional procedures with very low certainty of evidence for benefit";
    for (const p of shippedKnowledge().corpus.passages.values()) expect(p.text.includes(fabricated)).toBe(false);
  });
});
