import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fullContext, REFERENCE_CASE } from "../support/letters.js";
import { connectInMemory } from "../support/clients.js";

let client: Client;
beforeAll(async () => {
  client = await connectInMemory();
});
afterAll(async () => {
  await client.close();
});

function textOfPrompt(result: { messages: { content: { type: string; text?: string } }[] }): string {
  return result.messages.map((m) => (m.content.type === "text" ? (m.content.text ?? "") : "")).join("\n");
}

async function complete(prompt: string, name: string, value: string) {
  const r = await client.complete({ ref: { type: "ref/prompt", name: prompt }, argument: { name, value } });
  return r.completion.values;
}

describe("prompts through a real MCP client", () => {
  it("lists both prompts with their arguments", async () => {
    const { prompts } = await client.listPrompts();
    const byName = Object.fromEntries(prompts.map((p) => [p.name, p]));
    expect(byName["review-request"]?.arguments?.map((a) => [a.name, a.required])).toEqual([
      ["services", true],
      ["diagnoses", true],
      ["facts", false],
      ["policy", false],
    ]);
    expect(byName["draft-denial-letter"]?.arguments?.map((a) => [a.name, a.required])).toEqual([
      ["regime", true],
      ["caseJson", true],
      ["contextJson", false],
    ]);
  });

  it("review-request walks lookupCodes → evaluateSIJointRFA → citeGuideline → a cited answer with the disclaimer", async () => {
    const result = await client.getPrompt({
      name: "review-request",
      arguments: {
        services: "64625, J1100",
        diagnoses: "M53.3,M47.817",
        facts: "Pain for 12 months, axial.",
      },
    });
    const text = textOfPrompt(result);
    const order = ["lookupCodes", "evaluateSIJointRFA", "citeGuideline", "verifyCitations"].map((t) =>
      text.indexOf(t),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('["64625","J1100","M53.3","M47.817"]');
    expect(text).toContain("Pain for 12 months, axial.");
    expect(text).toContain("never a reason to deny");
    expect(text).toContain("not a final determination");
    expect(result.messages[0]?.role).toBe("user");
    // The evaluation's summary already quotes the governing passages: no second citation of them, one check.
    expect(text).toContain("Do not call citeGuideline for the governing passages");
    expect(text).toContain("Call verifyCitations once");
    expect(text.match(/verifyCitations/g)).toHaveLength(1);
    // Right for a client that shows the model only the text or only the structured content.
    expect(text).toContain("Whether you are shown its text or its structured content");
    expect(text).not.toMatch(/structuredContent|governingEvidence|\.markdown/);
  });

  it("draft-denial-letter walks evaluate → draft → verify and never turns approvals or requests for information into denials", async () => {
    const { regime: _regime, ...context } = fullContext("medicare-advantage");
    const result = await client.getPrompt({
      name: "draft-denial-letter",
      arguments: {
        regime: "medicare-advantage",
        caseJson: JSON.stringify(REFERENCE_CASE),
        contextJson: JSON.stringify(context),
      },
    });
    const text = textOfPrompt(result);
    const order = ["evaluateSIJointRFA", "draftDeterminationLetter", "verifyCitations"].map((t) =>
      text.indexOf(t),
    );
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(order[0]).toBeGreaterThan(0);
    expect(text).toContain('"regime":"medicare-advantage"');
    expect(text).toContain("Never turn either into a denial");
    expect(text).toContain("licensed clinician must review");
    // Drafted from the case (the letter tool reviews it), checked once by the letter tool itself.
    expect(text).toContain("with case set to the case above");
    expect(text).toContain("do not call evaluateSIJointRFA first");
    expect(text).toContain("reports its own verifyCitations check");
    expect(text).not.toMatch(/structuredContent|markdown/);
  });

  it("rejects a caseJson that is not an evaluateSIJointRFA input, naming the argument", async () => {
    await expect(
      client.getPrompt({
        name: "draft-denial-letter",
        arguments: { regime: "medicaid", caseJson: "{not json" },
      }),
    ).rejects.toThrow(/caseJson.*not JSON|not JSON.*caseJson/s);
    await expect(
      client.getPrompt({
        name: "draft-denial-letter",
        arguments: { regime: "medicaid", caseJson: '{"request":{}}' },
      }),
    ).rejects.toThrow(/caseJson/);
    await expect(
      client.getPrompt({
        name: "draft-denial-letter",
        arguments: { regime: "tricare", caseJson: JSON.stringify(REFERENCE_CASE) },
      }),
    ).rejects.toThrow(/regime/);
  });

  it("completes the regime over the four regimes", async () => {
    expect(await complete("draft-denial-letter", "regime", "")).toEqual([
      "aca-individual",
      "commercial-erisa",
      "medicaid",
      "medicare-advantage",
    ]);
    expect(await complete("draft-denial-letter", "regime", "medic")).toEqual([
      "medicaid",
      "medicare-advantage",
    ]);
  });

  it("completes the last code of a service or diagnosis list, and the policy profile", async () => {
    expect(await complete("review-request", "services", "646")).toEqual(["64625", "64635", "64636"]);
    // Every drug code the letters explain in plain language completes (issue 12 added the steroids and anaesthetics in scope).
    expect(await complete("review-request", "services", "64625, J11")).toEqual(["64625, J1100"]);
    expect(await complete("review-request", "services", "64625, J10")).toEqual([
      "64625, J1010",
      "64625, J1020",
      "64625, J1030",
      "64625, J1040",
      "64625, J1094",
    ]);
    expect(await complete("review-request", "diagnoses", "M53.3, M47")).toEqual(["M53.3, M47.817"]);
    expect(await complete("review-request", "policy", "med")).toEqual(["medicare-lcd"]);
  });
});
