import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/policy/evaluate.js";
import type { EvaluateInput, PolicyProfile } from "../../src/policy/evaluation-schema.js";
import { EvaluateInputSchema, POLICY_PROFILES } from "../../src/policy/evaluation-schema.js";
import { getPolicy } from "../../src/policy/policy-store.js";

interface Example {
  policy: PolicyProfile;
  criterion: string;
  status: "met" | "not-met" | "unknown" | "not-applicable";
  service: string;
  diagnoses: string[];
  clinical: EvaluateInput["clinical"];
  why: string;
}

const { examples } = JSON.parse(readFileSync(join(import.meta.dirname, "worked-examples.json"), "utf8")) as {
  examples: Example[];
};

describe("worked examples cover every criterion", () => {
  for (const profile of POLICY_PROFILES) {
    for (const criterion of getPolicy(profile).policy.criteria) {
      it(`${profile} ${criterion.id} has met, not-met and unknown examples`, () => {
        const statuses = new Set(
          examples.filter((e) => e.policy === profile && e.criterion === criterion.id).map((e) => e.status),
        );
        expect([...statuses].filter((s) => s !== "not-applicable").sort()).toEqual([
          "met",
          "not-met",
          "unknown",
        ]);
      });
    }
  }

  it("every example names a criterion of its policy", () => {
    for (const e of examples) {
      expect(
        getPolicy(e.policy).policy.criteria.map((c) => c.id),
        e.why,
      ).toContain(e.criterion);
    }
  });
});

describe("worked examples evaluate to their status", () => {
  it.each(examples.map((e) => [`${e.policy} ${e.criterion} ${e.status}: ${e.why}`, e] as const))(
    "%s",
    (_, e) => {
      const input = EvaluateInputSchema.parse({
        request: { services: [{ code: e.service }], diagnoses: e.diagnoses, policy: e.policy },
        clinical: e.clinical,
      });
      const result = evaluate(input);
      const row = result.criteria.find((c) => c.id === e.criterion && c.service === e.service);
      expect(row, "criterion row present").toBeDefined();
      expect(row?.status).toBe(e.status);
    },
  );
});
