import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shippedKnowledge } from "../../support/knowledge.js";
import { MAX_SHORT_WORDS, matchQuote } from "../../../src/verify/quote-matching.js";
import { tokenize, wordCount } from "../../../src/verify/tokens.js";
import { verifyText } from "../../../src/verify/verify-text.js";
import { ROOT } from "../../support/clients.js";

const corpus = shippedKnowledge().corpus;
const passages = [...corpus.passages.values()];
const MIXED = readFileSync(join(ROOT, "test", "fixtures", "texts", "quotes-mixed.md"), "utf8");

describe("quotations with real, altered and invented words", () => {
  const v = verifyText(MIXED, shippedKnowledge());
  const byStart = (start: string) => {
    const q = v.quotes.find((x) => x.quote.startsWith(start));
    if (!q) throw new Error(`no quotation starting "${start}"`);
    return q;
  };

  it("finds every quotation outside code, and no apostrophes", () => {
    expect(v.quotes.map((q) => q.kind)).toEqual([
      "double-curly",
      "double-straight",
      "single-curly",
      "double-straight",
      "double-straight",
      "double-straight",
      "double-straight",
      "block",
    ]);
  });

  it("a real quotation is verbatim with its passage, citation and provenance", () => {
    const q = byStart("Young people and adults");
    expect(q.status).toBe("verbatim");
    expect(q.matches[0]).toMatchObject({ passageId: "nice-qs155#statement6", adjustments: [] });
    expect(q.matches[0]!.citation.provenance.seenAtKind).toBe("publisher");
    expect(corpus.passages.get("nice-qs155#statement6")!.text).toContain(q.matches[0]!.matchedText);
  });

  it("a real block quotation is verbatim; the attribution line is not part of it", () => {
    const q = byStart("Radiofrequency denervation of the sacroiliac joint");
    expect(q.status).toBe("verbatim");
    expect(q.matches[0]!.passageId).toBe("bcbsal-mp-558#rfa");
  });

  it("a full-sentence quotation with its own final full stop is verbatim with no adjustment", () => {
    const q = byStart("All or nearly all");
    expect(q.status).toBe("verbatim");
    expect(q.matches[0]!.adjustments).toEqual([]);
  });

  it("an altered quotation is a near-match whose word diff shows each change", () => {
    const q = byStart("should therefore never");
    expect(q.status).toBe("near-match");
    const m = q.matches[0]!;
    expect(m.passageId).toBe("busse-bmj-2025#infographic-values");
    expect(m.wordsIdentical).toBe(false);
    expect(m.matchedText).toBe("should therefore not be offered outside of a clinical trial");
    expect(m.diffText).toBe("should therefore [-not-]{+never+} be offered outside [-of-] a clinical trial");
    expect(v.summary.allQuotesVerified).toBe(false);
  });

  it("the same words with other dashes and punctuation are a near-match with identical words", () => {
    const q = byStart("joint targeted injection");
    expect(q.status).toBe("near-match");
    expect(q.matches[0]).toMatchObject({
      passageId: "busse-bmj-2025#rec-joint-injection",
      wordsIdentical: true,
      surfaceDifferences: ["dashes", "whitespace"],
    });
  });

  it("an elided quotation is a near-match with identical words and the elided words shown", () => {
    const q = byStart("For people living");
    expect(q.status).toBe("near-match");
    expect(q.matches[0]!.wordsIdentical).toBe(true);
    expect(q.matches[0]!.diffText).toContain("(…≥ 3 months…)");
    expect(q.matches[0]!.surfaceDifferences).toEqual(["elided words"]);
  });

  it("an invented quotation is not found", () => {
    const q = byStart("patients overwhelmingly prefer");
    expect(q.status).toBe("not-found");
    expect(q.matches).toEqual([]);
    expect(q.note).toMatch(/do not present these words as a quotation/);
  });

  it("a two-word scare quote is too short to check, not a failure", () => {
    expect(byStart("low value").status).toBe("too-short-to-check");
  });

  it("summary counts agree with the findings", () => {
    expect(v.summary).toMatchObject({
      quotations: 8,
      verbatim: 3,
      nearMatch: 3,
      notFound: 1,
      tooShortToCheck: 1,
    });
  });
});

describe("matchQuote properties", () => {
  const long = passages.filter((p) => tokenize(p.text).length >= 6);

  it("any run of three or more words cut from a passage at word boundaries is verbatim there", () => {
    fc.assert(
      fc.property(fc.constantFrom(...long), fc.nat(), fc.nat(), (passage, a, b) => {
        const tokens = tokenize(passage.text);
        const from = a % (tokens.length - 3);
        const to = from + 2 + (b % (tokens.length - from - 2));
        const quote = passage.text.slice(tokens[from]!.start, tokens[to]!.end);
        // Three tokens can hold fewer than three words ("of ≥ 75"): those are too short to check.
        fc.pre(wordCount(quote) > MAX_SHORT_WORDS);
        const result = matchQuote(quote, passages);
        expect(result.status).toBe("verbatim");
        expect(result.matches.map((m) => m.passageId)).toContain(passage.id);
        for (const m of result.matches)
          expect(corpus.passages.get(m.passageId)!.text).toContain(m.matchedText);
      }),
      { numRuns: 200, seed: 20250219 },
    );
  });

  it("changing the case of every letter never makes a verbatim match but keeps the same words", () => {
    fc.assert(
      fc.property(fc.constantFrom(...long), (passage) => {
        const upper = passage.text.toUpperCase();
        fc.pre(upper !== passage.text && upper.slice(1) !== passage.text.slice(1));
        const result = matchQuote(upper, passages);
        expect(result.status).toBe("near-match");
        const own = result.matches.find((m) => m.passageId === passage.id);
        expect(own?.wordsIdentical).toBe(true);
        expect(own?.surfaceDifferences).toContain("letter case");
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it("matched text is always a byte-exact substring of the named passage", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 80 }), fc.constantFrom(...long), (noise, passage) => {
        const quote = `${noise} ${passage.text.slice(0, 60)}`;
        for (const m of matchQuote(quote, passages).matches) {
          expect(corpus.passages.get(m.passageId)!.text.includes(m.matchedText)).toBe(true);
        }
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});
