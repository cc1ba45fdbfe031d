import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LetterSchema } from "../../src/letters/letter-schema.js";
import { connectInMemory, textOf } from "../support/clients.js";
import { shippedContext } from "../support/knowledge.js";
import { fullContext, REFERENCE_CASE } from "../support/letters.js";

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
    expect(letter.banner).toMatch(/DRAFT: a licensed clinician must review/);
    expect(letter.markdown).not.toMatch(/\bfinal determination\b/i);
    expect(text).toContain(letter.markdown);
    expect(text).toContain("Checklist");
    expect(letter.checklist.map((c) => c.status)).not.toContain("missing");
    expect(letter.verification.allQuotesVerified).toBe(true);
    expect(letter.quotes.map((c) => c.passageId)).toEqual(["busse-bmj-2025#rec-joint-rfa"]);
    // The letter once: sections are headings with offsets into the markdown, not a second copy.
    for (const s of letter.sections) expect(letter.markdown.startsWith(`## ${s.title}`, s.offset)).toBe(true);
    expect(letter.rationale).toBeUndefined();
    expect(text).toContain('detail "full"');
  });

  it('detail "full" adds the reviewer rationale, in both forms', async () => {
    const { letter, text } = await draft({
      case: REFERENCE_CASE,
      context: fullContext("commercial-erisa"),
      detail: "full",
    });
    expect(letter.rationale?.verification.allQuotesVerified).toBe(true);
    expect(text).toContain(letter.rationale?.markdown);
    expect(letter.rationale?.markdown).toContain("EH-individual-response");
  });

  it.each([
    ["an invented diagnosis code", { ...REFERENCE_CASE.request, diagnoses: ["XYZ.9"] }],
    ["a diagnosis code given as a service", { ...REFERENCE_CASE.request, services: [{ code: "M53.3" }] }],
    ["a modifier given as a service", { ...REFERENCE_CASE.request, services: [{ code: "RT" }] }],
  ])("answers %s exactly as evaluateSIJointRFA does (the same review path)", async (_, request) => {
    const input = { ...REFERENCE_CASE, request };
    const evaluated = await client.callTool({ name: "evaluateSIJointRFA", arguments: input });
    const drafted = await client.callTool({
      name: "draftDeterminationLetter",
      arguments: { case: input, context: fullContext("medicaid") },
    });
    expect(evaluated.isError).toBe(true);
    expect(drafted.isError).toBe(true);
    expect(textOf(drafted)).toBe(textOf(evaluated).replace("evaluateSIJointRFA", "draftDeterminationLetter"));
  });

  it("decides as evaluateSIJointRFA does, and writes an audit line for every letter", async () => {
    const lines: { tool: string; determination: string }[] = [];
    const audited = await connectInMemory(
      shippedContext({
        append: (evaluation, { tool }) => lines.push({ tool, determination: evaluation.determination }),
      }),
    );
    try {
      const evaluated = await audited.callTool({ name: "evaluateSIJointRFA", arguments: REFERENCE_CASE });
      const drafted = await audited.callTool({
        name: "draftDeterminationLetter",
        arguments: { case: REFERENCE_CASE, context: fullContext("medicaid") },
      });
      expect((drafted.structuredContent as { determination: string }).determination).toBe(
        (evaluated.structuredContent as { determination: string }).determination,
      );
      expect(lines).toEqual([
        { tool: "evaluateSIJointRFA", determination: "not-medically-necessary" },
        { tool: "draftDeterminationLetter", determination: "not-medically-necessary" },
      ]);
    } finally {
      await audited.close();
    }
  });

  it.each([
    [{ context: { regime: "medicaid" } }, /at case/],
    [{ case: REFERENCE_CASE, evaluation: {}, context: { regime: "medicaid" } }, /unknown field "evaluation"/],
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
      { case: REFERENCE_CASE, context: { regime: "medicaid", plan: { stateAppealDeadline: "30 days" } } },
      /unknown field "stateAppealDeadline".*at context.plan/,
    ],
    [{ case: REFERENCE_CASE, context: { regime: "medicaid" }, detail: "all" }, /at detail/],
    [{ case: { request: { services: [] } }, context: { regime: "medicaid" } }, /at case.request.services/],
  ])("rejects bad input %# with an isError result naming the field", async (args, message) => {
    const result = await client.callTool({ name: "draftDeterminationLetter", arguments: args });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
  });
});
