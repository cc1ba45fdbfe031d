import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LetterSchema } from "../../src/letters/letter-schema.js";
import { VerificationSchema } from "../../src/verify/schema.js";
import { connectStdio, ROOT, type StdioConnection } from "../support/clients.js";
import { fullContext, REFERENCE_CASE } from "../support/letters.js";

// Against the BUILT server over stdio (npm test builds first).
let conn: StdioConnection;
beforeAll(async () => {
  conn = await connectStdio();
});
afterAll(async () => {
  await conn.close();
});

describe("verifyCitations and draftDeterminationLetter over stdio", () => {
  it("reports the seed document's three required findings", async () => {
    const text = readFileSync(join(ROOT, "test", "fixtures", "texts", "seed-000.txt"), "utf8");
    const result = await conn.client.callTool({
      name: "verifyCitations",
      arguments: { text, detail: "full" },
    });
    const v = VerificationSchema.parse(result.structuredContent);
    expect(v.quotes.map((q) => [q.status, q.matches[0]?.citation.provenance.seenAtKind])).toEqual([
      ["verbatim", "copy"],
      ["verbatim", "copy"],
    ]);
    expect(["unsupported", "not-in-corpus"]).toContain(
      v.claims.find((c) => c.sentence.includes("disinclined"))?.verdict,
    );
    expect(
      v.metadataIssues.some((i) => i.kind === "date-mismatch" && i.mention === "2020 NICE guideline"),
    ).toBe(true);
  });

  it("drafts the reference-case letter whose every quotation verifies, and keeps case content off stderr", async () => {
    const result = await conn.client.callTool({
      name: "draftDeterminationLetter",
      arguments: { case: REFERENCE_CASE, context: fullContext("aca-individual") },
    });
    const letter = LetterSchema.parse(result.structuredContent);
    expect(letter.letterType).toBe("denial");
    const check = await conn.client.callTool({
      name: "verifyCitations",
      arguments: { text: letter.markdown, detail: "full" },
    });
    const v = VerificationSchema.parse(check.structuredContent);
    expect(v.summary.allQuotesVerified).toBe(true);
    expect(v.summary.verbatim).toBe(letter.quotes.length);
    expect(conn.stderr()).not.toContain("Jane Doe");
    expect(conn.stderr()).not.toContain("XYZ123456");
  });
});
