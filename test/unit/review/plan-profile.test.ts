import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EvaluationFull as Evaluation } from "../../../src/review/evaluation-full-schema.js";
import { serverContext } from "../../../src/mcp/context.js";
import { writeManifest } from "../../../tools/corpus-writer.js";
import { copyCorpus } from "../../support/temp-corpus.js";
import { connectInMemory } from "../../support/clients.js";
import { knowledgeFrom } from "../../support/knowledge.js";

/*
 * A plan adds its own profile as one file in the family's profiles/ folder (README "Add a plan's
 * profile"): it is listed, accepted as `policy` and applied, with no change to code.
 */
const PROFILES = ["families", "si-joint", "profiles"];

let remove: () => void;
let client: Client;

beforeAll(async () => {
  const copy = copyCorpus();
  remove = copy.remove;
  const base = JSON.parse(
    readFileSync(join(copy.dir, ...PROFILES, "evidence-hierarchy.v2.json"), "utf8"),
  ) as { id: string; version: string; title: string; parameters: Record<string, { value: number }> };
  base.id = "acme-commercial";
  base.version = "1";
  base.title = "ACME Health Plan: SI joint procedures (six months of pain before any procedure)";
  (base.parameters.chronicMinMonths as { value: number }).value = 6;
  writeFileSync(join(copy.dir, ...PROFILES, "acme-commercial.v1.json"), `${JSON.stringify(base, null, 2)}\n`);
  writeManifest(copy.dir);
  client = await connectInMemory(serverContext(knowledgeFrom(copy.dir)));
});
afterAll(async () => {
  await client.close();
  remove();
});

const CASE = (policy?: string) => ({
  request: { services: [{ code: "27096" }], diagnoses: ["M47.817"], ...(policy ? { policy } : {}) },
  clinical: { painDurationMonths: 4, painType: "axial" },
});

describe("a plan's profile added as a file", () => {
  it("is listed as a policy the review tools accept", async () => {
    const { tools } = await client.listTools();
    const schema = JSON.stringify(tools.find((t) => t.name === "evaluateSIJointRFA")?.inputSchema);
    expect(schema).toContain('"acme-commercial"');
    // The letter tool advertises its case as the evaluateSIJointRFA input and checks it against the same schema.
    const letter = await client.callTool({
      name: "draftDeterminationLetter",
      arguments: { case: CASE("acme-commercial"), context: { regime: "commercial-erisa" } },
    });
    expect(letter.isError).toBeFalsy();
    expect((letter.structuredContent as { policy: { id: string } }).policy.id).toBe("acme-commercial");
  });

  it("is applied: its own threshold decides, and the answer names it", async () => {
    const plan = (
      await client.callTool({
        name: "evaluateSIJointRFA",
        arguments: { ...CASE("acme-commercial"), detail: "full" },
      })
    ).structuredContent as Evaluation;
    expect(plan.policy).toMatchObject({ id: "acme-commercial", version: "1" });
    expect(plan.services[0]?.pathway?.id).toBe("EH-INJ-acute");
    expect(plan.criteria.find((c) => c.id === "EH-chronic")?.statement).toContain("at least 6 months");

    const shipped = (
      await client.callTool({ name: "evaluateSIJointRFA", arguments: { ...CASE(), detail: "full" } })
    ).structuredContent as Evaluation;
    expect(shipped.policy.id).toBe("evidence-hierarchy");
    expect(shipped.services[0]?.pathway?.id).toBe("EH-INJ-bmj");
  });

  it("is refused when its file is not in the manifest", () => {
    const copy = copyCorpus();
    try {
      writeFileSync(join(copy.dir, ...PROFILES, "unlisted.v1.json"), "{}");
      expect(() => knowledgeFrom(copy.dir)).toThrow(/unlisted\.v1\.json: not listed in the manifest/);
    } finally {
      copy.remove();
    }
  });
});
