import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Evaluation } from "../../src/engine/evaluation-schema.js";
import { connectInMemory, textOf } from "../support/clients.js";

interface Expect {
  determination?: string;
  services?: Record<string, string>;
  pathways?: Record<string, string>;
  governing?: string[];
  conflicting?: string[];
  pitfalls?: string[];
  alternatives?: string[];
  missingInformation?: string[];
  missingInformationIncludes?: string[];
  reasonIncludes?: Record<string, string>;
  asOf?: string;
  sameAsWithoutNotes?: boolean;
  notEchoed?: string[];
  isError?: boolean;
  errorIncludes?: string[];
}
interface Variant {
  name: string;
  why: string;
  input: { request: Record<string, unknown>; clinical: Record<string, unknown> };
  expect: Expect;
}

const { variants } = JSON.parse(readFileSync(join(import.meta.dirname, "variants.json"), "utf8")) as {
  variants: Variant[];
};

let client: Client;
beforeAll(async () => {
  client = await connectInMemory();
});
afterAll(async () => {
  await client.close();
});

async function call(args: unknown) {
  return client.callTool({ name: "evaluateSIJointRFA", arguments: args as Record<string, unknown> });
}

describe("variant cases give the evidence's answer (real MCP client, in memory)", () => {
  it("there are at least twelve answered variants besides the reference case and bad-input cases", () => {
    const answered = variants.filter((v) => !v.expect.isError && v.name !== "reference case");
    expect(answered.length).toBeGreaterThanOrEqual(12);
  });

  it.each(variants.map((v) => [`${v.name}: ${v.why}`, v] as const))("%s", async (_, v) => {
    const result = await call(v.input);
    const want = v.expect;
    if (want.isError) {
      expect(result.isError).toBe(true);
      for (const part of want.errorIncludes ?? []) expect(textOf(result)).toContain(part);
      return;
    }
    expect(result.isError, textOf(result)).toBeFalsy();
    const e = result.structuredContent as Evaluation;
    if (want.determination) expect(e.determination).toBe(want.determination);
    for (const [code, d] of Object.entries(want.services ?? {})) {
      expect(e.services.find((s) => s.code === code)?.determination, code).toBe(d);
    }
    for (const [code, id] of Object.entries(want.pathways ?? {})) {
      expect(e.services.find((s) => s.code === code)?.pathway?.id, code).toBe(id);
    }
    for (const [code, text] of Object.entries(want.reasonIncludes ?? {})) {
      expect(e.services.find((s) => s.code === code)?.reasons.join(" "), code).toContain(text);
    }
    const governing = e.governingEvidence.map((c) => c.passageId);
    if (want.governing) expect(governing.sort()).toEqual([...want.governing].sort());
    const conflicting = e.conflictingEvidence.map((c) => c.citation.passageId);
    for (const id of want.conflicting ?? []) expect(conflicting).toContain(id);
    const pitfalls = e.pitfalls.map((p) => p.id);
    for (const id of want.pitfalls ?? []) expect(pitfalls).toContain(id);
    const alternatives = e.alternatives.map((a) => a.id);
    for (const id of want.alternatives ?? []) expect(alternatives).toContain(id);
    if (want.missingInformation) expect(e.missingInformation).toEqual(want.missingInformation);
    for (const m of want.missingInformationIncludes ?? []) expect(e.missingInformation).toContain(m);
    if (want.asOf) expect(e.audit.asOf).toBe(want.asOf);
    // Insufficient information always says what to request; a decided service never needs it.
    if (e.determination === "insufficient-information")
      expect(e.missingInformation.length).toBeGreaterThan(0);
    for (const s of e.services)
      if (s.determination === "not-medically-necessary") expect(s.reasons.length).toBeGreaterThan(0);
    if (want.notEchoed) {
      const everything = JSON.stringify(result);
      for (const words of want.notEchoed) expect(everything).not.toContain(words);
    }
    if (want.sameAsWithoutNotes) {
      const { notes: _notes, ...clinical } = v.input.clinical;
      const plain = (await call({ ...v.input, clinical })).structuredContent as Evaluation;
      const strip = (x: Evaluation) => ({ ...x, audit: { ...x.audit, inputSha256: "" } });
      expect(strip(e)).toEqual(strip(plain));
      expect(e.audit.inputSha256).not.toBe(plain.audit.inputSha256);
    }
  });
});
