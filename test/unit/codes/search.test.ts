import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { searchCodes } from "../../../src/codes/code-search.js";
import { shippedKnowledge } from "../../support/knowledge.js";
import { SearchIndex, queryWords, tokenize } from "../../../src/codes/search-index.js";

const data = shippedKnowledge().codes.get();

describe("tokenizer", () => {
  it("lower-cases, strips diacritics and possessives, splits on punctuation", () => {
    expect(tokenize("Behçet's disease (M35.2)")).toEqual(["behcet", "disease", "m35", "2"]);
    expect(queryWords("Pain of the the LOWER back")).toEqual(["pain", "lower", "back"]);
    expect(queryWords("of the")).toEqual(["of", "the"]);
  });
});

describe("ranking rules (small index)", () => {
  const texts = ["back pain", "pain in lower back", "lower backache", "pain", "lower back pain, chronic"];
  const codes = ["E", "D", "C", "B", "A"];
  const index = new SearchIndex(
    texts.length,
    (i) => texts[i] ?? "",
    (i) => codes[i] ?? "",
  );
  const order = (query: string) => index.search(queryWords(query), 10).hits.map((h) => texts[h.doc]);

  it("all words matched before some; whole words before prefixes; shorter first; then code", () => {
    expect(order("lower back")).toEqual([
      "pain in lower back",
      "lower back pain, chronic",
      "lower backache",
      "back pain",
    ]);
    expect(order("pain")).toEqual(["pain", "back pain", "pain in lower back", "lower back pain, chronic"]);
  });

  it("counts every doc matching at least one word", () => {
    expect(index.search(queryWords("back"), 1)).toMatchObject({ total: 4, hits: [{ matched: 1, exact: 1 }] });
  });
});

describe("search over the shipped code sets", () => {
  it("sacroiliitis finds M46.1 first", () => {
    const { matches } = searchCodes(data, "sacroiliitis", 10);
    expect(matches[0]).toMatchObject({ code: "M46.1", system: "ICD-10-CM", billable: true });
  });

  it("dexamethasone finds HCPCS J1100 among the matches", () => {
    const { matches } = searchCodes(data, "dexamethasone", 50);
    expect(matches.map((m) => m.code)).toContain("J1100");
    expect(matches.every((m) => m.description.toLowerCase().includes("dexamethasone"))).toBe(true);
  });

  it("results respect the documented order for any query, and repeat identically", () => {
    const words = [
      "sacroiliac",
      "joint",
      "pain",
      "injection",
      "lumbar",
      "spondylosis",
      "sprain",
      "steroid",
      "radiculopathy",
      "region",
    ];
    fc.assert(
      fc.property(
        fc.subarray(words, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 50 }),
        (picked, limit) => {
          const query = picked.join(" ");
          const first = searchCodes(data, query, limit);
          expect(searchCodes(data, query, limit)).toEqual(first);
          const m = first.matches;
          expect(m.length).toBeLessThanOrEqual(limit);
          for (let i = 1; i < m.length; i++) {
            const a = m[i - 1]!;
            const b = m[i]!;
            const key = (x: typeof a) => [-x.score, x.description.length] as const;
            const [sa, la] = key(a);
            const [sb, lb] = key(b);
            expect(sa < sb || (sa === sb && la <= lb), `${a.code} before ${b.code} for "${query}"`).toBe(
              true,
            );
          }
        },
      ),
      { numRuns: 60, seed: 42 },
    );
  });
});
