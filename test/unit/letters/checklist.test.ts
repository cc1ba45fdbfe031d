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
  it("a full commercial context has every element present, each at a section of the letter, and 14 not applicable", () => {
    const letter = letterFor(fullContext("commercial-erisa"));
    expect(letter.checklist.map((c) => c.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(letter.checklist.filter((c) => c.status !== "present").map((c) => [c.id, c.status])).toEqual([
      [14, "not-applicable"],
    ]);
    const ids = new Set(letter.sections.map((s) => s.id));
    for (const c of letter.checklist) {
      if (c.status === "not-applicable") expect(c.note).toBeTruthy();
      else expect(ids.has(c.where ?? "")).toBe(true);
    }
  });

  it("Medicare Advantage: element 14 is missing (the CMS-10003 text is not stored) and 4 names the coverage-rule problem, outside the member letter", () => {
    const letter = letterFor(fullContext("medicare-advantage"));
    expect(letter.checklist.find((c) => c.id === 14)).toMatchObject({ status: "missing" });
    expect(letter.checklist.find((c) => c.id === 14)?.note).toContain("CMS-10003");
    expect(letter.checklist.find((c) => c.id === 4)?.note).toContain("review again with medicare-lcd");
    expect(letter.checklist.filter((c) => c.status === "missing").map((c) => c.id)).toEqual([4, 14]);
    expect(letter.markdown).not.toMatch(/caution|re-evaluate|medicare-lcd/i);
  });

  it("a denial governed by the LCD's own words quotes them once, verified", () => {
    const input = {
      ...REFERENCE_CASE,
      request: { services: [{ code: "64625" }], diagnoses: ["M53.3"], policy: "medicare-lcd" as const },
    };
    const letter = draftFor(input, fullContext("medicare-advantage"));
    expect(letter.letterType).toBe("denial");
    expect(letter.quotes.map((c) => c.passageId)).toEqual(["cms-lcd-l39455#rfa"]);
    expect(letter.verification.allQuotesVerified).toBe(true);
    expect(letter.checklist.find((c) => c.id === 4)?.note ?? "").not.toContain("third party");
  });

  const removals: [string, (c: LetterContext) => void, number[], RegExp][] = [
    [
      "peer-to-peer contact",
      (c) => delete c.peerToPeer,
      [9],
      /blank: peer-to-peer phone; blank: when to call/,
    ],
    ["peer-to-peer window", (c) => delete c.peerToPeer!.window, [9], /blank: when to call/],
    ["reviewer", (c) => delete c.reviewer, [10], /blank: reviewer name; blank: reviewer credentials/],
    ["treating provider", (c) => delete c.provider, [11], /doctor who asked for this care/],
    ["language-assistance phone", (c) => delete c.languageAssistance, [12], /language help phone/],
    ["State AI-use answer", (c) => delete c.stateAiDisclosure, [13], /stateAiDisclosure/],
    ["plan provision", (c) => delete c.plan!.policyProvision, [4], /plan document and section/],
    ["notice date", (c) => delete c.noticeDate, [1], /blank: date of this letter/],
    ["member", (c) => delete c.member, [1, 11], /member/],
    [
      "plan contact and appeal address",
      (c) => {
        delete c.plan!.contact;
        delete c.plan!.appealAddress;
      },
      [6, 8],
      /plan phone or address|appeal address/,
    ],
  ];

  it.each(removals)(
    "removing the %s marks exactly those elements missing, each blank listed",
    (_, edit, ids, reason) => {
      const full = statusOf(fullContext("commercial-erisa"));
      const letter = letterFor(without(fullContext("commercial-erisa"), edit));
      const missing = letter.checklist.filter((c) => c.status === "missing");
      expect(missing.map((c) => c.id)).toEqual(ids);
      expect(missing.map((c) => c.note).join(" ")).toMatch(reason);
      for (const c of letter.checklist.filter((x) => !ids.includes(x.id))) expect(c.status).toBe(full[c.id]);
      const blanks = letter.markdown.match(/\[FILL IN: [^\]]+\]/g) ?? [];
      const listed = missing
        .flatMap((c) => (c.note ?? "").split("; "))
        .filter((n) => n.startsWith("blank: "));
      expect(blanks.map((b) => b.slice(10, -1)).sort()).toEqual(listed.map((l) => l.slice(7)).sort());
    },
  );

  it("a code with no wording of ours is explained from its group or the code set, and element 1 asks to check it", () => {
    const input = {
      ...REFERENCE_CASE,
      request: {
        ...REFERENCE_CASE.request,
        diagnoses: [...REFERENCE_CASE.request.diagnoses, "M51.369", "R52"],
      },
    };
    const letter = draftFor(input, fullContext("commercial-erisa"));
    expect(letter.markdown).toContain("M51.369: wear and tear of a disc in the lower back.");
    expect(letter.markdown).not.toContain("explanation needed");
    expect(letter.checklist.find((c) => c.id === 1)?.note).toContain(
      "R52 is explained from the code set's description",
    );
  });

  it("a removed field leaves a marked blank, never an invented value", () => {
    const bare = letterFor({ regime: "commercial-erisa" });
    for (const p of [
      "member name",
      "member ID",
      "reviewer name",
      "peer-to-peer phone",
      "language help phone",
    ]) {
      expect(bare.markdown).toContain(`[FILL IN: ${p}]`);
    }
  });

  it("stateAiDisclosure false keeps the general note; a State's wording is included", () => {
    expect(statusOf({ ...fullContext("commercial-erisa"), stateAiDisclosure: false })[13]).toBe("present");
    const wording = "Notice required by State law: this determination was reviewed by a licensed physician.";
    const letter = letterFor({ ...fullContext("commercial-erisa"), stateAiDisclosure: wording });
    expect(letter.checklist.find((c) => c.id === 13)?.status).toBe("present");
    expect(letter.markdown).toContain(wording);
  });
});

describe("regime facts, with their sources", () => {
  it("Medicaid: 60 days (42 CFR 438.402(c)(2)(ii)) and the State fair hearing, with no State field needed", () => {
    const full = draftFor(REFERENCE_CASE, fullContext("medicaid"), "full");
    expect(full.markdown).toContain("You must ask within 60 days of the date on this letter.");
    expect(full.markdown).toContain("State fair hearing");
    expect(full.checklist.find((c) => c.id === 8)?.status).toBe("present");
    expect(full.rationale?.markdown).toContain("(42 CFR 438.402(c)(2)(ii))");
  });

  it("Medicare Advantage: 65 days and the fast (expedited) appeal", () => {
    const md = letterFor(fullContext("medicare-advantage")).markdown;
    expect(md).toContain("within 65 days");
    expect(md).toContain("fast appeal");
    expect(md).toContain("72 hours");
  });

  it("ERISA: 180 days, the civil action, external review for non-grandfathered plans, and the consumer-assistance contact when given", () => {
    const md = letterFor(fullContext("commercial-erisa")).markdown;
    expect(md).toContain("within 180 days");
    expect(md).toContain("section 502(a)");
    expect(md).toContain("not grandfathered");
    expect(md).toContain("the State Consumer Assistance Program at 1-800-555-0122");
    const none = letterFor(without(fullContext("commercial-erisa"), (c) => delete c.consumerAssistance));
    expect(none.checklist.find((c) => c.id === 8)?.status).toBe("present");
  });

  it("ACA individual: a consumer-assistance contact is required (a marked blank when absent) and external review is offered", () => {
    const aca = letterFor(without(fullContext("aca-individual"), (c) => delete c.consumerAssistance));
    expect(aca.checklist.find((c) => c.id === 8)?.note).toContain("State consumer help program");
    expect(letterFor(fullContext("aca-individual")).markdown).toContain("outside review");
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
