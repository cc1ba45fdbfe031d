import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shippedKnowledge } from "../../support/knowledge.js";
import { VerificationSchema } from "../../../src/verify/schema.js";
import { verifyText } from "../../../src/verify/verify-text.js";

const corpus = shippedKnowledge().corpus;
const PIECES = [
  '"',
  "“",
  "”",
  "‘",
  "’",
  "'",
  "> ",
  "\n",
  "\n\n",
  " ",
  ". ",
  "…",
  "[1]",
  " 1",
  "(Busse 2025)",
  "BMJ",
  "NICE",
  "2020 ",
  "guideline",
  "recommends",
  "against",
  "strong",
  "All or nearly all well-informed people",
  "```",
  "`",
  "#",
  "- ",
  "Spine Intervention Society",
  "10.1136/bmj-2024-080356",
  "é",
  "≥3",
  "\u0000",
  "\uD83D\uDE00",
];

describe("verifyCitations never fails on odd text", () => {
  it("any mix of quote marks, markers, names and control characters gives a schema-valid result", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }), (parts) => {
        const text = parts.join("");
        const v = verifyText(text, shippedKnowledge());
        expect(() => VerificationSchema.parse(v)).not.toThrow();
        for (const q of v.quotes) expect(q.offset).toBeLessThanOrEqual(text.length);
        expect(v.summary.quotations).toBe(v.quotes.length);
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it.each([
    ["a long run of capitalised words", "Aaa ".repeat(49_000)],
    ["many reference numbers in one sentence", "pain 1, and ".repeat(16_000)],
    ["an unmatched quotation mark per line", 'one " mark\n'.repeat(18_000)],
    ["a block quote of many lines", "> a line of a long block quote\n".repeat(6_000)],
  ])("handles %s within the 200 kB limit", (_, text) => {
    const v = verifyText(text.slice(0, 200_000), shippedKnowledge());
    expect(v.corpusVersion).toBe(corpus.version);
  });
});
