import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dottedIcd, normalizeCode } from "../../../src/codes/code-shapes.js";
import { shippedKnowledge } from "../../support/knowledge.js";
import { lookupCode } from "../../../src/codes/lookup-code.js";

describe("normalizeCode", () => {
  it.each([
    [" m53.3 ", "M533", "icd"],
    ["M533", "M533", "icd"],
    ["s33.6xxa", "S336XXA", "icd"],
    ["QA0.0", "QA00", "icd"],
    ["J1100", "J1100", "hcpcs"],
    ["J11.00", "J1100", "icd"],
    ["64625", "64625", "cpt"],
    ["0213t", "0213T", "cpt"],
    ["rt", "RT", "modifier"],
    ["25", "25", "modifier"],
    ["M5", "M5", "modifier"],
    ["m", "M", "icd-short"],
    ["hello", "HELLO", "unknown"],
    ["M5.3.3", "M5.3.3", "unknown"],
    ["", "", "unknown"],
  ])("%j → %s (%s)", (input, bare, shape) => {
    expect(normalizeCode(input)).toEqual({ bare, shape });
  });

  it("puts the ICD-10-CM dot after the third character", () => {
    expect(dottedIcd("M47817")).toBe("M47.817");
    expect(dottedIcd("M53")).toBe("M53");
  });

  it("answers every spelling of a real code (case, dot, blanks) with the same result", () => {
    const data = shippedKnowledge().codes.get();
    const sample = Array.from({ length: Math.ceil(data.icd.size / 997) }, (_, k) => data.icd.code(k * 997));
    fc.assert(
      fc.property(
        fc.constantFrom(...sample),
        fc.boolean(),
        fc.boolean(),
        fc.nat(3),
        (bare, lower, dot, pad) => {
          let spelled = dot ? dottedIcd(bare) : bare;
          if (lower) spelled = spelled.toLowerCase();
          spelled = " ".repeat(pad) + spelled + " ".repeat(pad);
          const { input: _a, ...viaSpelling } = lookupCode(data, spelled);
          const { input: _b, ...canonical } = lookupCode(data, dottedIcd(bare));
          // Without a dot, a letter + 4 digits reads as HCPCS first; the ICD-10-CM reading is then offered.
          if (!dot && /^[A-Z]\d{4}$/.test(bare) && viaSpelling.system === "HCPCS") {
            expect(viaSpelling.alsoReadAs?.[0]?.code).toBe(dottedIcd(bare));
            return;
          }
          expect(viaSpelling).toEqual(canonical);
        },
      ),
      { numRuns: 300, seed: 20261001 },
    );
  });

  it("never throws and always names a reason when nothing is found, for any short string", () => {
    const data = shippedKnowledge().codes.get();
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), (input) => {
        const result = lookupCode(data, input);
        expect(result.input).toBe(input);
        if (!result.found) expect(result.reason).toBeTruthy();
        expect((result.suggestions ?? []).length).toBeLessThanOrEqual(5);
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
