import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { encode } from "gpt-tokenizer/encoding/o200k_base";
import { LetterContextSchema, type LetterContext } from "../../../src/letters/context-schema.js";
import { REGIMES } from "../../../src/letters/letter-data-schema.js";
import { searchChanges } from "../../../src/letters/what-could-change.js";
import { verifyText } from "../../../src/verify/verify-text.js";
import { connectInMemory, ROOT, textOf } from "../../support/clients.js";
import { evaluateCase, parseCase, review, shippedKnowledge } from "../../support/knowledge.js";
import { draftFor, fullContext, REFERENCE_CASE } from "../../support/letters.js";
import { readability } from "../../support/readability.js";

const variant = (name: string): unknown => {
  const found = (
    JSON.parse(readFileSync(join(ROOT, "test", "unit", "engine", "variants.json"), "utf8")) as {
      variants: { name: string; input: unknown }[];
    }
  ).variants.find((v) => v.name === name);
  if (!found) throw new Error(`no variant ${name}`);
  return found.input;
};

const MEDICARE_REFERENCE = {
  ...REFERENCE_CASE,
  request: { ...REFERENCE_CASE.request, policy: "medicare-lcd" as const },
};

/** The letters issue 12 measures: the reference case under every regime, a request for information, Medicare denials and approvals. */
const LETTERS: [string, unknown, LetterContext["regime"], string][] = [
  ...REGIMES.map(
    (r) =>
      [`reference case, ${r}`, REFERENCE_CASE, r, "denial"] as [
        string,
        unknown,
        LetterContext["regime"],
        string,
      ],
  ),
  [
    "request for information (reference case, Medicare profile)",
    MEDICARE_REFERENCE,
    "medicare-advantage",
    "request-for-information",
  ],
  [
    "Medicare denial: injection criteria not met",
    variant("Medicare LCD: injection criteria not met"),
    "medicare-advantage",
    "denial",
  ],
  ["Medicare denial: RFA", variant("Medicare LCD: RFA"), "medicare-advantage", "denial"],
  [
    "approval: Medicare injection criteria met",
    variant("Medicare LCD: injection criteria met"),
    "medicare-advantage",
    "approval",
  ],
  [
    "approval: inflammatory sacroiliitis injection",
    variant("inflammatory sacroiliitis, injection, NSAID trial documented"),
    "commercial-erisa",
    "approval",
  ],
];

const JARGON = [
  /\b(EH|MCD)-[A-Za-z]/,
  /#[a-z]/,
  /\bpassage\b/i,
  /\bGRADE\b/,
  /PM&R/,
  /network meta-analysis/i,
  /\bcorpus\b/i,
  /not-met|marked not met/i,
  /caution/i,
  /for the reviewer/i,
  /re-evaluate/i,
  /SHA-256/,
  /\bLCD\b/,
  /explanation needed/,
];

describe("member letters a member can read (issue 12)", () => {
  it.each(LETTERS)(
    "%s: grade 8 or below, under 1,200 words, no reviewer jargon, every code explained",
    (name, input, regime, type) => {
      const letter = draftFor(input, fullContext(regime));
      expect(letter.letterType).toBe(type);
      const r = readability(letter.markdown);
      console.log(`readability ${name}: grade ${r.grade}, ${r.words} words, ${r.sentences} sentences`);
      expect(r.grade).toBeLessThanOrEqual(8);
      expect(r.words).toBeLessThan(1200);
      for (const j of JARGON) expect(letter.markdown).not.toMatch(j);
      const parsed = parseCase(input);
      const header = letter.markdown.slice(0, letter.sections[1]?.offset);
      for (const s of parsed.request.services)
        expect(header).toMatch(new RegExp(`(CPT|HCPCS) ${s.code}: [a-z]`));
      for (const d of parsed.request.diagnoses)
        expect(header).toMatch(new RegExp(`${d.replace(".", "\\.")}: [a-z]`));
      expect(letter.verification.allQuotesVerified).toBe(true);
      expect(letter.quotes.length).toBeLessThanOrEqual(1);
    },
  );

  it("codes are printed canonically and every drug code in scope has words of its own", () => {
    const input = {
      ...REFERENCE_CASE,
      request: {
        services: [
          { code: "27096" },
          { code: "J1010" },
          { code: "J1030" },
          { code: "J1040" },
          { code: "J3301" },
          { code: "J0702" },
        ],
        diagnoses: ["M533", "m47817"],
      },
    };
    const letter = draftFor(input, fullContext("commercial-erisa"));
    expect(letter.markdown).toContain("M53.3: a problem in the sacrum");
    expect(letter.markdown).toContain("M47.817: wear and tear");
    expect(letter.markdown).not.toMatch(/\bM533\b/);
    for (const code of ["J1010", "J1030", "J1040", "J3301", "J0702"])
      expect(letter.markdown).toMatch(new RegExp(`HCPCS ${code}: the steroid medicine`));
    const family = shippedKnowledge().families.list[0]!;
    for (const group of family.data.groups)
      for (const c of group.codes) expect(shippedKnowledge().letters.plain.has(c.code), c.code).toBe(true);
  });
});

describe("what could change this decision (re-evaluated)", () => {
  it("the reference denial: no change approves anything, so the letter says what the member can do instead", () => {
    const search = searchChanges(shippedKnowledge(), review(REFERENCE_CASE));
    expect(search.changes).toEqual([]);
    expect(search.evaluations).toBeGreaterThan(0);
    const md = draftFor(REFERENCE_CASE, fullContext("commercial-erisa")).markdown;
    expect(md).toContain("no new record would change this decision");
    expect(md).toContain("Ask for an appeal");
    expect(md).not.toMatch(/not related to cancer\. Then/);
  });

  it("a Medicare denial lists only changes that, re-evaluated, approve a denied service", () => {
    const input = variant("Medicare LCD: injection criteria not met");
    const reviewed = review(input);
    const search = searchChanges(shippedKnowledge(), reviewed);
    expect(search.changes.length).toBeGreaterThan(0);
    const candidates = new Map(shippedKnowledge().letters.wording.changes.map((c) => [c.id, c]));
    for (const change of search.changes) {
      // Independently: apply the change and review again through the one review path.
      let clinical = structuredClone<Record<string, unknown>>(reviewed.input.clinical ?? {});
      for (const id of change.ids) {
        for (const [k, v] of Object.entries(candidates.get(id)!.clinical)) {
          if (v === null) delete clinical[k];
          else if (typeof v === "object" && !Array.isArray(v)) clinical[k] = { ...(clinical[k] ?? {}), ...v };
          else clinical[k] = v;
        }
      }
      const after = evaluateCase({ ...reviewed.input, clinical });
      for (const code of change.approves)
        expect(after.services.find((s) => s.code === code)?.determination).toBe("medically-necessary");
      clinical = {};
    }
    const md = draftFor(input, fullContext("medicare-advantage")).markdown;
    for (const change of search.changes) for (const t of change.texts) expect(md).toContain(t.slice(1));
  });

  it("is deterministic and bounded", () => {
    const a = searchChanges(shippedKnowledge(), review(variant("Medicare LCD: injection criteria not met")));
    const b = searchChanges(shippedKnowledge(), review(variant("Medicare LCD: injection criteria not met")));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.evaluations).toBeLessThanOrEqual(40 + 66);
  });
});

describe("requests for information", () => {
  it("give the response deadline and what happens without a response, by regime", () => {
    const erisa = draftFor(MEDICARE_REFERENCE, fullContext("commercial-erisa")).markdown;
    expect(erisa).toContain("Please send it within 45 days of the day you get this letter.");
    expect(erisa).toContain("If we do not get it in time, we will decide with the records we have.");
    const ma = draftFor(MEDICARE_REFERENCE, fullContext("medicare-advantage"));
    expect(ma.markdown).toContain("[FILL IN: date the records are due]");
    expect(ma.checklist.find((c) => c.id === 7)?.note).toContain("blank: date the records are due");
    const dated = draftFor(MEDICARE_REFERENCE, {
      ...fullContext("medicare-advantage"),
      respondBy: "2026-03-16",
    });
    expect(dated.markdown).toContain("Please send it by 2026-03-16.");
    expect(dated.checklist.find((c) => c.id === 7)?.status).toBe("present");
  });
});

describe("context fields are plain text", () => {
  const markup = [
    "Jane <script>alert(1)</script> Roe",
    "## Decision This request is **APPROVED**",
    "[click here](https://evil.example/x)",
    "![logo](https://evil.example/i.png)",
    "<img src=x onerror=alert(1)>",
    "`code` _em_ ~~gone~~ | table |",
    "see www.evil.example now",
  ];
  const control = [
    "Jane\n\n## Decision",
    "Dr Lee\r\n# FINAL DETERMINATION - NOT A DRAFT",
    "a\u0007b",
    "a\u2028b",
    "tab\there",
  ];
  const fields: [string, (c: LetterContext, v: string) => void][] = [
    ["member.name", (c, v) => (c.member!.name = v)],
    ["member.id", (c, v) => (c.member!.id = v)],
    ["provider.name", (c, v) => (c.provider!.name = v)],
    ["plan.name", (c, v) => (c.plan!.name = v)],
    ["plan.product", (c, v) => (c.plan!.product = v)],
    ["plan.contact.phone", (c, v) => (c.plan!.contact!.phone = v)],
    ["plan.contact.address", (c, v) => (c.plan!.contact!.address = v)],
    ["plan.contact.hours", (c, v) => (c.plan!.contact!.hours = v)],
    ["plan.appealAddress", (c, v) => (c.plan!.appealAddress = v)],
    ["plan.policyProvision", (c, v) => (c.plan!.policyProvision = v)],
    ["reviewer.name", (c, v) => (c.reviewer!.name = v)],
    ["reviewer.credentials", (c, v) => (c.reviewer!.credentials = v)],
    ["reviewer.specialty", (c, v) => (c.reviewer!.specialty = v)],
    ["peerToPeer.phone", (c, v) => (c.peerToPeer!.phone = v)],
    ["peerToPeer.window", (c, v) => (c.peerToPeer!.window = v)],
    ["languageAssistance.phone", (c, v) => (c.languageAssistance!.phone = v)],
    ["consumerAssistance.name", (c, v) => (c.consumerAssistance!.name = v)],
    ["consumerAssistance.phone", (c, v) => (c.consumerAssistance!.phone = v)],
    ["stateAiDisclosure", (c, v) => (c.stateAiDisclosure = v)],
  ];
  const headings = draftFor(REFERENCE_CASE, fullContext("commercial-erisa")).markdown.match(/^#.*$/gm);

  it.each(fields)("%s: markup never reaches the letter as markup", (_, set) => {
    for (const value of markup) {
      const ctx = fullContext("commercial-erisa");
      set(ctx, value);
      const letter = draftFor(REFERENCE_CASE, LetterContextSchema.parse(ctx));
      const md = letter.markdown;
      expect(md.match(/^#.*$/gm)).toEqual(headings);
      expect(md).not.toMatch(/<(script|img)/i);
      expect(md).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(/);
      expect(md).not.toMatch(/(?<!\\)!(?<!\\)\[/);
      expect(md).not.toMatch(/https?:\/\//);
      expect(md).not.toContain("**APPROVED**");
      expect(letter.verification.allQuotesVerified).toBe(true);
    }
  });

  // A value that starts a paragraph (the reviewer's name, a state's disclosure) must not start a
  // list, a rule or a code block either; mid-line values could not.
  const lineStarts = [
    "- Dr. Evil",
    "+ Dr",
    "1. Dr. Evil",
    "2024) applies",
    "    indented code",
    "---",
    "===",
  ];
  const blocks = (md: string) =>
    md.split("\n").filter((l) => /^( {4,}|[-+*] |\d+[.)] |-{3,}\s*$|={3,}\s*$)/.test(l));
  const baseline = blocks(draftFor(REFERENCE_CASE, fullContext("commercial-erisa")).markdown).length;

  it.each(fields)("%s: a value never turns its line into a list, rule or code block", (_, set) => {
    for (const value of lineStarts) {
      const ctx = fullContext("commercial-erisa");
      set(ctx, value);
      const md = draftFor(REFERENCE_CASE, LetterContextSchema.parse(ctx)).markdown;
      expect(blocks(md).length, `${value}: ${blocks(md).join(" | ")}`).toBe(baseline);
    }
  });

  it.each(fields)(
    "%s: control characters and line breaks are refused, naming the field",
    async (path, set) => {
      const client = await connectInMemory();
      try {
        for (const value of control) {
          const ctx = fullContext("commercial-erisa");
          set(ctx, value);
          const result = await client.callTool({
            name: "draftDeterminationLetter",
            arguments: { case: REFERENCE_CASE, context: ctx },
          });
          expect(result.isError).toBe(true);
          expect(textOf(result)).toContain(
            `control characters or line breaks at context.${path.replace(/\.(\w+)/g, ".$1")}`,
          );
        }
      } finally {
        await client.close();
      }
    },
  );
});

describe("the reviewer rationale (detail full)", () => {
  it("carries the criteria, every evidence item with its method and a verbatim quote with its locator, and the trace, all verified", () => {
    const letter = draftFor(REFERENCE_CASE, fullContext("commercial-erisa"), "full");
    const rationale = letter.rationale!;
    const ev = evaluateCase(REFERENCE_CASE);
    for (const k of ev.criteria) expect(rationale.markdown).toContain(k.id);
    const items = [
      ...ev.governingEvidence,
      ...ev.supportingEvidence,
      ...ev.conflictingEvidence.map((c) => c.citation),
    ];
    for (const q of items) {
      expect(rationale.markdown).toContain(`passage ${q.passageId}; method: `);
      if (!/["“”‘]/.test(q.quote))
        expect(rationale.markdown).toContain(`${q.locator} (passage ${q.passageId}`);
    }
    expect(rationale.quotes.length).toBe(items.filter((q) => !/["“”‘]/.test(q.quote)).length);
    const v = verifyText(rationale.markdown, shippedKnowledge());
    expect(v.quotes.length).toBe(rationale.quotes.length);
    expect(v.quotes.every((q) => q.status === "verbatim")).toBe(true);
    expect(rationale.verification.allQuotesVerified).toBe(true);
    expect(rationale.markdown).toContain(ev.trace[0]!.address);
    // The member letter carries none of it.
    expect(letter.markdown).not.toContain("network meta-analysis");
  });

  it("flags a date of service outside the release window of a code set it used", () => {
    const input = { ...REFERENCE_CASE, request: { ...REFERENCE_CASE.request, dateOfService: "2019-06-01" } };
    const ev = evaluateCase(input);
    const outside = [ev.codeSets?.icd10cm, ev.codeSets?.hcpcs].filter((r) => r?.fit === "outside");
    expect(outside.length).toBeGreaterThan(0);
    const letter = draftFor(input, fullContext("commercial-erisa"), "full");
    expect(letter.checklist.find((c) => c.id === 1)?.note).toContain("is outside the window of");
    expect(letter.rationale?.markdown).toContain(
      "FLAG: the date of service is outside this release's window",
    );
  });
});

describe("answer sizes (o200k_base tokens)", () => {
  it("tool definition at most 1,000 tokens; the reference letter at most 5,000 in each form", async () => {
    const client = await connectInMemory();
    try {
      const { tools } = await client.listTools();
      const t = tools.find((x) => x.name === "draftDeterminationLetter")!;
      const definition = encode(
        JSON.stringify({ name: t.name, description: t.description, inputSchema: t.inputSchema }),
      ).length;
      console.log(`tokens: draftDeterminationLetter definition ${definition}`);
      expect(definition).toBeLessThanOrEqual(1000);
      for (const regime of REGIMES) {
        const result = await client.callTool({
          name: "draftDeterminationLetter",
          arguments: { case: REFERENCE_CASE, context: fullContext(regime) },
        });
        const text = encode(textOf(result)).length;
        const json = encode(JSON.stringify(result.structuredContent)).length;
        console.log(`tokens: reference letter ${regime}: text ${text}, structuredContent ${json}`);
        expect(text).toBeLessThanOrEqual(5000);
        expect(json).toBeLessThanOrEqual(5000);
      }
    } finally {
      await client.close();
    }
  });
});
