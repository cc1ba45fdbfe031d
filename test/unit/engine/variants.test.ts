import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EvaluationFull as Evaluation } from "../../../src/review/evaluation-full-schema.js";
import { connectInMemory, textOf } from "../../support/clients.js";

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
  /** Each missingInformation entry given here is a substring of some entry of the answer. */
  missingInformationContains?: string[];
  /** Criterion statuses, by service code then criterion id. */
  criteria?: Record<string, Record<string, string>>;
  /** The facts a decided service names as not needed, exactly (sorted), by service code. */
  factsNotNeeded?: Record<string, string[]>;
  /** Facts a decided service names as not needed, at least these, by service code. */
  factsNotNeededIncludes?: Record<string, string[]>;
  /** Contradictions between codes and stated facts the answer reports, by fact: whether it changes the outcome. */
  contradictions?: Record<string, boolean>;
  /** policy.inForce: whether a version of the profile was in force on the date of service. */
  inForce?: boolean;
  /** No service is medically-necessary (an isError result also satisfies it). */
  neverApproved?: boolean;
  /** Substrings of the whole result (text and structured content), error or not. */
  textIncludes?: string[];
}
interface Variant {
  name: string;
  /** The issue-10 category the variant shows. */
  category: string;
  /** The answer the evidence or the LCD gives, with the passage ids that ground it. */
  why: string;
  /** Set when the answer rests on the tool's contract (its scope, its input rules) rather than on a passage. */
  contract?: string;
  /** Set when the engine does not give the passage's answer yet: the expectation stays the passage's. */
  disagrees?: string;
  input: { request: Record<string, unknown>; clinical: Record<string, unknown> };
  expect: Expect;
}

const { variants } = JSON.parse(readFileSync(join(import.meta.dirname, "variants.json"), "utf8")) as {
  variants: Variant[];
};

/** Every passage id of the shipped corpus. */
const sourcesDir = join(import.meta.dirname, "..", "..", "..", "corpus", "evidence", "sources");
const passageIds = new Set(
  readdirSync(sourcesDir)
    .filter((f) => f.endsWith(".json"))
    .flatMap(
      (f) =>
        (JSON.parse(readFileSync(join(sourcesDir, f), "utf8")) as { passages: { id: string }[] }).passages,
    )
    .map((p) => p.id),
);
const PASSAGE_ID = /[a-z0-9][a-z0-9-]*#[a-z0-9][a-z0-9.-]*[a-z0-9]/g;

/** The categories of issue 10 that variants must show (besides the baseline and bad-input cases). */
const CATEGORIES = [
  "medicare-exclusion",
  "medicare-duration",
  "diagnostic-therapeutic",
  "drug-route",
  "contradiction",
  "date-of-service",
  "codes",
  "impossible-timeline",
  "pend-only-when-needed",
];

let client: Client;
beforeAll(async () => {
  client = await connectInMemory();
});
afterAll(async () => {
  await client.close();
});

/** The full view of the evaluation (an input that is not an object is sent as it is). */
async function call(args: unknown) {
  const full =
    args !== null && typeof args === "object" && !Array.isArray(args) ? { ...args, detail: "full" } : args;
  return client.callTool({ name: "evaluateSIJointRFA", arguments: full as Record<string, unknown> });
}

/** Checks one variant's answer against its expectation (through the MCP client). */
async function check(v: Variant): Promise<void> {
  const result = await call(v.input);
  const want = v.expect;
  for (const part of want.textIncludes ?? []) expect(JSON.stringify(result)).toContain(part);
  if (want.neverApproved && result.isError) return;
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
  const governing = [...e.governingEvidence];
  if (want.governing) expect(governing.sort()).toEqual([...want.governing].sort());
  const conflicting = e.conflictingEvidence.map((c) => c.passageId);
  for (const id of want.conflicting ?? []) expect(conflicting).toContain(id);
  const pitfalls = e.pitfalls.map((p) => p.id);
  for (const id of want.pitfalls ?? []) expect(pitfalls).toContain(id);
  const alternatives = e.alternatives.map((a) => a.id);
  for (const id of want.alternatives ?? []) expect(alternatives).toContain(id);
  if (want.missingInformation) expect(e.missingInformation).toEqual(want.missingInformation);
  for (const m of want.missingInformationIncludes ?? []) expect(e.missingInformation).toContain(m);
  for (const part of want.missingInformationContains ?? [])
    expect(
      e.missingInformation.some((m) => m.includes(part)),
      `${part} in ${JSON.stringify(e.missingInformation)}`,
    ).toBe(true);
  for (const [code, statuses] of Object.entries(want.criteria ?? {})) {
    for (const [id, status] of Object.entries(statuses)) {
      expect(e.criteria.find((c) => c.service === code && c.id === id)?.status, `${code} ${id}`).toBe(status);
    }
  }
  for (const [code, names] of Object.entries(want.factsNotNeeded ?? {})) {
    expect(e.services.find((s) => s.code === code)?.factsNotNeeded, code).toEqual([...names].sort());
  }
  for (const [code, names] of Object.entries(want.factsNotNeededIncludes ?? {})) {
    const notNeeded = e.services.find((s) => s.code === code)?.factsNotNeeded ?? [];
    for (const name of names) expect(notNeeded, code).toContain(name);
  }
  for (const [fact, changes] of Object.entries(want.contradictions ?? {})) {
    expect(e.contradictions.find((c) => c.fact === fact)?.changesOutcome, fact).toBe(changes);
  }
  if (want.inForce !== undefined) expect(e.policy.inForce).toBe(want.inForce);
  if (want.neverApproved)
    for (const s of e.services) expect(s.determination, s.code).not.toBe("medically-necessary");
  if (want.asOf) expect(e.audit.asOf).toBe(want.asOf);
  // Insufficient information always says what to request; a decided service never needs it.
  if (e.determination === "insufficient-information") expect(e.missingInformation.length).toBeGreaterThan(0);
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
}

describe("variant cases give the evidence's answer (real MCP client, in memory)", () => {
  it("there are at least fifty answered variants besides the reference case and bad-input cases", () => {
    const answered = variants.filter((v) => !v.expect.isError && v.name !== "reference case");
    expect(answered.length).toBeGreaterThanOrEqual(50);
  });

  it("every answered variant names the passage that grounds it, and every passage id named exists", () => {
    for (const v of variants) {
      const ids = v.why.match(PASSAGE_ID) ?? [];
      for (const id of ids) expect(passageIds.has(id), `${v.name}: ${id}`).toBe(true);
      if (!v.expect.isError && !v.contract) expect(ids.length, v.name).toBeGreaterThan(0);
    }
  });

  it("every category of issue 10 is shown by at least one variant, and the variants have unique names", () => {
    for (const c of CATEGORIES)
      expect(
        variants.some((v) => v.category === c),
        c,
      ).toBe(true);
    expect(new Set(variants.map((v) => v.name)).size).toBe(variants.length);
  });

  it.each(variants.map((v) => [`${v.name}: ${v.why}`, v] as const))("%s", async (_, v) => {
    await check(v);
    // A variant the engine disagreed with is marked; once the engine gives the passage's answer, the mark goes.
    expect(
      v.disagrees,
      "the engine now gives the passage's answer: remove the variant's `disagrees` mark",
    ).toBeUndefined();
  });
});
