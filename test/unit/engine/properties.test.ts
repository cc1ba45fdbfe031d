import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateCase as evaluate, parseSiCase, shippedKnowledge } from "../../support/knowledge.js";
import type { SiCase } from "../../support/knowledge.js";
import { canonicalJson } from "../../../src/engine/canonical-json.js";
import { evaluationText } from "../../../src/review/evaluation-text.js";
import type { Evaluation } from "../../../src/engine/evaluation-schema.js";
import { EvaluationSchema } from "../../../src/engine/evaluation-schema.js";

const SERVICES = [
  "64625",
  "27096",
  "G0260",
  "64451",
  "J1100",
  "J1030",
  "J3301",
  "J2001",
  "J0670",
  "0232T",
  "77003",
  "64635",
  "62323",
];
const DIAGNOSES = [
  "M53.3",
  "M47.817",
  "M54.50",
  "S33.6XXA",
  "M46.1",
  "M45.7",
  "M45.A8",
  "C79.51",
  "C41.2",
  "M54.16",
  "M51.17",
  "M54.41",
  "R52",
  "M08.1",
  "M46.3",
  "G89.4",
  "O26.891",
];

const relief = fc.oneof(
  fc.integer({ min: 0, max: 100 }),
  fc
    .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
    .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]),
);

const clinical = fc
  .record(
    {
      painDurationMonths: fc.oneof(
        fc.integer({ min: 0, max: 120 }),
        fc.double({ min: 0, max: 120, noNaN: true }),
      ),
      painType: fc.constantFrom("axial", "radicular", "mixed"),
      inflammatorySpondyloarthropathy: fc.boolean(),
      cancerRelated: fc.boolean(),
      provocativeTests: fc.record(
        {
          positive: fc.integer({ min: 0, max: 6 }),
          names: fc.array(fc.constantFrom("FABER", "Gaenslen", "thigh thrust"), { maxLength: 3 }),
        },
        { requiredKeys: [] },
      ),
      diagnosticBlocks: fc.array(
        fc.record(
          { reliefPercent: relief, type: fc.constantFrom("intra-articular", "lateral-branch") },
          { requiredKeys: ["reliefPercent"] },
        ),
        { maxLength: 3 },
      ),
      priorRFA: fc.array(
        fc.record({ reliefPercent: relief, durationMonths: fc.integer({ min: 0, max: 24 }) }),
        { maxLength: 2 },
      ),
      conservativeCare: fc.record(
        {
          weeks: fc.integer({ min: 0, max: 52 }),
          modalities: fc.uniqueArray(
            fc.constantFrom("physical-therapy", "exercise", "nsaids", "chiropractic"),
            { maxLength: 3 },
          ),
        },
        { requiredKeys: [] },
      ),
      painLocation: fc.constantFrom("si-joint-below-l5", "above-l5", "widespread", "other"),
      otherCauses: fc.uniqueArray(fc.constantFrom("infection", "fracture", "tumour"), { maxLength: 2 }),
      ageYears: fc.integer({ min: 12, max: 90 }),
      requestType: fc.constantFrom("diagnostic", "therapeutic"),
      imageGuidance: fc.constantFrom("fluoroscopy", "ct", "ultrasound", "none"),
      therapeuticInjections: fc.array(
        fc.record(
          {
            date: fc.constantFrom("2024-11-01", "2025-06-01"),
            reliefPercent: fc.integer({ min: 0, max: 100 }),
            reliefDurationMonths: fc.integer({ min: 0, max: 12 }),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 5 },
      ),
      notes: fc.string({ maxLength: 80 }),
    },
    { requiredKeys: [] },
  )
  // Conservative care can last no longer than the pain (an impossible case is an error, tested elsewhere).
  .map((c) =>
    c.conservativeCare?.weeks !== undefined && c.painDurationMonths !== undefined
      ? {
          ...c,
          conservativeCare: {
            ...c.conservativeCare,
            weeks: Math.min(c.conservativeCare.weeks, Math.floor(c.painDurationMonths * 4.348)),
          },
        }
      : c,
  );

const input: fc.Arbitrary<SiCase> = fc
  .record({
    services: fc.uniqueArray(fc.constantFrom(...SERVICES), { minLength: 1, maxLength: 4 }),
    diagnoses: fc.uniqueArray(fc.constantFrom(...DIAGNOSES), { maxLength: 4 }),
    policy: fc.constantFrom("evidence-hierarchy", "medicare-lcd"),
    dateOfService: fc.option(fc.constantFrom("2025-09-01", "2026-03-02"), { nil: undefined }),
    clinical,
  })
  .map(({ services, diagnoses, policy, dateOfService, clinical: c }) =>
    parseSiCase({
      request: {
        services: services.map((code) => ({ code })),
        diagnoses,
        policy,
        ...(dateOfService ? { dateOfService } : {}),
      },
      clinical: c,
    }),
  );

/** Per-service results without trace addresses (which name a requested code's position only when repeated). */
function perService(e: Evaluation): Record<string, unknown> {
  return Object.fromEntries(
    e.services.map((s) => [s.code, { ...s, criteria: e.criteria.filter((c) => c.service === s.code) }]),
  );
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function quotesIn(
  value: unknown,
  found: { passageId: string; quote: string }[] = [],
): { passageId: string; quote: string }[] {
  if (Array.isArray(value)) value.forEach((v) => quotesIn(v, found));
  else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.passageId === "string" && typeof o.quote === "string")
      found.push({ passageId: o.passageId, quote: o.quote });
    Object.values(o).forEach((v) => quotesIn(v, found));
  }
  return found;
}

describe("evaluation properties (fast-check)", () => {
  it("is deterministic: the same input gives byte-identical output and text", () => {
    fc.assert(
      fc.property(input, (x) => {
        const a = evaluate(x);
        const b = evaluate(structuredClone(x));
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        expect(evaluationText(b)).toBe(evaluationText(a));
      }),
    );
  });

  it("always produces output that satisfies the output schema, marked for review", () => {
    fc.assert(
      fc.property(input, (x) => {
        const e = evaluate(x);
        expect(EvaluationSchema.safeParse(e).success).toBe(true);
        expect(e.reviewRequired).toBe(true);
        if (e.services.some((s) => s.determination === "insufficient-information")) {
          expect(e.missingInformation.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it("the order of services and diagnoses does not change any service's result", () => {
    fc.assert(
      fc.property(input, fc.nat(), (x, seed) => {
        const reordered: SiCase = {
          ...x,
          request: {
            ...x.request,
            services: shuffled(x.request.services, seed),
            diagnoses: shuffled(x.request.diagnoses, seed + 1),
          },
        };
        const a = evaluate(x);
        const b = evaluate(reordered);
        expect(perService(b)).toEqual(perService(a));
        expect(b.determination).toBe(a.determination);
        for (const key of [
          "governingEvidence",
          "supportingEvidence",
          "conflictingEvidence",
          "evidenceNotes",
          "pitfalls",
          "alternatives",
          "missingInformation",
        ] as const) {
          expect(canonicalJson(b[key])).toBe(canonicalJson(a[key]));
        }
      }),
    );
  });

  it("adding facts the logic does not read (notes, test names, block types, plausible units, laterality) changes nothing but the input hash", () => {
    fc.assert(
      fc.property(input, fc.string({ maxLength: 200 }), (x, notes) => {
        const extra: SiCase = {
          request: {
            ...x.request,
            // One unit is plausible for every code (more can make an approval pend: see the units tests).
            services: x.request.services.map((s) => ({ ...s, units: 1, laterality: "bilateral" as const })),
          },
          clinical: {
            ...x.clinical,
            notes,
            provocativeTests: x.clinical.provocativeTests && {
              ...x.clinical.provocativeTests,
              names: ["FABER", "Gaenslen"],
            },
            diagnosticBlocks: x.clinical.diagnosticBlocks?.map((b) => ({
              ...b,
              // A block's date is read: blocks on one date are one diagnostic session.
              type: "other" as const,
            })),
          },
        };
        const strip = (e: Evaluation) => ({ ...e, audit: { ...e.audit, inputSha256: "" } });
        expect(strip(evaluate(parseSiCase(extra)))).toEqual(strip(evaluate(x)));
      }),
    );
  });

  it("every quote in any output is a verbatim substring of its stored passage, in the text too", () => {
    const passages = shippedKnowledge().corpus.passages;
    fc.assert(
      fc.property(input, (x) => {
        const e = evaluate(x);
        const quotes = quotesIn(e);
        if (e.services.some((s) => s.role !== "out-of-scope")) expect(quotes.length).toBeGreaterThan(0);
        for (const q of quotes)
          expect(passages.get(q.passageId)?.text.includes(q.quote), q.passageId).toBe(true);
        const text = evaluationText(e);
        for (const q of quotes) expect(text).toContain(`"${q.quote}"`);
      }),
    );
  });

  it("notes are never echoed anywhere in the output", () => {
    fc.assert(
      fc.property(input, fc.stringMatching(/^[A-Z]{12,20}$/), (x, marker) => {
        const e = evaluate({ ...x, clinical: { ...x.clinical, notes: `approve ${marker} now` } });
        expect(JSON.stringify(e)).not.toContain(marker);
        expect(evaluationText(e)).not.toContain(marker);
      }),
    );
  });

  it("missing data never denies: with no clinical facts and no diagnoses, a service is denied only for what the request itself shows", () => {
    fc.assert(
      fc.property(input, (x) => {
        const e = evaluate({ request: { ...x.request, diagnoses: [] }, clinical: {} });
        const codes = x.request.services.map((s) => s.code);
        const procedure = codes.some((c) => ["27096", "G0260", "64451", "64625"].includes(c));
        for (const s of e.services) {
          if (s.role === "out-of-scope") expect(s.determination).toBe("not-applicable");
          else if (s.determination === "not-medically-necessary") {
            // Medicare does not cover SI joint RFA; a drug with no SI joint procedure is not an SI joint injection.
            const rfa = x.request.policy === "medicare-lcd" && s.code === "64625";
            const drugAlone = s.role === "injectable" && !procedure;
            // The Medicare LCD excludes biologic injectates (0232T is on the request itself).
            const biologic = x.request.policy === "medicare-lcd" && codes.includes("0232T");
            expect(rfa || drugAlone || biologic, `${s.code} denied with no facts`).toBe(true);
          } else expect(["insufficient-information", "not-applicable"]).toContain(s.determination);
        }
        for (const c of e.criteria.filter((k) => k.status === "not-met"))
          expect(["MCD-with-procedure", "MCD-no-biologic", "EH-local-glucocorticoid"], c.id).toContain(c.id);
      }),
    );
  });

  it("a contradiction between codes and stated facts that changes a service's pathway always pends it", () => {
    fc.assert(
      fc.property(input, (x) => {
        const e = evaluate(x);
        for (const c of e.contradictions.filter((k) => k.changesOutcome)) {
          expect(e.determination, c.fact).toBe("insufficient-information");
          expect(
            e.missingInformation.some((m) => m.includes("records that settle whether")),
            c.fact,
          ).toBe(true);
        }
      }),
    );
  });

  it("the Medicare profile never recommends approval when an LCD exclusion is coded or stated", () => {
    const exclusions = fc.constantFrom<[string, Record<string, unknown>]>(
      ["C79.51", {}],
      ["M46.3", {}],
      ["M96.0", {}],
      ["S32.10XA", {}],
      ["M54.16", {}],
      ["G89.4", {}],
      ["M53.3", { painType: "radicular" }],
      ["M53.3", { otherCauses: ["fracture"] }],
      ["M53.3", { painLocation: "above-l5" }],
      ["M53.3", { imageGuidance: "none" }],
      ["M54.50", {}],
    );
    const approvable = {
      painDurationMonths: 6,
      painType: "axial",
      painLocation: "si-joint-below-l5",
      otherCauses: [],
      provocativeTests: { performed: 5, positive: 4 },
      conservativeCare: { weeks: 8, modalities: ["physical-therapy", "nsaids"] },
      imageGuidance: "fluoroscopy",
      diagnosticBlocks: [{ reliefPercent: 85, date: "2026-01-10" }],
      therapeuticInjections: [],
    };
    fc.assert(
      fc.property(exclusions, fc.constantFrom("diagnostic", "therapeutic"), ([code, extra], requestType) => {
        const e = evaluate({
          request: {
            services: [{ code: "27096" }, { code: "J1100", units: 8 }],
            diagnoses: [code],
            policy: "medicare-lcd",
            dateOfService: "2026-03-02",
          },
          clinical: { ...approvable, requestType, ...extra },
        });
        for (const s of e.services)
          expect(s.determination, `${code} ${JSON.stringify(extra)}`).not.toBe("medically-necessary");
      }),
    );
    // The same case without the exclusion is approved (the property is not vacuous).
    const clean = evaluate({
      request: {
        services: [{ code: "27096" }],
        diagnoses: ["M53.3"],
        policy: "medicare-lcd",
        dateOfService: "2026-03-02",
      },
      clinical: { ...approvable, requestType: "diagnostic", diagnosticBlocks: [] },
    });
    expect(clean.determination).toBe("medically-necessary");
  });

  it("the date of service never makes a later policy version or later evidence govern", () => {
    fc.assert(
      fc.property(
        input,
        fc.constantFrom("2019-06-01", "2023-01-15", "2024-07-01", "2025-02-18", "2026-03-02"),
        (x, date) => {
          // Earlier procedures are dated before the date of service (a later one is an error, tested elsewhere).
          const history = x.clinical.therapeuticInjections?.filter((t) => (t.date ?? "") <= date);
          const e = evaluate({
            request: { ...x.request, dateOfService: date },
            clinical: { ...x.clinical, ...(history ? { therapeuticInjections: history } : {}) },
          });
          const corpus = shippedKnowledge().corpus;
          if (e.policy.effectiveDate > date) {
            expect(e.policy.inForce).toBe(false);
            for (const s of e.services) expect(s.determination).not.toBe("not-medically-necessary");
            for (const s of e.services) expect(s.determination).not.toBe("medically-necessary");
            expect(e.governingEvidence).toEqual([]);
          }
          for (const g of e.governingEvidence) {
            const year = corpus.sources.get(g.sourceId)?.year ?? 0;
            expect(year, g.passageId).toBeLessThanOrEqual(Number(date.slice(0, 4)));
          }
        },
      ),
    );
  });
});
