import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LetterSchema } from "../../src/letters/letter-schema.js";
import { connectInMemory } from "../support/clients.js";
import { expectGolden } from "../support/golden.js";
import { fullContext, REFERENCE_CASE } from "../support/letters.js";

/*
 * Golden letters for the reference case (test/support/golden.ts: one mechanism, one normalisation of
 * the corpus version and the policy sha256; regenerate deliberately with npx vitest run test/golden -u).
 */
let client: Client;
beforeAll(async () => {
  client = await connectInMemory();
});
afterAll(async () => {
  await client.close();
});

const MEDICARE_CASE = {
  ...REFERENCE_CASE,
  request: { ...REFERENCE_CASE.request, policy: "medicare-lcd" as const },
};

describe.each([
  ["commercial-erisa", "commercial-erisa", REFERENCE_CASE],
  ["medicare-advantage", "medicare-advantage", REFERENCE_CASE],
  ["medicare-advantage-lcd", "medicare-advantage", MEDICARE_CASE],
] as const)("golden reference-case letter (%s)", (name, regime, input) => {
  it("matches the golden markdown and structured content", async () => {
    const result = await client.callTool({
      name: "draftDeterminationLetter",
      arguments: { case: input, context: fullContext(regime) },
    });
    expect(result.isError).toBeFalsy();
    const letter = LetterSchema.parse(result.structuredContent);
    await expectGolden(`letters/reference-${name}.md`, letter.markdown);
    const { markdown: _markdown, ...rest } = letter;
    await expectGolden(`letters/reference-${name}.json`, JSON.stringify(rest, null, 2));
  });
});
