import { describe, expect, it } from "vitest";
import { caseFacts } from "../../../src/engine/case-facts.js";
import { parseCase, shippedKnowledge } from "../../support/knowledge.js";

const family = (() => {
  const f = shippedKnowledge().families.list.find((x) => x.data.id === "si-joint");
  if (!f) throw new Error("si-joint family not loaded");
  return f;
})();

/** The family's facts of an SI joint injection case with the given clinical facts and date of service. */
function factsOf(clinical: Record<string, unknown>, dateOfService = "2026-03-02") {
  const input = parseCase({
    request: { services: [{ code: "27096", laterality: "left" }], diagnoses: ["M53.3"], dateOfService },
    clinical,
  });
  return caseFacts(input, family).values;
}

describe("fact readers: sessions are distinct dates", () => {
  it("blocks on the same date are one diagnostic session; on two dates, two", () => {
    const same = [
      { reliefPercent: 80, date: "2026-01-15", side: "left" },
      { reliefPercent: 85, date: "2026-01-15", side: "right" },
    ];
    expect(factsOf({ diagnosticBlocks: same }).diagnosticSessionsCount).toBe(1);
    expect(factsOf({ diagnosticBlocks: same }).diagnosticBlocksCount).toBe(2);
    const two = [same[0], { ...same[1], date: "2026-02-01" }];
    expect(factsOf({ diagnosticBlocks: two }).diagnosticSessionsCount).toBe(2);
  });

  it("undated blocks make the session count a range: they may share a day or each be one more", () => {
    expect(
      factsOf({ diagnosticBlocks: [{ reliefPercent: 80 }, { reliefPercent: 70 }] }).diagnosticSessionsCount,
    ).toEqual([1, 2]);
    expect(
      factsOf({ diagnosticBlocks: [{ reliefPercent: 80, date: "2026-01-15" }, { reliefPercent: 70 }] })
        .diagnosticSessionsCount,
    ).toEqual([1, 2]);
    expect(factsOf({ diagnosticBlocks: [] }).diagnosticSessionsCount).toBe(0);
    expect(factsOf({}).diagnosticSessionsCount).toBeUndefined();
  });

  it("therapeutic sessions count distinct dates inside the rolling 12 months only", () => {
    const injections = [
      { date: "2025-03-02", reliefPercent: 70 }, // exactly 12 months before: outside the window
      { date: "2025-03-03", reliefPercent: 70 },
      { date: "2025-06-10", reliefPercent: 70, side: "left" },
      { date: "2025-06-10", reliefPercent: 70, side: "right" },
      { date: "2026-03-03", reliefPercent: 70 }, // after the date of service
    ];
    expect(factsOf({ therapeuticInjections: injections }).therapeuticSessionsLast12Months).toBe(2);
    expect(
      factsOf({ therapeuticInjections: [...injections, { reliefPercent: 70 }] })
        .therapeuticSessionsLast12Months,
    ).toEqual([2, 3]);
  });
});

describe("fact readers: the latest entry", () => {
  it("reads the field of the latest dated entry", () => {
    const injections = [
      { date: "2025-12-01", reliefPercent: 40 },
      { date: "2025-06-01", reliefPercent: 90 },
    ];
    expect(factsOf({ therapeuticInjections: injections }).lastTherapeuticReliefPercent).toBe(40);
  });

  it("with undated entries that could be the latest, gives the range of their values (one value when they agree)", () => {
    const undated = [{ reliefPercent: 70 }, { reliefPercent: 70 }];
    expect(factsOf({ therapeuticInjections: undated }).lastTherapeuticReliefPercent).toBe(70);
    const mixed = [{ date: "2025-12-01", reliefPercent: 40 }, { reliefPercent: 80 }, { reliefPercent: 60 }];
    expect(factsOf({ therapeuticInjections: mixed }).lastTherapeuticReliefPercent).toEqual([40, 80]);
  });

  it("is unknown when an entry that could be the latest does not document the field", () => {
    const injections = [{ date: "2025-12-01" }, { date: "2025-06-01", reliefPercent: 90 }];
    expect(factsOf({ therapeuticInjections: injections }).lastTherapeuticReliefPercent).toBeUndefined();
    expect(factsOf({ therapeuticInjections: [] }).lastTherapeuticReliefPercent).toBeUndefined();
  });
});
