import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LetterSchema } from "../../src/letters/letter-schema.js";
import { connectInMemory, ROOT } from "../support/clients.js";
import { expectGolden } from "../support/golden.js";
import { fullContext, REFERENCE_CASE } from "../support/letters.js";

/*
 * Golden letters (test/support/golden.ts: one mechanism, one normalisation of
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

const variant = (name: string): unknown =>
  (
    JSON.parse(readFileSync(join(ROOT, "test", "unit", "engine", "variants.json"), "utf8")) as {
      variants: { name: string; input: unknown }[];
    }
  ).variants.find((v) => v.name === name)?.input;

// The reference case under every regime, the Medicare request for information, two Medicare
// denials and an approval; the reference ERISA letter also with its reviewer rationale.
describe.each([
  ["reference-commercial-erisa", "commercial-erisa", REFERENCE_CASE, "full"],
  ["reference-aca-individual", "aca-individual", REFERENCE_CASE, "summary"],
  ["reference-medicaid", "medicaid", REFERENCE_CASE, "summary"],
  ["reference-medicare-advantage", "medicare-advantage", REFERENCE_CASE, "summary"],
  ["reference-medicare-advantage-lcd", "medicare-advantage", MEDICARE_CASE, "summary"],
  ["medicare-injection-denial", "medicare-advantage", variant("Medicare LCD: injection criteria not met"), "summary"],
  ["medicare-rfa-denial", "medicare-advantage", variant("Medicare LCD: RFA"), "summary"],
  ["medicare-injection-approval", "medicare-advantage", variant("Medicare LCD: injection criteria met"), "summary"],
] as const)("golden letter (%s)", (name, regime, input, detail) => {
  it("matches the golden markdown and structured content", async () => {
    const result = await client.callTool({
      name: "draftDeterminationLetter",
      arguments: { case: input, context: fullContext(regime), detail },
    });
    expect(result.isError).toBeFalsy();
    const letter = LetterSchema.parse(result.structuredContent);
    await expectGolden(`letters/${name}.md`, letter.markdown);
    const { markdown: _markdown, rationale, ...rest } = letter;
    await expectGolden(`letters/${name}.json`, JSON.stringify(rest, null, 2));
    // The rationale names the input's own hash: a placeholder keeps the golden on the text.
    if (rationale)
      await expectGolden(
        `letters/${name}.rationale.md`,
        rationale.markdown.replace(/input SHA-256 [0-9a-f]{64}/, "input SHA-256 <input-sha256>"),
      );
  });
});
