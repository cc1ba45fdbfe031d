import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shippedKnowledge } from "../support/knowledge.js";
import { LetterSchema } from "../../src/letters/letter-schema.js";
import { connectInMemory, ROOT } from "../support/clients.js";
import { fullContext, REFERENCE_CASE } from "./letter-support.js";

/*
 * Golden letters for the reference case. Regenerate with UPDATE_GOLDEN=1 after a deliberate change.
 * Hashes that change with any corpus or policy edit (corpus version, policy SHA-256) are replaced by
 * placeholders so the goldens pin the letter, not the data's fingerprint.
 */
const DIR = join(ROOT, "test", "golden", "letters");
const UPDATE = process.env.UPDATE_GOLDEN === "1";

let client: Client;
beforeAll(async () => {
  client = await connectInMemory();
});
afterAll(async () => {
  await client.close();
});

/** The rationale names the corpus version and the policy and input hashes: placeholders keep the golden on the letter. */
function stable(text: string): string {
  return text
    .replaceAll(shippedKnowledge().corpus.version, "<corpus-version>")
    .replace(/SHA-256 [0-9a-f]{64}/g, "SHA-256 <sha256>");
}

function golden(file: string, actual: string): void {
  const path = join(DIR, file);
  if (UPDATE || !existsSync(path)) {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(path, actual);
    if (!UPDATE) throw new Error(`golden ${file} was missing and has been written: review it and run again`);
  }
  expect(actual).toBe(readFileSync(path, "utf8"));
}

const MEDICARE_CASE = {
  ...REFERENCE_CASE,
  request: { ...REFERENCE_CASE.request, policy: "medicare-lcd" as const },
};

const variant = (name: string): unknown =>
  (
    JSON.parse(readFileSync(join(ROOT, "test", "policy", "variants.json"), "utf8")) as {
      variants: { name: string; input: unknown }[];
    }
  ).variants.find((v) => v.name === name)?.input;

describe.each([
  ["commercial-erisa", "commercial-erisa", REFERENCE_CASE, "full"],
  ["aca-individual", "aca-individual", REFERENCE_CASE, "summary"],
  ["medicaid", "medicaid", REFERENCE_CASE, "summary"],
  ["medicare-advantage", "medicare-advantage", REFERENCE_CASE, "summary"],
  ["medicare-advantage-lcd", "medicare-advantage", MEDICARE_CASE, "summary"],
  [
    "medicare-injection-denial",
    "medicare-advantage",
    variant("Medicare LCD: injection criteria not met"),
    "summary",
  ],
  ["medicare-rfa-denial", "medicare-advantage", variant("Medicare LCD: RFA"), "summary"],
  [
    "medicare-injection-approval",
    "medicare-advantage",
    variant("Medicare LCD: injection criteria met"),
    "summary",
  ],
] as const)("golden letter (%s)", (name, regime, input, detail) => {
  it("matches the golden markdown and structured content", async () => {
    const result = await client.callTool({
      name: "draftDeterminationLetter",
      arguments: { case: input, context: fullContext(regime), detail },
    });
    expect(result.isError).toBeFalsy();
    const letter = LetterSchema.parse(result.structuredContent);
    const file =
      name.startsWith("medicare-inj") || name.startsWith("medicare-rfa") ? name : `reference-${name}`;
    golden(`${file}.md`, letter.markdown);
    const { markdown: _markdown, rationale, ...rest } = letter;
    golden(`${file}.json`, `${JSON.stringify(rest, null, 2)}\n`);
    if (rationale) golden(`${file}.rationale.md`, stable(rationale.markdown));
  });
});
