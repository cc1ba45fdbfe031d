import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Evaluation } from "../../../src/engine/evaluation-schema.js";
import type { FamilyModule } from "../../../src/families/family-module.js";
import { SHIPPED_FAMILIES } from "../../../src/families/shipped.js";
import type { Knowledge } from "../../../src/knowledge/knowledge.js";
import type { Letter } from "../../../src/letters/letter-schema.js";
import { serverContext } from "../../../src/mcp/context.js";
import { reviewCase } from "../../../src/review/review-case.js";
import { writeManifest } from "../../../tools/corpus-writer.js";
import { copyCorpus } from "../../support/temp-corpus.js";
import { fullContext } from "../../support/letters.js";
import { connectInMemory, textOf } from "../../support/clients.js";
import { knowledgeFrom } from "../../support/knowledge.js";

/*
 * A second procedure family that exists only as test data (test/fixtures/families/): copied into a
 * copy of the shipped corpus, it is reviewed through the same path as the SI joint family — the same
 * loader, checks, engine, review, letter and MCP tools — with no change to generic code.
 */
const FIXTURES = join(import.meta.dirname, "..", "..", "fixtures", "families");

const fixtureKnee: FamilyModule = {
  id: "fixture-knee",
  clinical: z.strictObject({
    kneePainWeeks: z.number().min(0).max(520).optional(),
    kneeOsteoarthritis: z.boolean().optional(),
    kneeInjections: z
      .array(z.strictObject({ date: z.iso.date().optional() }))
      .max(20)
      .optional(),
  }),
};

let remove: () => void;
let knowledge: Knowledge;
let client: Client;

beforeAll(async () => {
  const copy = copyCorpus();
  remove = copy.remove;
  cpSync(join(FIXTURES, "fixture-knee"), join(copy.dir, "families", "fixture-knee"), { recursive: true });
  cpSync(
    join(FIXTURES, "fixture-knee-guideline.json"),
    join(copy.dir, "evidence", "sources", "fixture-knee-guideline.json"),
  );
  writeManifest(copy.dir);
  knowledge = knowledgeFrom(copy.dir, [...SHIPPED_FAMILIES, fixtureKnee]);
  client = await connectInMemory(serverContext(knowledge));
});
afterAll(async () => {
  await client.close();
  remove();
});

const CASE = {
  request: { services: [{ code: "20610", units: 1 }, { code: "J7321" }], diagnoses: ["M17.11"] },
  clinical: { kneePainWeeks: 16, kneeInjections: [{ date: "2025-01-10" }] },
};

describe("a procedure family that exists only as test data", () => {
  it("is loaded and checked like a shipped family, and its profile is offered as a policy", async () => {
    expect(knowledge.families.list.map((f) => f.id)).toEqual(["si-joint", "fixture-knee"]);
    const { tools } = await client.listTools();
    const evaluate = tools.find((t) => t.name === "evaluateSIJointRFA");
    const request = (
      evaluate?.inputSchema.properties as Record<string, { properties: Record<string, { enum?: string[] }> }>
    ).request;
    expect(request?.properties.policy?.enum).toEqual([
      "evidence-hierarchy",
      "fixture-policy",
      "medicare-lcd",
    ]);
  });

  it("reviews a case through the review path, reading its facts from its own data", () => {
    const { evaluation, family, profile } = reviewCase({ knowledge }, CASE, "test");
    expect(family.id).toBe("fixture-knee");
    expect(profile.profile.id).toBe("fixture-policy");
    expect(evaluation.determination).toBe("medically-necessary");
    expect(evaluation.services.map((s) => [s.code, s.role, s.determination, s.pathway?.id])).toEqual([
      ["20610", "procedure", "medically-necessary", "FX-INJ-oa"],
      ["J7321", "injectable", "medically-necessary", "FX-INJ-oa"],
    ]);
    const oa = evaluation.criteria.find((c) => c.id === "FX-oa" && c.service === "20610");
    expect(oa?.facts).toEqual({
      kneeOsteoarthritis: true,
      kneeOsteoarthritisSource: "diagnosis codes M17.11",
    });
    // A fact read from the service under review is read per service.
    const units = evaluation.criteria.filter((c) => c.id === "FX-frequency").map((c) => c.facts.serviceUnits);
    expect(units).toEqual([1, null]);
    expect(evaluation.diagnoses).toEqual([{ code: "M17.11", classes: ["knee-oa"] }]);
    expect(evaluation.governingEvidence.map((c) => c.passageId)).toEqual(["fixture-knee-guideline#rec-1"]);
  });

  it("decides by its own thresholds and asks for its own documents", async () => {
    const short = await client.callTool({
      name: "evaluateSIJointRFA",
      arguments: { ...CASE, clinical: { ...CASE.clinical, kneePainWeeks: 4 } },
    });
    expect((short.structuredContent as Evaluation).determination).toBe("not-medically-necessary");
    const unknown = await client.callTool({
      name: "evaluateSIJointRFA",
      arguments: { request: { services: [{ code: "20610" }], diagnoses: [] }, clinical: {} },
    });
    const pending = unknown.structuredContent as Evaluation;
    expect(pending.determination).toBe("insufficient-information");
    // Asked in one round: what chooses the pathway, and what the possible pathway would then need.
    expect(pending.missingInformation).toEqual([
      "a list of earlier knee injections with their dates",
      "documentation of when the knee pain began",
      "knee imaging or examination documenting osteoarthritis",
    ]);
    expect(textOf(unknown)).toContain("FX-oa");
  });

  it("gives the same errors as any review: a diagnosis given as a service, a policy that does not cover the family", async () => {
    const asService = await client.callTool({
      name: "evaluateSIJointRFA",
      arguments: { ...CASE, request: { ...CASE.request, services: [{ code: "M17.11" }] } },
    });
    expect(asService.isError).toBe(true);
    expect(textOf(asService)).toContain("this is a diagnosis code; put it in request.diagnoses");
    const wrongPolicy = await client.callTool({
      name: "evaluateSIJointRFA",
      arguments: { ...CASE, request: { ...CASE.request, policy: "medicare-lcd" } },
    });
    expect(wrongPolicy.isError).toBe(true);
    expect(textOf(wrongPolicy)).toContain(
      'expected one of "fixture-policy", received "medicare-lcd" (it has no version for the family "Fixture knee injections") at request.policy',
    );
  });

  it("drafts a letter that states its facts with the family's own phrases", async () => {
    const result = await client.callTool({
      name: "draftDeterminationLetter",
      arguments: { case: CASE, context: fullContext("commercial-erisa") },
    });
    expect(result.isError, textOf(result)).toBeFalsy();
    const letter = result.structuredContent as Letter;
    expect(letter.letterType).toBe("approval");
    expect(letter.markdown).toContain("The knee has hurt for 16 weeks");
    expect(letter.markdown).toContain("1 earlier knee injection is recorded");
    expect(letter.verification.allQuotesVerified).toBe(true);
  });

  it("leaves the shipped family's reviews unchanged", () => {
    const si = JSON.parse(
      readFileSync(join(import.meta.dirname, "..", "..", "golden", "reference-case.json"), "utf8"),
    ) as {
      full: {
        request: { params: { arguments: { case?: unknown } & Record<string, unknown> } };
        response: {
          structuredContent: Pick<Evaluation, "determination" | "criteria"> & { services: Outcome[] };
        };
      };
    };
    // The golden's full view, reviewed again with the fixture family loaded beside the shipped one.
    const { detail: _detail, ...input } = si.full.request.params.arguments;
    const { evaluation } = reviewCase({ knowledge }, input as never, "test");
    const golden = si.full.response.structuredContent;
    expect(evaluation.determination).toBe(golden.determination);
    expect(evaluation.services.map(outcome)).toEqual(golden.services.map(outcome));
    expect(evaluation.criteria.map((c) => [c.id, c.status])).toEqual(
      golden.criteria.map((c) => [c.id, c.status]),
    );
  });
});

interface Outcome {
  code: string;
  determination: string;
  pathway?: { id: string } | null | undefined;
  reasons: string[];
}
const outcome = (s: Outcome) => [s.code, s.determination, s.pathway?.id ?? null, s.reasons];
