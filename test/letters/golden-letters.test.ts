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

function stable(text: string, policySha: string): string {
  return text
    .replaceAll(shippedKnowledge().corpus.version, "<corpus-version>")
    .replaceAll(policySha, "<policy-sha256>");
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
    const sha = letter.policy.sha256;
    golden(`reference-${name}.md`, stable(letter.markdown, sha));
    const { markdown: _markdown, ...rest } = letter;
    golden(`reference-${name}.json`, `${stable(JSON.stringify(rest, null, 2), sha)}\n`);
  });
});
