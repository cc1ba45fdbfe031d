// Any JSON as tool arguments: every tool answers with a result (an isError result for bad input,
// naming what it expected), never a protocol failure, and the server keeps serving afterwards.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "@modelcontextprotocol/client";
import { REFERENCE_CASE } from "../../tools/demo-reference-case.js";
import { connectInMemory, textOf } from "../support/clients.js";

const TOOLS = [
  "lookupCodes",
  "evaluateSIJointRFA",
  "citeGuideline",
  "verifyCitations",
  "draftDeterminationLetter",
];

/** Arguments close to valid ones, so that the fuzzing also reaches past the first schema check. */
function nearValid(tool: string): fc.Arbitrary<Record<string, unknown>> {
  const value = fc.oneof(fc.jsonValue(), fc.string(), fc.integer(), fc.constant(null));
  switch (tool) {
    case "lookupCodes":
      return fc.record({ codes: fc.array(fc.oneof(fc.string({ maxLength: 12 }), value), { maxLength: 5 }) });
    case "evaluateSIJointRFA":
      return fc.record({
        request: fc.record({
          services: fc.constant(REFERENCE_CASE.request.services),
          diagnoses: fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
        }),
        clinical: fc.record(
          { painDurationMonths: value, painType: value, provocativeTests: value, notes: fc.string() },
          { requiredKeys: [] },
        ),
      });
    case "citeGuideline":
      return fc.oneof(fc.record({ query: fc.string() }), fc.record({ passageId: fc.string() }));
    case "verifyCitations":
      return fc.record({ text: fc.string({ maxLength: 400 }) });
    default:
      return fc.record({ case: fc.constant(REFERENCE_CASE), context: fc.record({ regime: value }) });
  }
}

let client: Client;
beforeAll(async () => {
  client = await connectInMemory();
});
afterAll(async () => {
  await client.close();
});

describe.each(TOOLS)("%s with arbitrary arguments", (tool) => {
  it("answers every input with a result and keeps serving", async () => {
    const args = fc.oneof(
      fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue(), { maxKeys: 4 }),
      nearValid(tool),
    );
    await fc.assert(
      fc.asyncProperty(args, async (input) => {
        const result = await client.callTool({ name: tool, arguments: input });
        expect(Array.isArray(result.content)).toBe(true);
        const text = textOf(result);
        expect(text.length).toBeGreaterThan(0);
        if (result.isError) expect(text).toMatch(/expected|received|unknown|no passage|no source/i);
        else expect(result.structuredContent).toBeDefined();
      }),
      { numRuns: 40, seed: 20261127 },
    );
    const after = await client.callTool({ name: "lookupCodes", arguments: { codes: ["M53.3"] } });
    expect(after.isError).toBeFalsy();
  });
});
