import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LookupCodesOutput } from "../../src/codes/lookup-result-schema.js";
import type { Evaluation } from "../../src/policy/evaluation-schema.js";
import { connectInMemory, textOf } from "../support/clients.js";

let client: Client;
beforeAll(async () => {
  client = await connectInMemory();
});
afterAll(async () => {
  await client.close();
});

const CODES = ["M46.1", "M53.3", "M47.817", "C79.51", "M45.7", "M54.16", "S33.6XXA", "R52", "J1100"];

describe("lookupCodes shows the policy's classification of a diagnosis code", () => {
  it("classifies from the same data the evaluator uses", async () => {
    const result = await client.callTool({ name: "lookupCodes", arguments: { codes: CODES } });
    expect(result.isError).toBeFalsy();
    const output = result.structuredContent as LookupCodesOutput;
    const byCode = new Map(output.results.map((r) => [r.input, r.classification]));
    expect(byCode.get("M46.1")?.label).toMatch(/^inflammatory sacroiliitis: outside the BMJ 2025 population/);
    expect(byCode.get("M53.3")?.category).toBe("mechanical");
    expect(byCode.get("M47.817")?.category).toBe("mechanical");
    expect(byCode.get("C79.51")?.category).toBe("cancer");
    expect(byCode.get("M45.7")?.label).toMatch(/outside the BMJ 2025 population/);
    expect(byCode.get("M54.16")?.category).toBe("radicular");
    expect(byCode.get("S33.6XXA")?.category).toBe("mechanical");
    expect(byCode.get("R52")).toBeUndefined();
    expect(byCode.get("J1100")).toBeUndefined();
    expect(textOf(result)).toContain("inflammatory sacroiliitis: outside the BMJ 2025 population");

    const evaluation = await client.callTool({
      name: "evaluateSIJointRFA",
      arguments: {
        request: { services: [{ code: "64625" }], diagnoses: CODES.filter((c) => c !== "J1100") },
        clinical: {},
      },
    });
    const classes = new Map(
      (evaluation.structuredContent as Evaluation).diagnoses.map((d) => [d.code, d.classes.join("+")]),
    );
    for (const code of CODES.filter((c) => c !== "J1100")) {
      expect(byCode.get(code)?.category ?? "", code).toBe(classes.get(code));
    }
  });
});
