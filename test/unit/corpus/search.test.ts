import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { searchPassages } from "../../../src/corpus/search.js";
import { shippedKnowledge } from "../../support/knowledge.js";
import { analyse } from "../../../src/corpus/text-analysis.js";

describe("text analysis", () => {
  it("adds one concept token for each synonym group a text mentions", () => {
    const concepts = (text: string) => analyse(text).filter((t) => t.startsWith("~"));
    for (const text of ["RFA", "radiofrequency ablation", "radiofrequency denervation", "neurotomy", "RF ablation"]) {
      expect(concepts(text), text).toContain("~rfa");
    }
    for (const text of ["SI", "SIJ", "sacroiliac", "sacro-iliac"]) expect(concepts(text), text).toContain("~si");
    for (const text of ["steroid", "glucocorticoids", "corticosteroid", "dexamethasone"]) {
      expect(concepts(text), text).toContain("~steroid");
    }
    for (const text of ["injection", "blocks"]) expect(concepts(text), text).toContain("~injection");
    for (const text of ["NSAIDs", "non-steroidal anti-inflammatory drugs", "nonsteroidal anti-inflammatory"]) {
      expect(concepts(text), text).toContain("~nsaid");
    }
    expect(concepts("non-steroidal anti-inflammatory drugs")).not.toContain("~steroid");
    expect(concepts("low back pain")).toContain("~lbp");
  });

  it("drops stop words, so a question of only stop words has no terms", () => {
    expect(analyse("What is the")).toEqual([]);
    expect(searchPassages(shippedKnowledge().corpus, "What is the")).toEqual([]);
  });
});

describe("ranking", () => {
  it("orders by score, then passage id, for any query (property)", () => {
    const corpus = shippedKnowledge().corpus;
    const words = ["sacroiliac", "RFA", "steroid", "block", "pain", "chronic", "covered", "guideline", "months", "relief"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 5 }), (ws) => {
        const hits = searchPassages(corpus, ws.join(" "));
        for (let i = 1; i < hits.length; i++) {
          const a = hits[i - 1];
          const b = hits[i];
          if (!a || !b) continue;
          expect(a.score > b.score || (a.score === b.score && a.passage.id < b.passage.id)).toBe(true);
        }
        expect(searchPassages(corpus, ws.join(" "))).toEqual(hits);
      }),
      { numRuns: 60, seed: 3 },
    );
  });
});
