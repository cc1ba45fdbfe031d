import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REGIMES } from "../../../src/letters/letter-data-schema.js";
import type { LetterContext } from "../../../src/letters/context-schema.js";
import { verifyText as verify } from "../../../src/verify/verify-text.js";
import { ROOT } from "../../support/clients.js";
import { draftLetter, LetterError } from "../../../src/letters/draft-letter.js";
import { evaluateCase as evaluate, parseCase, review, shippedKnowledge } from "../../support/knowledge.js";
import { draftFor, fullContext, REFERENCE_CASE } from "../../support/letters.js";
import { readability } from "../../support/readability.js";

const verifyText = (text: string) => verify(text, shippedKnowledge());

interface Variant {
  name: string;
  input: unknown;
  expect: { isError?: boolean };
}

// The policy engine's variant cases (test/unit/engine/variants.json): every valid one becomes a letter here.
const variants = (
  JSON.parse(readFileSync(join(ROOT, "test", "unit", "engine", "variants.json"), "utf8")) as {
    variants: Variant[];
  }
).variants
  .filter((v) => !v.expect.isError)
  .map((v) => ({ name: v.name, input: parseCase(v.input) }));

const DENIAL_WORDS = /not approved\*\* \(denied\)|Notice of denial|How to appeal/;

describe("letter type follows the determination", () => {
  it("the variants cover every determination", () => {
    const seen = new Set(variants.map((v) => evaluate(v.input).determination));
    expect([...seen].sort()).toEqual([
      "insufficient-information",
      "medically-necessary",
      "not-applicable",
      "not-medically-necessary",
    ]);
  });

  it.each(variants.map((v) => [v.name, v.input] as const))(
    "%s: the right letter type, every quotation verbatim",
    (_, input) => {
      const ev = evaluate(input);
      // The reviewer rationale of every variant: every quotation verified (it throws otherwise).
      const full = draftFor(input, fullContext("commercial-erisa"), "full");
      expect(full.rationale?.verification.allQuotesVerified).toBe(true);
      expect(readability(full.markdown).grade).toBeLessThanOrEqual(8);
      for (const regime of REGIMES) {
        const letter = draftFor(input, fullContext(regime));
        const expected = {
          "not-medically-necessary": "denial",
          "medically-necessary": "approval",
          "insufficient-information": "request-for-information",
          "not-applicable": "not-applicable",
        }[ev.determination];
        expect(letter.letterType).toBe(expected);
        expect(letter.status).toBe("draft-requires-clinician-review");
        if (letter.letterType !== "denial") expect(letter.markdown).not.toMatch(DENIAL_WORDS);
        else expect(letter.markdown).toMatch(DENIAL_WORDS);
        // The AI-use disclosure never claims a decision a letter does not make.
        const decided = letter.letterType === "denial" || letter.letterType === "approval";
        expect(letter.markdown.includes("reviewed your records and made the decision")).toBe(decided);
        expect(letter.markdown.includes("No decision has been made yet")).toBe(!decided);
        // Independent re-check of the returned markdown: every quotation is byte-exact in the corpus.
        const v = verifyText(letter.markdown);
        expect(
          v.quotes.every(
            (q) => q.status === "verbatim" && q.matches.every((m) => m.adjustments.length === 0),
          ),
        ).toBe(true);
        expect(v.quotes.length).toBe(letter.quotes.length);
        expect(v.metadataIssues.filter((i) => i.kind !== "unknown-source")).toEqual([]);
        expect(letter.checklist.map((c) => c.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
      }
    },
  );

  it("an approval or request for information never offers denial-only elements (appeal rights are not applicable)", () => {
    for (const { input } of variants) {
      const ev = evaluate(input);
      if (ev.determination === "not-medically-necessary") continue;
      const letter = draftFor(input, fullContext("medicare-advantage"));
      expect(letter.checklist.find((c) => c.id === 8)?.status).toBe("not-applicable");
      expect(letter.checklist.find((c) => c.id === 14)?.status).toBe("not-applicable");
    }
  });
});

describe("tampering and determinism", () => {
  it("returns no letter when a quotation it would print is not verbatim in the corpus", () => {
    const reviewed = review(REFERENCE_CASE);
    const tampered = structuredClone(reviewed.evaluation);
    const quoted = tampered.governingEvidence.find((g) => g.passageId === "busse-bmj-2025#rec-joint-rfa")!;
    quoted.quote = quoted.quote.replace("ablation", "abrasion");
    let error: unknown;
    try {
      draftLetter(shippedKnowledge(), { ...reviewed, evaluation: tampered }, fullContext("commercial-erisa"));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LetterError);
    expect((error as LetterError).code).toBe("quotation-not-verbatim");
    expect((error as LetterError).message).toMatch(/not verbatim in the corpus/);
  });

  it("any subset of the context drafts a letter deterministically, with 14 checklist items and verified quotes", () => {
    const optional = [
      "noticeDate",
      "requestReceived",
      "member",
      "provider",
      "plan",
      "reviewer",
      "peerToPeer",
      "languageAssistance",
      "consumerAssistance",
      "stateAiDisclosure",
    ] as const;
    fc.assert(
      fc.property(fc.constantFrom(...REGIMES), fc.subarray([...optional]), (regime, dropped) => {
        const ctx: LetterContext = fullContext(regime);
        for (const key of dropped) delete ctx[key];
        const a = draftFor(REFERENCE_CASE, ctx);
        const b = draftFor(REFERENCE_CASE, structuredClone(ctx));
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        expect(a.checklist).toHaveLength(14);
        expect(a.verification.allQuotesVerified).toBe(true);
        const missing = a.checklist.filter((c) => c.status === "missing").length;
        if (dropped.length === 0 && regime !== "medicare-advantage") expect(missing).toBe(0);
      }),
      { numRuns: 40, seed: 42 },
    );
  });
});
