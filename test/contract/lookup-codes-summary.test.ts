import type { Client } from "@modelcontextprotocol/client";
import { countTokens } from "gpt-tokenizer/encoding/o200k_base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LookupFullSchema } from "../../src/codes/lookup-output-schema.js";
import { LookupSummarySchema } from "../../src/codes/lookup-summary-schema.js";
import type { LookupSummary } from "../../src/codes/lookup-summary-schema.js";
import { connectInMemory, textOf } from "../support/clients.js";

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
const MAX_CHARS_META = "anthropic/maxResultSizeChars";

let client: Client;
beforeAll(async () => {
  client = await connectInMemory();
});
afterAll(async () => {
  await client.close();
});

async function call(args: Record<string, unknown>) {
  const result = await client.callTool({ name: "lookupCodes", arguments: args });
  expect(result.isError, textOf(result)).toBeFalsy();
  return { result, text: textOf(result), json: JSON.stringify(result.structuredContent) };
}

async function summary(
  args: Record<string, unknown>,
): Promise<{ s: LookupSummary; text: string; json: string }> {
  const { result, text, json } = await call(args);
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
    const { s, text, json } = await summary({ codes: TEN_CODES });
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
    const a = await call({ codes: TEN_CODES });
    const b = await call({ codes: TEN_CODES, detail: "summary" });
    expect(b.json).toBe(a.json);
    expect(b.text).toBe(a.text);
  });

  it("states headers, unknown codes, unknown shapes and search matches in one entry each, in both forms", async () => {
    const { s, text } = await summary({
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
    const inside = await summary({ codes: ["M53.3", "J1100"], dateOfService: "2026-03-02" });
    expect(inside.s.release).toMatchObject({ dateOfService: "2026-03-02", icd10cm: { dateFit: "in-force" } });
    expectSameFacts(inside.s, inside.text);
    const outside = await summary({ codes: ["M53.3"], dateOfService: "2019-03-02" });
    expect(outside.s.release.icd10cm.dateFit).toBe("outside");
    expect(outside.s.release.notes.join(" ")).toMatch(/2019-03-02/);
    expectSameFacts(outside.s, outside.text);
  });

  it("stays under 10,000 tokens and 50,000 characters for 100 codes", async () => {
    const codes = Array.from({ length: 100 }, (_, i) => `M${40 + Math.floor(i / 10)}.${i % 10}`);
    const { text, json } = await summary({ codes });
    for (const form of [text, json]) {
      expect(countTokens(form)).toBeLessThan(10_000);
      expect(form.length).toBeLessThan(50_000);
    }
  });
});

describe('lookupCodes detail: "full"', () => {
  it("keeps every fact of the look-up and declares its size in _meta", async () => {
    const { result, json } = await call({ codes: TEN_CODES, detail: "full" });
    const full = LookupFullSchema.parse(result.structuredContent);
    expect(full.detail).toBe("full");
    expect(full.results.find((r) => r.code === "M53.3")?.chapter?.number).toBe(13);
    expect(full.release.icd10cm.sourceFile).toBeDefined();
    expect(result._meta?.[MAX_CHARS_META]).toBeGreaterThan(json.length);
  });
});
