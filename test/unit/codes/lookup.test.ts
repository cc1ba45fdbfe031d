import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCodeData, loadCodeSets } from "../../../src/codes/load-code-data.js";
import { CORPUS_DIR, shippedKnowledge } from "../../support/knowledge.js";
import { lookupCode } from "../../../src/codes/lookup-code.js";
import { lookupCodes } from "../../../src/codes/lookup-codes.js";
import { LookupCodesOutputSchema } from "../../../src/codes/lookup-result-schema.js";

const codes = shippedKnowledge().codes;
const data = codes.get();
const one = (code: string) => lookupCode(data, code);

describe("ICD-10-CM lookups", () => {
  it("M53.3: billable, with chapter, block, parent and the block's Excludes1", () => {
    const r = one("M53.3");
    expect(r).toMatchObject({
      code: "M53.3",
      system: "ICD-10-CM",
      found: true,
      billable: true,
      description: "Sacrococcygeal disorders, not elsewhere classified",
      release: "ICD-10-CM FY2026",
      chapter: { number: 13, range: "M00-M99" },
      block: {
        range: "M50-M54",
        title: "Other dorsopathies (M50-M54)",
        within: [{ range: "M40-M54", title: "Dorsopathies (M40-M54)" }],
      },
      parent: {
        code: "M53",
        billable: false,
        description: "Other and unspecified dorsopathies, not elsewhere classified",
      },
      notesComplete: true,
    });
    expect(r.excludes1).toContainEqual({ text: "discitis NOS (M46.4-)", from: "M50-M54" });
    expect(r.notes).toContainEqual({ kind: "inclusionTerm", text: "Coccygodynia", from: "M53.3" });
    expect(r.children).toBeUndefined();
  });

  it("M47.81: a header, not billable, listing its billable children including M47.817", () => {
    const r = one("m4781");
    expect(r).toMatchObject({
      code: "M47.81",
      found: true,
      billable: false,
      childrenTotal: 9,
      parent: { code: "M47.8" },
    });
    expect(r.children?.map((c) => c.code)).toContain("M47.817");
    expect(r.children?.every((c) => c.billable)).toBe(true);
    expect(r.reason).toMatch(/header/);
  });

  it("caps a large header's children at 50 and gives the total", () => {
    const r = one("S72");
    expect(r.children).toHaveLength(50);
    expect(r.childrenTotal).toBeGreaterThan(1000);
  });

  it("S33.6XXA: 7th-character code, notes inherited from S33, block notes not available", () => {
    const r = one("S33.6XXA");
    expect(r).toMatchObject({
      found: true,
      billable: true,
      parent: { code: "S33.6" },
      chapter: { number: 19 },
      notesComplete: false,
    });
    expect(r.excludes2).toContainEqual({
      text: "strain of muscle of lower back and pelvis (S39.01-)",
      from: "S33",
    });
    expect(r.notes).toContainEqual({ kind: "sevenChrDef", text: "A: initial encounter", from: "S33" });
  });

  it("places letter-suffix categories in their blocks (C4A, Z3A)", () => {
    expect(one("C4A").block?.range).toBe("C43-C44");
    expect(one("Z3A").block?.range).toBe("Z30-Z39");
  });

  it("a code outside the notes excerpt says its notes are not available in full", () => {
    const r = one("E11.9");
    expect(r).toMatchObject({ found: true, notesComplete: false });
    expect(r.excludes1).toBeUndefined();
  });
});

describe("codes that are not found", () => {
  it("M53.39 → suggestions starting with the nearest existing ancestor M53.3", () => {
    const r = one("M53.39");
    expect(r).toMatchObject({ code: "M53.39", system: "ICD-10-CM", found: false });
    expect(r).not.toHaveProperty("billable");
    expect(r).not.toHaveProperty("description");
    expect(r.suggestions?.[0]).toMatchObject({ code: "M53.3", why: "nearest existing ancestor" });
    expect(r.suggestions?.length).toBeLessThanOrEqual(5);
  });

  it("a transposed code suggests the intended one", () => {
    expect(one("M47.871").suggestions?.map((s) => s.code)).toContain("M47.817");
  });

  it("suggestions are real codes and deterministic", () => {
    const first = one("Q99.99");
    expect(one("Q99.99")).toEqual(first);
    for (const s of first.suggestions ?? []) expect(one(s.code).found).toBe(true);
  });

  it("J1111 is not in the 2020 HCPCS file: reported as such, never as invalid", () => {
    expect(data.hcpcs.procedures.has("J1111")).toBe(false);
    const r = one("J1111");
    expect(r).toMatchObject({ system: "HCPCS", found: false, release: "HCPCS Level II 2020" });
    expect(r.reason).toMatch(/^not in the 2020 HCPCS file/);
    expect(r.reason).not.toMatch(/\binvalid code\b/);
    expect(r.suggestions?.map((s) => s.code)).toContain("J1110");
  });

  it("unknown shapes and too-short codes get a reason", () => {
    expect(one("hello")).toMatchObject({ code: "HELLO", found: false });
    expect(one("hello")).not.toHaveProperty("system");
    expect(one("hello")).not.toHaveProperty("release");
    expect(one("hello").reason).toMatch(/not the shape of a supported code/);
    const m5 = one("M5");
    expect(m5).toMatchObject({ system: "ICD-10-CM", found: false });
    expect(m5.reason).toMatch(/too short/);
    expect(m5.suggestions?.map((s) => s.code)).toContain("M54");
  });
});

describe("HCPCS and CPT", () => {
  it("J1100 with its CMS text, dates, and the ICD-10-CM reading J11.00", () => {
    expect(one("J1100")).toMatchObject({
      system: "HCPCS",
      found: true,
      billable: true,
      kind: "procedure",
      description: "Injection, dexamethasone sodium phosphate, 1 mg",
      shortDescription: "Dexamethasone sodium phos",
      addedDate: "1982-01-01",
      alsoReadAs: [{ code: "J11.00", system: "ICD-10-CM" }],
    });
  });

  it("G0260: CMS text plus our plain-language note, marked as ours", () => {
    const r = one("G0260");
    expect(r.description).toBe(
      "Injection procedure for sacroiliac joint; provision of anesthetic, steroid and/or other therapeutic agent, with or without arthrography",
    );
    expect(r.descriptionSource).toBe("release-verbatim");
    expect(r.plainLanguage).toMatch(/^The HCPCS code for a sacroiliac joint injection billed by a hospital/);
  });

  it("C9752 is in the 2020 file; a terminated code reports its termination date and is not billable", () => {
    expect(one("C9752")).toMatchObject({ found: true, billable: true });
    const terminated = [...data.hcpcs.procedures.values()].find((e) => e.terminationDate !== null);
    const r = one(terminated?.code ?? "");
    expect(r).toMatchObject({ found: true, billable: false, terminationDate: terminated?.terminationDate });
    expect(r.reason).toMatch(/is its last date of service; not billable for services after it/);
  });

  it("a termination date is the code's last date of service: billable up to it, not after (J1060, 2014-12-31)", () => {
    // In the 2020 file every terminated code's action takes effect the day after its termination date.
    for (const e of data.hcpcs.procedures.values()) {
      if (e.terminationDate === null) continue;
      const next = new Date(`${e.terminationDate}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      expect(e.effectiveDate, e.code).toBe(next.toISOString().slice(0, 10));
    }
    expect(lookupCode(data, "J1060", "2014-12-31")).toMatchObject({
      billable: true,
      terminationDate: "2014-12-31",
    });
    expect(lookupCode(data, "J1060", "2014-12-31").reason).toContain("after the date of service 2014-12-31");
    expect(lookupCode(data, "J1060", "2015-01-01")).toMatchObject({ billable: false });
  });

  it("modifiers are found and not asserted billable", () => {
    expect(one("rt")).toMatchObject({ code: "RT", system: "HCPCS", kind: "modifier", found: true });
    expect(one("rt")).not.toHaveProperty("billable");
  });

  it("every CPT code the product evaluates has our own description; others are not described", () => {
    const evaluated = [
      "64625",
      "27096",
      "64451",
      "27279",
      "64635",
      "64636",
      "64490",
      "64491",
      "64492",
      "64493",
      "64494",
      "64495",
      "62321",
      "62323",
      "77003",
      "77012",
    ];
    for (const code of evaluated) {
      const r = one(code);
      expect(r, code).toMatchObject({
        system: "CPT",
        found: true,
        descriptionSource: "project-summary",
        release: "project CPT summaries v1",
      });
      expect(r, code).not.toHaveProperty("billable");
    }
    const other = one("99213");
    expect(other).toMatchObject({ system: "CPT", found: false });
    expect(other).not.toHaveProperty("description");
    expect(other.reason).toMatch(/^not described: .*American Medical Association/);
    expect(data.cpt.codes.map((c) => c.code).sort()).toEqual([...evaluated].sort());
  });
});

describe("lookupCodes", () => {
  it("answers duplicates once each, in input order, and validates against the output schema", () => {
    const out = lookupCodes(codes, { codes: ["M53.3", "m533", "64625", "M53.3", "J1100"] });
    expect(out.results.map((r) => r.input)).toEqual(["M53.3", "64625", "J1100"]);
    expect(LookupCodesOutputSchema.safeParse(out).success).toBe(true);
  });

  it("is deterministic: the same request gives byte-identical output", () => {
    const request = { codes: ["M47.81", "M53.39", "J1111", "hello"], query: "sacroiliac joint", limit: 20 };
    expect(JSON.stringify(lookupCodes(codes, request))).toBe(JSON.stringify(lookupCodes(codes, request)));
  });
});

describe("results are pure functions of the input and the data", () => {
  const inputs = [
    "M53.3",
    "m47.81",
    "S33.6XXA",
    "J1100",
    "G0260",
    "64625",
    "99213",
    "J1111",
    "M53.39",
    "rt",
    "hello",
  ];

  it("the same input gives the same result as a fresh build from a separate load", () => {
    const fresh = loadCodeData(join(CORPUS_DIR, "codes"));
    for (const input of inputs)
      expect(JSON.stringify(lookupCode(fresh, input)), input).toBe(JSON.stringify(one(input)));
  });

  it("codes of different systems with the same characters are kept apart (J1100 and J11.00)", () => {
    const out = lookupCodes(codes, { codes: ["J1100", "J11.00", "j1100", "j11.00"] });
    expect(out.results.map((r) => [r.input, r.system, r.code])).toEqual([
      ["J1100", "HCPCS", "J1100"],
      ["J11.00", "ICD-10-CM", "J11.00"],
    ]);
  });

  it("the answer is the same on a second call and from a fresh load", () => {
    const request = { codes: inputs, query: "sacroiliac joint", limit: 5 };
    const warm = JSON.stringify(lookupCodes(codes, request));
    expect(JSON.stringify(lookupCodes(codes, request))).toBe(warm);
    expect(JSON.stringify(lookupCodes(loadCodeSets(join(CORPUS_DIR, "codes")), request))).toBe(warm);
  });
});
