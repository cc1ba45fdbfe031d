import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LookupCodesOutputSchema } from "../../src/codes/lookup-result-schema.js";
import type { CodeResult, LookupCodesOutput } from "../../src/codes/lookup-result-schema.js";
import { answerOf, connectInMemory, MAX_CHARS_META, textOf } from "../support/clients.js";
import { countTokens } from "gpt-tokenizer/encoding/o200k_base";
import { LookupFullSchema } from "../../src/codes/lookup-output-schema.js";
import { LookupSummarySchema } from "../../src/codes/lookup-summary-schema.js";
import type { LookupSummary } from "../../src/codes/lookup-summary-schema.js";

let client: Client;

beforeAll(async () => {
  client = await connectInMemory();
});

afterAll(async () => {
  await client.close();
});

async function call(args: Record<string, unknown>): Promise<{ out: LookupCodesOutput; text: string }> {
  // The full view (detail: "full") carries every fact these tests read; the summary has its own tests.
  const result = await client.callTool({ name: "lookupCodes", arguments: { detail: "full", ...args } });
  expect(result.isError, textOf(result)).toBeFalsy();
  const parsed = LookupCodesOutputSchema.safeParse(result.structuredContent);
  expect(parsed.success, parsed.error?.message).toBe(true);
  return { out: parsed.data as LookupCodesOutput, text: textOf(result) };
}

async function callError(args: unknown): Promise<string> {
  const result = await client.callTool({ name: "lookupCodes", arguments: args as Record<string, unknown> });
  expect(result.isError).toBe(true);
  return textOf(result);
}

function byInput(out: LookupCodesOutput, input: string): CodeResult {
  const r = out.results.find((x) => x.input === input);
  if (!r) throw new Error(`no result for ${input}`);
  return r;
}

describe("lookupCodes over MCP (in memory)", () => {
  it("is listed with annotations, input and output schemas", async () => {
    const { tools } = await client.listTools();
    const tool = tools.find((t) => t.name === "lookupCodes");
    expect(tool?.annotations).toMatchObject({
      readOnlyHint: true,
      idempotentHint: true,
      openWorldHint: false,
      destructiveHint: false,
    });
    expect(tool?.inputSchema.properties).toHaveProperty("codes");
    expect(tool?.inputSchema).toMatchObject({ additionalProperties: false });
    expect(JSON.stringify(tool?.outputSchema)).toContain('"results"');
    expect(JSON.stringify(tool?.outputSchema)).toContain('"codes"');
    expect(tool?.description).toMatch(/ICD-10-CM/);
  });

  it('lists a portable output schema: no nullable types (absent fields say "not asserted" instead)', async () => {
    const { tools } = await client.listTools();
    const schema = JSON.stringify(tools.find((t) => t.name === "lookupCodes")?.outputSchema);
    expect(schema).toContain('"descriptionSource"');
    expect(schema).not.toContain('"null"');
    expect(schema).not.toMatch(/"type":\[/);
  });

  it("answers the reference codes, with the same facts in the text block", async () => {
    const inputs = [
      "M53.3",
      "M47.817",
      "M47.81",
      "M46.1",
      "S33.6XXA",
      "J1100",
      "G0260",
      "64625",
      "99213",
      "C9752",
      "J1111",
      "Z99.999",
    ];
    const { out, text } = await call({ codes: inputs });
    expect(out.results.map((r) => r.input)).toEqual(inputs);
    expect(out.release.icd10cm.label).toBe("ICD-10-CM FY2026");
    expect(out.release.hcpcs).toMatchObject({ label: "HCPCS Level II 2020", fileDate: "2019-11-02" });
    expect(out.release.hcpcs.caveat).toMatch(/a code not in it is "not in the 2020 HCPCS file", not invalid/);
    expect(out.release.cpt.describedCodes).toContain("64625");
    expect(out.release.descriptionSources["project-summary"]).toMatch(/not the AMA CPT descriptor/);

    expect(byInput(out, "M53.3")).toMatchObject({
      found: true,
      billable: true,
      description: "Sacrococcygeal disorders, not elsewhere classified",
    });
    expect(byInput(out, "M47.817")).toMatchObject({
      found: true,
      billable: true,
      parent: { code: "M47.81" },
    });
    const header = byInput(out, "M47.81");
    expect(header).toMatchObject({ found: true, billable: false });
    expect(header.children?.map((c) => c.code)).toContain("M47.817");
    expect(byInput(out, "M46.1")).toMatchObject({
      found: true,
      billable: true,
      description: "Sacroiliitis, not elsewhere classified",
    });
    expect(byInput(out, "S33.6XXA")).toMatchObject({
      found: true,
      billable: true,
      description: "Sprain of sacroiliac joint, initial encounter",
    });
    expect(byInput(out, "J1100")).toMatchObject({
      system: "HCPCS",
      found: true,
      description: "Injection, dexamethasone sodium phosphate, 1 mg",
    });
    expect(byInput(out, "G0260").plainLanguage).toBeDefined();
    expect(byInput(out, "64625")).toMatchObject({
      system: "CPT",
      found: true,
      descriptionSource: "project-summary",
    });
    expect(byInput(out, "99213")).toMatchObject({
      system: "CPT",
      found: false,
      reason: expect.stringMatching(/^not described/) as string,
    });
    expect(byInput(out, "C9752")).toMatchObject({ system: "HCPCS", found: true });
    expect(byInput(out, "J1111")).toMatchObject({
      system: "HCPCS",
      found: false,
      reason: expect.stringMatching(/^not in the 2020 HCPCS file/) as string,
    });
    const madeUp = byInput(out, "Z99.999");
    expect(madeUp.found).toBe(false);
    expect(madeUp.suggestions?.[0]?.code).toBe("Z99");

    for (const r of out.results) {
      expect(text).toContain(`${r.input} -> ${r.code}`);
      if (r.description) expect(text).toContain(r.description);
      for (const s of r.suggestions ?? []) expect(text).toContain(s.code);
    }
    expect(text).toContain("M47.817 Spondylosis without myelopathy or radiculopathy, lumbosacral region");
    expect(text).toContain("not in the 2020 HCPCS file");
    expect(text).toContain(out.release.hcpcs.caveat);
  });

  it("chooses and names the releases for a dateOfService, flagging a date outside them, in both blocks", async () => {
    const { out, text } = await call({ codes: ["M53.3", "J1010", "J1030"], dateOfService: "2026-11-02" });
    expect(out.release).toMatchObject({
      dateOfService: "2026-11-02",
      icd10cm: { label: "ICD-10-CM FY2026", dateFit: "outside" },
      hcpcs: { label: "HCPCS Level II 2020", dateFit: "outside" },
    });
    expect(out.release.icd10cm.dateNote).toMatch(
      /^ICD-10-CM FY2026 was in force 2025-10-01 to 2026-09-30; the date of service 2026-11-02 is outside it: codes valid then may differ/,
    );
    for (const note of [out.release.icd10cm.dateNote, out.release.hcpcs.dateNote, out.release.hcpcs.updates])
      expect(text).toContain(note);
    expect(byInput(out, "J1010")).toMatchObject({
      found: true,
      release: "HCPCS updates after the 2020 file (project data)",
      update: { change: "added", replaces: ["J1020", "J1030", "J1040"], onDateOfService: "valid" },
    });
    expect(byInput(out, "J1030")).toMatchObject({
      billable: false,
      update: { change: "deleted", replacedBy: ["J1010"], onDateOfService: "deleted" },
    });
    expect(text).toContain("J1030 -> J1030 [HCPCS Level II 2020]: found, not billable");
    expect(text).toContain("reason: deleted on 2024-04-01 per the HCPCS updates file");

    const inside = await call({ codes: ["M53.3"], dateOfService: "2026-03-02" });
    expect(inside.out.release.icd10cm.dateFit).toBe("in-force");
    expect(inside.text).toContain(
      "ICD-10-CM FY2026 (in force 2025-10-01 to 2026-09-30) is the release in force on the date of service 2026-03-02.",
    );
    const undated = await call({ codes: ["M53.3"] });
    expect(undated.out.release).not.toHaveProperty("dateOfService");
    expect(undated.text).toContain("No date of service given: ICD-10-CM FY2026");
    expect(await callError({ codes: ["M53.3"], dateOfService: "2026-02-30" })).toMatch(/dateOfService/);
    expect(await callError({ codes: ["M53.3"], dateOfService: "11/02/2026" })).toMatch(/dateOfService/);
  });

  it("searches: sacroiliitis and dexamethasone", async () => {
    const sacro = await call({ query: "sacroiliitis" });
    expect(sacro.out.matches?.[0]).toMatchObject({ code: "M46.1", system: "ICD-10-CM" });
    expect(sacro.out.results).toEqual([]);
    expect(sacro.text).toContain("1. M46.1 (ICD-10-CM, billable) Sacroiliitis, not elsewhere classified");
    const dexa = await call({ query: "dexamethasone", limit: 50 });
    expect(dexa.out.matches?.map((m) => m.code)).toContain("J1100");
    expect(dexa.out.matches?.length).toBeLessThanOrEqual(50);
    for (const m of dexa.out.matches ?? []) expect(dexa.text).toContain(`${m.code} (${m.system}`);
    const again = await call({ query: "dexamethasone", limit: 50 });
    expect(again.out).toEqual(dexa.out);
  });

  it("answers unknown shapes as normal results, not errors", async () => {
    const { out } = await call({ codes: ["hello", "M5"] });
    expect(out.results[0]).toMatchObject({ input: "hello", found: false });
    expect(out.results[0]).not.toHaveProperty("system");
    expect(out.results[1]).toMatchObject({ input: "M5", system: "ICD-10-CM", found: false });
  });

  it.each([
    ["wrong type", { codes: "M53.3" }, /expected array, received "M53\.3" at codes/],
    ["wrong item type", { codes: [5325] }, /expected string, received number 5325 at codes\[0\]/],
    ["empty list", { codes: [] }, /expected at least 1 items, received an array of 0 items at codes/],
    [
      "101 codes",
      { codes: Array.from({ length: 101 }, () => "M53.3") },
      /expected at most 100 items, received an array of 101 items at codes/,
    ],
    [
      "100 kB query",
      { query: "x".repeat(100_000) },
      /expected at most 200 characters, received a string of 100000 characters at query/,
    ],
    [
      "100 kB code",
      { codes: ["M".repeat(100_000)] },
      /expected at most 16 characters, received a string of 100000 characters at codes\[0\]/,
    ],
    [
      "control characters",
      { codes: ["M53.3\u0000"] },
      /expected text without control characters .* received "M53\.3\\u0000" at codes\[0\]/,
    ],
    ["control characters in query", { query: "pain\nback" }, /without control characters .* at query/],
    ["unknown field", { codes: ["M53.3"], code: "M53.3" }, /unknown field "code"; remove it/],
    [
      "neither codes nor query",
      {},
      /expected at least one of the fields "codes" .* or "query" .*, received neither/,
    ],
    ["limit out of range", { query: "pain", limit: 51 }, /expected at most 50, received number 51 at limit/],
  ])(
    "rejects %s with an isError naming the field, what was received and what is expected",
    async (_name, args, message) => {
      expect(await callError(args)).toMatch(message);
    },
  );

  it("keeps serving after bad input", async () => {
    await callError({ codes: [] });
    const { out } = await call({ codes: ["M53.3"] });
    expect(out.results[0]?.found).toBe(true);
  });
});

// The ten codes of the bench's look-up: the reference request's four and six more of the family.
const TEN_CODES = [
  "64625",
  "J1100",
  "M53.3",
  "M47.817",
  "M46.1",
  "S33.6XXA",
  "27096",
  "G0260",
  "M47.816",
  "M54.50",
];

const callAtDetail = (args: Record<string, unknown>) => answerOf(client, "lookupCodes", args);

async function summaryOf(
  args: Record<string, unknown>,
): Promise<{ s: LookupSummary; text: string; json: string }> {
  const { result, text, json } = await callAtDetail(args);
  expect(result._meta?.[MAX_CHARS_META]).toBeUndefined();
  return { s: LookupSummarySchema.parse(result.structuredContent), text, json };
}

/** Every fact of the summary's structured content is in its text block. */
function expectSameFacts(s: LookupSummary, text: string): void {
  const r = s.release;
  for (const w of [r.icd10cm, r.hcpcs]) {
    expect(text).toContain(`${w.label} (in force ${w.inForceFrom} to ${w.inForceTo}`);
    expect(text).toContain(`date fit: ${w.dateFit}`);
  }
  if (r.hcpcs.fileDate) expect(text).toContain(`file of ${r.hcpcs.fileDate}`);
  expect(text).toContain(r.cpt);
  expect(text).toContain(`Date of service: ${r.dateOfService ?? "none given"}`);
  for (const n of r.notes) expect(text).toContain(n);
  for (const c of s.classes ?? []) expect(text).toContain(`${c.id} = ${c.label}`);
  for (const e of [...s.codes, ...(s.matches ?? [])]) {
    const line = text
      .split("\n")
      .find((l) => new RegExp(`^(- |\\d+\\. )${e.code.replace(".", "\\.")} `).test(l));
    expect(line, e.code).toBeDefined();
    expect(line).toContain(`${e.system ?? "no supported system"} ${e.status}`);
    if (e.title !== undefined) expect(line).toContain(`"${e.title}"`);
    if (e.plain !== undefined) expect(line).toContain(`plain: ${e.plain}`);
    const { findings, input } = e as LookupSummary["codes"][number];
    for (const f of findings ?? []) expect(line).toContain(f);
    if (input !== undefined) expect(line).toContain(`(given as ${input})`);
  }
  if (s.query !== undefined) expect(text).toContain(`of ${s.matchesTotal}`);
  expect(text).toContain(s.more);
}

describe('lookupCodes detail: "summary" (the default) over a real MCP client', () => {
  it("answers ten codes in at most 2,000 tokens (o200k) in each form, the releases stated once", async () => {
    const { s, text, json } = await summaryOf({ codes: TEN_CODES });
    expect(s.detail).toBe("summary");
    expect(s.codes.map((c) => c.code)).toEqual(TEN_CODES);
    expect(countTokens(text)).toBeLessThanOrEqual(2000);
    expect(countTokens(json)).toBeLessThanOrEqual(2000);
    expect(text.split("ICD-10-CM FY2026 (in force").length - 1).toBe(1);
    expect(s.codes.find((c) => c.code === "M46.1")).toMatchObject({
      status: "billable",
      title: "Sacroiliitis, not elsewhere classified",
      findings: ["policy class sacroiliitis-nec"],
    });
    expect(s.codes.find((c) => c.code === "64625")).toMatchObject({ system: "CPT", status: "described" });
    expectSameFacts(s, text);
  });

  it('is the same answer with detail: "summary" given explicitly', async () => {
    const a = await callAtDetail({ codes: TEN_CODES });
    const b = await callAtDetail({ codes: TEN_CODES, detail: "summary" });
    expect(b.json).toBe(a.json);
    expect(b.text).toBe(a.text);
  });

  it("states headers, unknown codes, unknown shapes and search matches in one entry each, in both forms", async () => {
    const { s, text } = await summaryOf({
      codes: ["m533", "M53.39", "M47.81", "J1030", "99999", "ZZZ", "64625"],
      query: "sacroiliitis",
    });
    const by = new Map(s.codes.map((c) => [c.code, c]));
    expect(by.get("M53.3")).toMatchObject({ input: "m533", status: "billable" });
    expect(by.get("M47.81")?.status).toBe("header");
    expect(by.get("M47.81")?.findings?.[0]).toMatch(/^code one of its \d+ billable codes, e\.g\. M47\.81/);
    expect(by.get("M53.39")?.status).toBe("not-in-release");
    expect(by.get("M53.39")?.findings?.some((f) => f.startsWith("near: "))).toBe(true);
    expect(by.get("ZZZ")?.status).toBe("unrecognised");
    expect(s.matches?.map((m) => m.code)).toContain("M46.1");
    expectSameFacts(s, text);
  });

  it("names the release in force on a date of service, and a date outside every release, in both forms", async () => {
    const inside = await summaryOf({ codes: ["M53.3", "J1100"], dateOfService: "2026-03-02" });
    expect(inside.s.release).toMatchObject({ dateOfService: "2026-03-02", icd10cm: { dateFit: "in-force" } });
    expectSameFacts(inside.s, inside.text);
    const outside = await summaryOf({ codes: ["M53.3"], dateOfService: "2019-03-02" });
    expect(outside.s.release.icd10cm.dateFit).toBe("outside");
    expect(outside.s.release.notes.join(" ")).toMatch(/2019-03-02/);
    expectSameFacts(outside.s, outside.text);
  });

  it("stays under 10,000 tokens and 50,000 characters for 100 codes", async () => {
    const codes = Array.from({ length: 100 }, (_, i) => `M${40 + Math.floor(i / 10)}.${i % 10}`);
    const { text, json } = await summaryOf({ codes });
    for (const form of [text, json]) {
      expect(countTokens(form)).toBeLessThan(10_000);
      expect(form.length).toBeLessThan(50_000);
    }
  });
});

describe('lookupCodes detail: "full"', () => {
  it("keeps every fact of the look-up and declares its size in _meta", async () => {
    const { result, json } = await callAtDetail({ codes: TEN_CODES, detail: "full" });
    const full = LookupFullSchema.parse(result.structuredContent);
    expect(full.detail).toBe("full");
    expect(full.results.find((r) => r.code === "M53.3")?.chapter?.number).toBe(13);
    expect(full.release.icd10cm.sourceFile).toBeDefined();
    expect(result._meta?.[MAX_CHARS_META]).toBeGreaterThan(json.length);
  });
});
