import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LetterSchema } from "../../src/letters/letter-schema.js";
import { connectInMemory, textOf } from "../support/clients.js";
import { fullContext, REFERENCE_CASE } from "./letter-support.js";

let client: Client;
beforeAll(async () => {
  client = await connectInMemory();
});
afterAll(async () => {
  await client.close();
});

async function draft(args: Record<string, unknown>) {
  const result = await client.callTool({ name: "draftDeterminationLetter", arguments: args });
  expect(result.isError, textOf(result)).toBeFalsy();
  return { letter: LetterSchema.parse(result.structuredContent), text: textOf(result) };
}

describe("draftDeterminationLetter through a real MCP client", () => {
  it("is listed after verifyCitations with input and output schemas", async () => {
    const { tools } = await client.listTools();
    const names = tools.map((t) => t.name);
    expect(names.indexOf("draftDeterminationLetter")).toBe(names.indexOf("verifyCitations") + 1);
    const tool = tools.find((t) => t.name === "draftDeterminationLetter");
    expect(tool?.inputSchema.additionalProperties).toBe(false);
    expect(tool?.inputSchema.properties).toHaveProperty("context");
    expect(tool?.outputSchema?.properties).toHaveProperty("checklist");
  });

  it("drafts the reference-case denial from the case, as a draft with its banner, never final", async () => {
    const { letter, text } = await draft({ case: REFERENCE_CASE, context: fullContext("commercial-erisa") });
    expect(letter.letterType).toBe("denial");
    expect(letter.status).toBe("draft-requires-clinician-review");
    expect(letter.markdown.startsWith(`**${letter.banner}**`)).toBe(true);
    expect(letter.banner).toMatch(/DRAFT.*LICENSED CLINICIAN/);
    expect(letter.markdown).not.toMatch(/\bfinal determination\b(?!;)/i);
    expect(text).toContain(letter.markdown);
    expect(text).toContain("Checklist");
    expect(letter.checklist.map((c) => c.status)).not.toContain("missing");
    expect(letter.verification.allQuotesVerified).toBe(true);
    expect(letter.citations.map((c) => c.passageId)).toEqual([
      "busse-bmj-2025#rec-joint-injection",
      "busse-bmj-2025#rec-joint-rfa",
    ]);
  });

  it("gives the same letter from the evaluation as from the case", async () => {
    const evaluated = await client.callTool({ name: "evaluateSIJointRFA", arguments: REFERENCE_CASE });
    const fromEvaluation = await draft({
      evaluation: evaluated.structuredContent,
      context: fullContext("medicaid"),
    });
    const fromCase = await draft({ case: REFERENCE_CASE, context: fullContext("medicaid") });
    expect(fromEvaluation.letter.markdown).toBe(
      fromCase.letter.markdown.replace(/ \(units requested: 10\)/, ""),
    );
  });

  it.each([
    [{ context: { regime: "medicaid" } }, /received neither; expected exactly one/],
    [{ case: REFERENCE_CASE, evaluation: {}, context: { regime: "medicaid" } }, /evaluation/],
    [
      { case: REFERENCE_CASE, context: { regime: "tricare" } },
      /expected one of .*medicare-advantage.*at context.regime/,
    ],
    [
      { case: REFERENCE_CASE, context: { regime: "medicaid", member: { name: 'Jane "JD" Doe' } } },
      /quotation marks.*context.member.name/,
    ],
    [{ case: REFERENCE_CASE, context: { regime: "medicaid", noticeDate: "March 2" } }, /context.noticeDate/],
    [{ case: REFERENCE_CASE, context: { regime: "medicaid", extra: 1 } }, /unknown field "extra"/],
    [
      {
        case: REFERENCE_CASE,
        context: { regime: "commercial-erisa", plan: { stateAppealDeadline: "30 days" } },
      },
      /context.plan.stateAppealDeadline: applies only to regime "medicaid"/,
    ],
  ])("rejects bad input %# with an isError result naming the field", async (args, message) => {
    const result = await client.callTool({ name: "draftDeterminationLetter", arguments: args });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
  });
});
