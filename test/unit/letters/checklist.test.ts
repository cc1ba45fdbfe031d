import { describe, expect, it } from "vitest";
import type { LetterContext } from "../../../src/letters/context-schema.js";
import { draftFor, fullContext, REFERENCE_CASE } from "../../support/letters.js";

const letterFor = (ctx: LetterContext) => draftFor(REFERENCE_CASE, ctx);
const statusOf = (ctx: LetterContext) =>
  Object.fromEntries(letterFor(ctx).checklist.map((c) => [c.id, c.status]));

function without(ctx: LetterContext, edit: (c: LetterContext) => void): LetterContext {
  const copy = structuredClone(ctx);
  edit(copy);
  return copy;
}

describe("the 14-element checklist", () => {
  it("a full commercial context has every element present, and 14 (CMS-10003) not applicable", () => {
    const letter = letterFor(fullContext("commercial-erisa"));
    expect(letter.checklist.map((c) => c.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(letter.checklist.filter((c) => c.status !== "present").map((c) => [c.id, c.status])).toEqual([
      [14, "not-applicable"],
    ]);
  });

  it("Medicare Advantage: element 14 is missing because the product cannot supply the CMS-10003 text, and says so", () => {
    const letter = letterFor(fullContext("medicare-advantage"));
    const item = letter.checklist.find((c) => c.id === 14);
    expect(item?.status).toBe("missing");
    expect(item?.reason).toContain("CMS-10003");
    expect(letter.markdown).toContain("must send this decision on the current CMS-10003 standard notice");
    expect(letter.checklist.filter((c) => c.status === "missing").map((c) => c.id)).toEqual([4, 14]);
  });

  it("Medicare Advantage on a non-Medicare policy: element 4 is missing and the letter cautions the reviewer", () => {
    const letter = letterFor(fullContext("medicare-advantage"));
    expect(letter.checklist.find((c) => c.id === 4)?.reason).toContain(
      "not on Medicare coverage rules (medicare-lcd)",
    );
    expect(letter.markdown).toContain("Re-evaluate with the medicare-lcd policy before deciding.");
  });

  it("a denial governed by the LCD's own words, seen on an unofficial copy, quotes them with that caution", () => {
    const input = {
      ...REFERENCE_CASE,
      request: { services: [{ code: "64625" }], diagnoses: ["M53.3"], policy: "medicare-lcd" as const },
    };
    const letter = draftFor(input, fullContext("medicare-advantage"));
    expect(letter.letterType).toBe("denial");
    expect(letter.citations.map((c) => c.passageId)).toEqual(["cms-lcd-l39455#rfa"]);
    const [lcd] = letter.citations;
    expect(lcd?.provenance.seenAtKind).toBe("copy");
    expect(letter.markdown).toContain(`“${lcd?.quote}”`);
    expect(letter.markdown).toContain(lcd?.provenance.caution);
    // The LCD text itself is quoted, so element 4 rests on the policy, not on a third party's summary.
    expect(letter.checklist.find((c) => c.id === 4)?.reason).not.toContain("third-party summary");
  });

  const removals: [string, (c: LetterContext) => void, number[], RegExp][] = [
    [
      "peer-to-peer contact",
      (c) => delete c.peerToPeer,
      [9],
      /no peer-to-peer phone and no peer-to-peer window/,
    ],
    ["peer-to-peer window", (c) => delete c.peerToPeer!.window, [9], /no peer-to-peer window in context/],
    ["reviewer", (c) => delete c.reviewer, [10], /no reviewer name; no reviewer credentials/],
    ["treating provider", (c) => delete c.provider, [1, 11], /treating provider/],
    ["language-assistance phone", (c) => delete c.languageAssistance, [12], /no language-assistance phone/],
    ["State AI-use answer", (c) => delete c.stateAiDisclosure, [13], /stateAiDisclosure/],
    ["plan provision", (c) => delete c.plan!.policyProvision, [4], /plan.policyProvision/],
    ["notice date", (c) => delete c.noticeDate, [1], /missing: date/],
    ["member", (c) => delete c.member, [1, 11], /member name/],
    [
      "plan contact and appeal address",
      (c) => {
        delete c.plan!.contact;
        delete c.plan!.appealAddress;
      },
      [6, 7, 8],
      /no (plan phone|appeal address)/,
    ],
  ];

  it.each(removals)(
    "removing the %s marks exactly those elements missing, with the reason",
    (_, edit, ids, reason) => {
      const full = statusOf(fullContext("commercial-erisa"));
      const letter = letterFor(without(fullContext("commercial-erisa"), edit));
      const missing = letter.checklist.filter((c) => c.status === "missing");
      expect(missing.map((c) => c.id)).toEqual(ids);
      for (const c of missing) expect(c.reason).toMatch(/^missing: /);
      expect(missing.map((c) => c.reason).join(" ")).toMatch(reason);
      for (const c of letter.checklist.filter((x) => !ids.includes(x.id))) expect(c.status).toBe(full[c.id]);
    },
  );

  it("a code without a plain-language explanation is marked in the letter and missing from element 1", () => {
    const input = {
      ...REFERENCE_CASE,
      request: { ...REFERENCE_CASE.request, diagnoses: [...REFERENCE_CASE.request.diagnoses, "M51.369"] },
    };
    const letter = draftFor(input, fullContext("commercial-erisa"));
    expect(letter.markdown).toContain("[plain-language explanation needed; code set description: ");
    expect(letter.checklist.find((c) => c.id === 1)?.reason).toBe(
      "missing: a plain-language explanation of code M51.369",
    );
  });

  it("a removed field leaves a bracketed placeholder in the letter, never an invented value", () => {
    const letter = letterFor(without(fullContext("commercial-erisa"), (c) => delete c.noticeDate));
    expect(letter.markdown).toContain("Date of this notice: [date]");
    const bare = letterFor({ regime: "commercial-erisa" });
    for (const p of [
      "[member name]",
      "[member ID]",
      "[reviewer name]",
      "[peer-to-peer phone]",
      "[language assistance phone]",
    ]) {
      expect(bare.markdown).toContain(p);
    }
  });

  it("stateAiDisclosure false makes element 13 not applicable; a State's wording is included verbatim", () => {
    expect(statusOf({ ...fullContext("commercial-erisa"), stateAiDisclosure: false })[13]).toBe(
      "not-applicable",
    );
    const wording = "Notice required by State law: this determination was reviewed by a licensed physician.";
    const letter = letterFor({ ...fullContext("commercial-erisa"), stateAiDisclosure: wording });
    expect(letter.checklist.find((c) => c.id === 13)?.status).toBe("present");
    expect(letter.markdown).toContain(wording);
  });

  it("Medicaid needs the State's appeal deadline; ACA individual needs a consumer assistance contact", () => {
    const medicaid = letterFor(without(fullContext("medicaid"), (c) => delete c.plan!.stateAppealDeadline));
    expect(medicaid.checklist.find((c) => c.id === 8)).toMatchObject({ status: "missing" });
    expect(medicaid.checklist.find((c) => c.id === 8)?.reason).toContain("stateAppealDeadline");
    expect(medicaid.markdown).toContain("[State appeal deadline]");
    expect(letterFor(fullContext("medicaid")).markdown).toContain("State fair hearing");
    const aca = letterFor(without(fullContext("aca-individual"), (c) => delete c.consumerAssistance));
    expect(aca.checklist.find((c) => c.id === 8)?.reason).toContain("consumer assistance");
    expect(letterFor(fullContext("aca-individual")).markdown).toContain("external review");
  });

  it("states each regime's appeal deadline and rights", () => {
    expect(letterFor(fullContext("medicare-advantage")).markdown).toContain("65 calendar days");
    expect(letterFor(fullContext("medicare-advantage")).markdown).toContain("72 hours");
    const erisa = letterFor(fullContext("commercial-erisa")).markdown;
    expect(erisa).toContain("180 days");
    expect(erisa).toContain("section 502(a)");
    expect(letterFor(fullContext("aca-individual")).markdown).toContain("180 days");
  });
});

describe("a letter never states a fact the request's own codes contradict", () => {
  it("an ankylosing spondylitis code with 'no inflammatory arthritis' stated: the letter says neither", () => {
    const input = {
      request: { services: [{ code: "27096" }], diagnoses: ["M45.7"] },
      clinical: {
        painDurationMonths: 12,
        painType: "axial",
        inflammatorySpondyloarthropathy: false,
        cancerRelated: false,
      },
    };
    const letter = draftFor(input, fullContext("commercial-erisa"));
    expect(letter.letterType).toBe("request-for-information");
    expect(letter.markdown).not.toContain("no inflammatory arthritis of the spine or sacroiliac joint");
    expect(letter.markdown).toContain("ankylosing spondylitis");
  });
});
