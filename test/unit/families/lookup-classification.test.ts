import type { Client } from "@modelcontextprotocol/client";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dottedIcd } from "../../../src/codes/code-shapes.js";
import { shippedKnowledge } from "../../support/knowledge.js";
import { lookupCodes } from "../../../src/codes/lookup-codes.js";
import type { LookupCodesOutput } from "../../../src/codes/lookup-result-schema.js";
import type { EvaluationFull as Evaluation } from "../../../src/review/evaluation-full-schema.js";
import { withDiagnosisClassifications as classify } from "../../../src/families/classify-lookup.js";
import { classifyDiagnosis } from "../../../src/families/diagnosis-classes.js";
import { connectInMemory, textOf } from "../../support/clients.js";

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
    const result = await client.callTool({
      name: "lookupCodes",
      arguments: { codes: CODES, detail: "full" },
    });
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
        detail: "full",
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

describe("the classification shown by lookupCodes", () => {
  const data = shippedKnowledge().codes.get();
  const families = shippedKnowledge().families.list;
  const withDiagnosisClassifications = (output: LookupCodesOutput) => classify(output, families);
  const classes = shippedKnowledge().families.list[0]!.classes;
  const prefixes = classes.rules.map((r) => r.prefix.replace(".", ""));
  // Half the draws are codes under one of the rules' prefixes (a rule drawn first), so many have a classification.
  const underRule = prefixes.map((p) => {
    const found: number[] = [];
    for (let i = 0; i < data.icd.size; i++) if (data.icd.code(i).startsWith(p)) found.push(i);
    return found;
  });
  const icdCode = fc
    .oneof(
      fc.integer({ min: 0, max: data.icd.size - 1 }),
      fc
        .constantFrom(...underRule.filter((list) => list.length > 0))
        .chain((list) => fc.constantFrom(...list)),
    )
    .map((i) => dottedIcd(data.icd.code(i)));

  it("names the classes and the rule prefixes that start the code, for any ICD-10-CM code (property)", () => {
    fc.assert(
      fc.property(fc.array(icdCode, { minLength: 1, maxLength: 6 }), (codes) => {
        const out = withDiagnosisClassifications(lookupCodes(shippedKnowledge().codes, { codes }));
        for (const r of out.results) {
          expect(r.system).toBe("ICD-10-CM");
          const expected = classifyDiagnosis(r.code, classes).map((c) => c.id);
          expect(r.classification?.category, r.code).toBe(expected.length ? expected.join("+") : undefined);
          for (const prefix of r.classification?.prefix.split(", ") ?? [])
            expect(r.code.replace(".", "").startsWith(prefix.replace(".", "")), r.code).toBe(true);
        }
        expect(out.classificationSource !== undefined).toBe(out.results.some((r) => r.classification));
      }),
      { numRuns: 200, seed: 46 },
    );
  });

  it("is stated with its source once per answer, and the same on every call", () => {
    const request = { codes: ["M46.1", "M53.3", "M47.817", "J1100"] };
    const first = withDiagnosisClassifications(lookupCodes(shippedKnowledge().codes, request));
    expect(first.classificationSource).toMatch(
      /^Family data corpus\/families\/si-joint\/diagnosis-classes\.json, version /,
    );
    expect(first.classificationSource).toMatch(/explicit case facts take precedence/);
    expect(Object.keys(first).slice(0, 3)).toEqual(["release", "classificationSource", "results"]);
    expect(JSON.stringify(withDiagnosisClassifications(lookupCodes(shippedKnowledge().codes, request)))).toBe(
      JSON.stringify(first),
    );
    const none = withDiagnosisClassifications(
      lookupCodes(shippedKnowledge().codes, { codes: ["J1100", "R52"], query: "pain" }),
    );
    expect(none).not.toHaveProperty("classificationSource");
  });
});
