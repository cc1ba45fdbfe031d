import { describe, expect, it } from "vitest";
import { evaluateCase, shippedKnowledge } from "../../support/knowledge.js";

// Every family's worked examples (corpus/families/<id>/examples/): each criterion of each profile has a
// met, a not-met and an unknown example, and each example reviews to its status.
const families = shippedKnowledge().families.list;

describe("worked examples cover every criterion", () => {
  for (const family of families) {
    for (const [profile, versions] of family.profiles) {
      for (const { profile: version } of versions) {
        for (const criterion of version.criteria) {
          it(`${family.id} ${profile} v${version.version} ${criterion.id} has met, not-met and unknown examples`, () => {
            const statuses = new Set(
              family.examples
                .filter((e) => e.profile === profile && e.criterion === criterion.id)
                .map((e) => e.status),
            );
            // A criterion whose facts are always documented says why instead of giving an unknown example.
            if (family.neverUnknown.some((n) => n.profile === profile && n.criterion === criterion.id))
              statuses.add("unknown");
            expect([...statuses].filter((s) => s !== "not-applicable").sort()).toEqual([
              "met",
              "not-met",
              "unknown",
            ]);
          });
        }
      }
    }
  }

  it("every example names a criterion of its profile", () => {
    for (const family of families) {
      for (const e of family.examples) {
        const criteria = (family.profiles.get(e.profile) ?? []).flatMap((v) =>
          v.profile.criteria.map((c) => c.id),
        );
        expect(criteria, e.why).toContain(e.criterion);
      }
    }
  });
});

describe("criteria said never to be unknown", () => {
  const claims = families.flatMap((f) => f.neverUnknown.map((n) => ({ ...n, family: f })));
  it.each(claims.map((n) => [`${n.profile} ${n.criterion}`, n] as const))(
    "%s is not unknown even for a case with no clinical facts and no diagnoses",
    (_, n) => {
      for (const e of n.family.examples.filter(
        (x) => x.profile === n.profile && x.criterion === n.criterion,
      )) {
        const result = evaluateCase({
          request: { services: [{ code: e.service }], diagnoses: [], policy: e.profile },
          clinical: {},
        });
        const row = result.criteria.find((c) => c.id === n.criterion && c.service === e.service);
        if (row) expect(row.status, e.service).not.toBe("unknown");
      }
    },
  );
});

describe("worked examples evaluate to their status", () => {
  const examples = families.flatMap((f) => f.examples);
  it.each(examples.map((e) => [`${e.profile} ${e.criterion} ${e.status}: ${e.why}`, e] as const))(
    "%s",
    (_, e) => {
      const result = evaluateCase({
        request: {
          services: [{ code: e.service }],
          diagnoses: e.diagnoses,
          policy: e.profile,
          ...(e.dateOfService ? { dateOfService: e.dateOfService } : {}),
        },
        clinical: e.clinical,
      });
      const row = result.criteria.find((c) => c.id === e.criterion && c.service === e.service);
      expect(row, "criterion row present").toBeDefined();
      expect(row?.status).toBe(e.status);
    },
  );
});
