import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VerificationSchema } from "../../src/verify/schema.js";
import { connectInMemory, ROOT, textOf } from "../support/clients.js";

const SEED = readFileSync(join(ROOT, "test", "fixtures", "texts", "seed-000.txt"), "utf8");

let client: Client;
beforeAll(async () => {
  client = await connectInMemory();
});
afterAll(async () => {
  await client.close();
});

async function verify(text: string) {
  const result = await client.callTool({ name: "verifyCitations", arguments: { text } });
  expect(result.isError).toBeFalsy();
  return {
    result,
    v: VerificationSchema.parse(result.structuredContent),
    text: textOf(result),
  };
}

describe("verifyCitations through a real MCP client", () => {
  it("is listed as a read-only tool with input and output schemas", async () => {
    const { tools } = await client.listTools();
    const tool = tools.find((t) => t.name === "verifyCitations");
    expect(tool).toBeDefined();
    expect(tool?.annotations?.readOnlyHint).toBe(true);
    expect(tool?.annotations?.openWorldHint).toBe(false);
    expect(tool?.inputSchema.properties).toHaveProperty("text");
    expect(tool?.inputSchema.additionalProperties).toBe(false);
    expect(tool?.outputSchema?.properties).toHaveProperty("summary");
  });

  describe("on the seed document", () => {
    it("verifies both quoted BMJ phrases and flags them as seen on an unofficial copy", async () => {
      const { v, text } = await verify(SEED);
      expect(v.quotes).toHaveLength(2);
      for (const q of v.quotes) {
        expect(q.status).toBe("verbatim");
        expect(q.matches.map((m) => m.passageId)).toEqual(["busse-bmj-2025#infographic-values"]);
        const match = q.matches[0]!;
        expect(match.citation.provenance.seenAtKind).toBe("copy");
        expect(match.citation.provenance.caution).toMatch(/unofficial copy/);
        expect(q.note).toMatch(/unofficial copy/);
      }
      // The seed lower-cases "All" and puts the full stop inside the closing mark: both are quoting
      // conventions, reported as adjustments; the matched text is the stored words.
      expect(v.quotes[0]!.matches[0]!.adjustments).toEqual(["initial-case"]);
      expect(v.quotes[0]!.matches[0]!.matchedText).toBe(
        "All or nearly all well-informed people would likely not want such interventions",
      );
      expect(v.quotes[1]!.matches[0]!.adjustments).toEqual(["trailing-punctuation"]);
      expect(v.summary.allQuotesVerified).toBe(true);
      expect(text).toContain("All quotations verified: yes");
      expect(text).toContain("unofficial copy");
    });

    it("does not accept the 'disinclined … moderate to high certainty evidence of risk of harm' sentence", async () => {
      const { v, text } = await verify(SEED);
      const claim = v.claims.find((c) => c.sentence.includes("disinclined"));
      expect(claim).toBeDefined();
      expect(["unsupported", "not-in-corpus"]).toContain(claim?.verdict);
      expect(claim?.namedSources.flatMap((n) => n.sourceIds)).toContain("busse-bmj-2025");
      expect(claim?.fix).toBeDefined();
      expect(text).toMatch(
        /(?:UNSUPPORTED|NOT IN THE CORPUS): The guideline notes patients would be disinclined/,
      );
      expect(text).toContain("rule-based");
      expect(text).toContain("Cannot establish:");
    });

    it("flags the '2020 NICE guideline' as a date mismatch stating both dates", async () => {
      const { v, text } = await verify(SEED);
      const issue = v.metadataIssues.find((i) => i.kind === "date-mismatch");
      expect(issue).toMatchObject({ sourceId: "nice-ng59", claimed: "2020", mention: "2020 NICE guideline" });
      expect(issue?.message).toContain("2016");
      expect(issue?.message).toContain("2020-12-11");
      expect(text).toContain("DATE-MISMATCH");
      const claim = v.claims.find((c) => c.sentence.startsWith("The 2020 NICE guideline"));
      expect(claim?.verdict).toBe("unsupported");
      expect(claim?.parts[0]?.differences[0]?.field).toBe("date");
    });

    it("supports the strong recommendation against joint RFA and the ACR systemic-glucocorticoid sentence", async () => {
      const { v } = await verify(SEED);
      const bmj = v.claims.find((c) => c.sentence.startsWith("The 2025 BMJ clinical practice guideline"));
      expect(bmj?.verdict).toBe("supported");
      expect(bmj?.parts[0]?.passage?.passageId).toBe("busse-bmj-2025#rec-joint-rfa");
      const acr = v.claims.find((c) =>
        c.sentence.startsWith("The American College of Rheumatology strongly"),
      );
      expect(acr?.verdict).toBe("supported");
      expect(acr?.parts.map((p) => p.passage?.passageId)).toContain("acr-saa-spartan-2019#systemic-gc");
      expect(v.metadataIssues.filter((i) => i.kind !== "date-mismatch")).toEqual([]);
    });

    it("lists case facts and advice as not evidence claims, never unsupported", async () => {
      const { v } = await verify(SEED);
      const notJudged = v.claims.filter((c) => c.role !== "evidence-claim");
      expect(notJudged.length).toBeGreaterThanOrEqual(5);
      for (const c of notJudged) expect(c.verdict).toBe("not-an-evidence-claim");
      expect(v.summary.notEvidenceClaims).toBe(notJudged.length);
    });
  });

  it("is deterministic: the same text gives byte-identical results", async () => {
    const a = await client.callTool({ name: "verifyCitations", arguments: { text: SEED } });
    const b = await client.callTool({ name: "verifyCitations", arguments: { text: SEED } });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it.each([
    [{ text: "" }, /text/],
    [{ text: "x".repeat(200_001) }, /at most 200000 characters.*text/],
    [{}, /text/],
    [{ text: "fine", extra: 1 }, /unknown field "extra"/],
    [{ text: 42 }, /expected string, received number 42/],
  ])("rejects bad input %# with an isError result naming the field", async (args, message) => {
    const result = await client.callTool({
      name: "verifyCitations",
      arguments: args,
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
  });

  it("accepts a text of exactly 200,000 characters", async () => {
    const result = await client.callTool({
      name: "verifyCitations",
      arguments: { text: "a ".repeat(100_000) },
    });
    expect(result.isError).toBeFalsy();
  });
});
