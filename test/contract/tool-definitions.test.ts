import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFINITION_TARGETS } from "../../bench/calls.js";
import { definitionSize, TOKENIZER } from "../../bench/tokens.js";
import type { ListedTool } from "../../bench/tokens.js";
import { connectInMemory } from "../support/clients.js";

// The tool definitions a client sends its model on every turn (issue 11): name, description and
// input schema of every listed tool, counted as the bench counts them (bench/tokens.ts,
// definitionSize, gpt-tokenizer o200k_base): at most 3,000 tokens in all, draftDeterminationLetter
// at most 1,000.

let client: Client;
let tools: ListedTool[];
beforeAll(async () => {
  client = await connectInMemory();
  tools = (await client.listTools()).tools;
});
afterAll(async () => {
  await client.close();
});

describe("tool definitions (name + description + input schema)", () => {
  it(`fit ${DEFINITION_TARGETS.total} ${TOKENIZER} tokens in all, and each tool its own limit`, () => {
    const sizes = tools.map((t) => ({ tool: t.name, ...definitionSize(t) }));
    console.log(
      `tokens: tool definitions ${sizes.map((s) => `${s.tool} ${s.model}`).join(", ")}; in all ${sizes.reduce((n, s) => n + s.model, 0)}`,
    );
    expect(sizes.map((s) => s.tool).sort()).toEqual(
      [
        "citeGuideline",
        "draftDeterminationLetter",
        "evaluateSIJointRFA",
        "lookupCodes",
        "verifyCitations",
      ].sort(),
    );
    expect(sizes.reduce((n, s) => n + s.model, 0)).toBeLessThanOrEqual(DEFINITION_TARGETS.total);
    for (const [tool, limit] of Object.entries(DEFINITION_TARGETS.perTool))
      expect(sizes.find((s) => s.tool === tool)?.model, tool).toBeLessThanOrEqual(limit);
  });

  it("carry no $schema, no zod leap-year pattern and no field guide text", () => {
    for (const t of tools) {
      const json = JSON.stringify(t.inputSchema);
      expect(json, t.name).not.toContain('"$schema"');
      expect(json, t.name).not.toContain('"guide"');
      expect(json, t.name).not.toContain("[2468][048]");
      expect(json, t.name).not.toContain('"format":"date"');
    }
  });

  it("still say what a model must know: recommendation, verbatim quotes, unknown facts, notes, offline", () => {
    const description = (name: string) => tools.find((t) => t.name === name)?.description ?? "";
    const evaluate = description("evaluateSIJointRFA");
    expect(evaluate).toMatch(/licensed clinician, not a final determination/);
    expect(evaluate).toMatch(/verbatim with passage ids/);
    expect(evaluate).toMatch(/Absent facts are unknown, never false/);
    expect(evaluate).toMatch(/clinical\.notes is never read/);
    expect(evaluate).toMatch(/mnm:\/\/families\/si-joint\/facts/);
    expect(description("draftDeterminationLetter")).toMatch(/DRAFT for a licensed clinician/);
    expect(description("citeGuideline")).toMatch(/verbatim/);
    for (const t of tools) expect(t.description, t.name).toMatch(/Offline/);
  });

  it("keep the dates' calendar check, with the field named", async () => {
    const result = await client.callTool({
      name: "evaluateSIJointRFA",
      arguments: {
        request: { services: [{ code: "64625" }], diagnoses: [], dateOfService: "2026-02-30" },
        clinical: { diagnosticBlocks: [{ reliefPercent: 80, date: "2025-13-01" }] },
      },
    });
    expect(result.isError).toBe(true);
    const text = (result.content as { text: string }[]).map((c) => c.text).join("\n");
    expect(text).toContain(
      'expected a calendar date YYYY-MM-DD, received "2026-02-30" at request.dateOfService',
    );
    expect(text).toContain(
      'expected a calendar date YYYY-MM-DD, received "2025-13-01" at clinical.diagnosticBlocks[0].date',
    );
    const leap = await client.callTool({
      name: "lookupCodes",
      arguments: { codes: ["M46.1"], dateOfService: "2024-02-29" },
    });
    expect(leap.isError).toBeFalsy();
  });
});
