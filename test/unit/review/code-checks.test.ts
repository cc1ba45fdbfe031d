import type { Client } from "@modelcontextprotocol/client";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaseInput } from "../../../src/engine/case-schema.js";
import { checkCodes } from "../../../src/review/code-checks.js";
import { CodeFindingSchema } from "../../../src/codes/code-findings.js";
import type { CodeFinding } from "../../../src/codes/code-findings.js";
import { ReviewError } from "../../../src/review/review-error.js";
import { REFERENCE_CASE } from "../../../tools/demo-reference-case.js";
import { connectInMemory, textOf } from "../../support/clients.js";
import { review, shippedKnowledge } from "../../support/knowledge.js";

const codes = shippedKnowledge().codes;

function check(services: string[], diagnoses: string[], dateOfService?: string) {
  const input: CaseInput = {
    request: { services: services.map((code) => ({ code })), diagnoses, dateOfService },
    clinical: {},
  };
  return checkCodes(codes.forDate(dateOfService), input);
}

const brief = (f: CodeFinding) => [f.code, f.path, f.value];

describe("code checks: problems only for input that is not a code of the right kind", () => {
  it.each([
    [
      ["M53.3"],
      [],
      "diagnosis-as-service",
      "request.services.0.code",
      "this is a diagnosis code; put it in request.diagnoses",
    ],
    [
      ["M53.99"],
      [],
      "diagnosis-as-service",
      "request.services.0.code",
      "the shape of an ICD-10-CM diagnosis code",
    ],
    [["M4781"], [], "diagnosis-as-service", "request.services.0.code", "ICD-10-CM M47.81, a diagnosis code"],
    [["RT"], [], "modifier-as-service", "request.services.0.code", "an HCPCS modifier, not a procedure"],
    [["25"], [], "modifier-as-service", "request.services.0.code", "the shape of a modifier"],
    [
      ["hello"],
      [],
      "malformed-service-code",
      "request.services.0.code",
      "not the shape of a CPT or HCPCS code",
    ],
    [
      ["6462"],
      [],
      "malformed-service-code",
      "request.services.0.code",
      "not the shape of a CPT or HCPCS code",
    ],
    [
      ["64625"],
      ["XYZ.9"],
      "malformed-diagnosis-code",
      "request.diagnoses.0",
      "not the shape of an ICD-10-CM code",
    ],
    [
      ["64625"],
      ["hello"],
      "malformed-diagnosis-code",
      "request.diagnoses.0",
      "not the shape of an ICD-10-CM code",
    ],
    [["64625"], ["M5"], "malformed-diagnosis-code", "request.diagnoses.0", "too short"],
    [
      ["64625"],
      ["RT"],
      "malformed-diagnosis-code",
      "request.diagnoses.0",
      "an HCPCS modifier, not a diagnosis code",
    ],
    [["64625"], ["64625"], "procedure-as-diagnosis", "request.diagnoses.0", "a CPT procedure code"],
    [["64625"], ["G0260"], "procedure-as-diagnosis", "request.diagnoses.0", "an HCPCS procedure code"],
    [["64625"], ["J1010"], "procedure-as-diagnosis", "request.diagnoses.0", "an HCPCS procedure code"],
  ])("services %j, diagnoses %j: %s at %s", (services, diagnoses, code, path, why) => {
    const { problems, findings } = check(services, diagnoses);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code, path });
    expect(problems[0]?.received).toContain(why);
    expect(findings.filter((f) => f.path === path)).toEqual([]);
  });

  it("J1100 as a diagnosis is the HCPCS drug; J11.00 with its dot is the ICD-10-CM code", () => {
    expect(check(["64625"], ["J1100"]).problems[0]).toMatchObject({
      code: "procedure-as-diagnosis",
      received:
        '"J1100" (an HCPCS procedure code, not a diagnosis; write the dot (J11.00) to mean the ICD-10-CM code)',
    });
    expect(check(["64625"], ["J11.00"]).problems).toEqual([]);
  });

  it("the reference case has no problems and, without a date, only the no-date findings", () => {
    const { problems, findings, releases } = check(
      REFERENCE_CASE.request.services.map((s) => s.code),
      REFERENCE_CASE.request.diagnoses,
    );
    expect(problems).toEqual([]);
    expect(findings.map(brief)).toEqual([
      ["no-date-of-service", "request.dateOfService", ""],
      ["no-date-of-service", "request.dateOfService", ""],
    ]);
    expect(releases.dateOfService).toBeNull();
    expect(releases.icd10cm.label).toBe("ICD-10-CM FY2026");
  });
});

describe("code checks: findings for codes of the right kind that cannot be taken at face value", () => {
  it("header codes name their billable children (M54.5, M47.81, S33.6)", () => {
    const { problems, findings } = check(["27096"], ["M54.5", "M47.81", "S33.6"], "2026-03-02");
    expect(problems).toEqual([]);
    expect(findings.map(brief)).toEqual([
      ["icd-header-code", "request.diagnoses.0", "M54.5"],
      ["icd-header-code", "request.diagnoses.1", "M47.81"],
      ["icd-header-code", "request.diagnoses.2", "S33.6"],
    ]);
    const [m545, m4781, s336] = findings;
    expect(m545?.message).toBe(
      "M54.5 is a header in ICD-10-CM FY2026 (a category or subcategory with more specific codes), not valid on a claim; code one of its billable children: M54.50, M54.51, M54.59.",
    );
    expect(m545).toMatchObject({ release: "ICD-10-CM FY2026", billableChildrenTotal: 3 });
    expect(m4781?.billableChildren?.map((c) => c.code)).toContain("M47.817");
    expect(s336?.billableChildren?.map((c) => c.code)).toEqual(["S33.6XXA", "S33.6XXD", "S33.6XXS"]);
  });

  it("a header with many children lists at most 10, with the total", () => {
    const [finding] = check(["27096"], ["M47"], "2026-03-02").findings;
    expect(finding?.billableChildren).toHaveLength(10);
    expect(finding?.billableChildrenTotal).toBeGreaterThan(10);
    expect(finding?.message).toMatch(/, … \(\d+ in all\)\.$/);
  });

  it("codes not in the releases: not verifiable there, with the release named", () => {
    const { problems, findings } = check(["64625", "J9998"], ["M53.39"], "2026-03-02");
    expect(problems).toEqual([]);
    expect(findings).toEqual([
      {
        code: "code-not-in-release",
        path: "request.services.1.code",
        value: "J9998",
        system: "HCPCS",
        release: "HCPCS Level II 2020",
        message:
          "J9998 is not in the 2020 HCPCS file (HCPCS Level II 2020) nor in the known HCPCS updates: not verifiable there (it may have been created after 2020 or be mistyped).",
      },
      {
        code: "code-not-in-release",
        path: "request.diagnoses.0",
        value: "M53.39",
        system: "ICD-10-CM",
        release: "ICD-10-CM FY2026",
        message:
          "M53.39 is not in ICD-10-CM FY2026, the release in force on the date of service 2026-03-02: not verifiable in ICD-10-CM FY2026 (it may be new, deleted or mistyped).",
      },
      {
        code: "date-outside-release",
        path: "request.dateOfService",
        value: "2026-03-02",
        system: "HCPCS",
        release: "HCPCS Level II 2020",
        message:
          "HCPCS Level II 2020 is the CMS annual file for 2020, dated 2019-11-02; the date of service 2026-03-02 is after it: codes added, revised or terminated since are not in it.",
      },
    ]);
  });

  it("J1010 is known only from the updates file; J1030 is deleted and replaced for a later date of service", () => {
    const { findings } = check(["27096", "J1010", "J1030"], ["M53.3"], "2026-03-02");
    expect(findings.map(brief)).toEqual([
      ["code-known-from-updates", "request.services.1.code", "J1010"],
      ["code-deleted", "request.services.2.code", "J1030"],
      ["date-outside-release", "request.dateOfService", "2026-03-02"],
    ]);
    expect(findings[0]).toMatchObject({ replaces: ["J1020", "J1030", "J1040"], effectiveDate: "2024-04-01" });
    expect(findings[0]?.message).toBe(
      'J1010 is not in the 2020 HCPCS file (HCPCS Level II 2020); known only from the HCPCS updates file (secondary sources, not verified at CMS): added 2024-04-01 as "Injection, methylprednisolone acetate, 1 mg", replacing J1020, J1030, J1040.',
    );
    expect(findings[1]).toMatchObject({ replacedBy: ["J1010"], effectiveDate: "2024-04-01" });
    expect(findings[1]?.message).toBe(
      "J1030 was deleted on 2024-04-01 per the HCPCS updates file (secondary sources, not verified at CMS), on or before the date of service 2026-03-02: not valid for services on or after that date; replaced by J1010.",
    );
  });

  it("before 2024-04-01, J1030 is fine and J1010 was not yet valid", () => {
    const { findings } = check(["27096", "J1010", "J1030"], [], "2023-06-01");
    expect(findings.map(brief)).toEqual([
      ["code-added-after-service", "request.services.1.code", "J1010"],
      ["date-outside-release", "request.dateOfService", "2023-06-01"],
    ]);
    expect(findings[0]?.message).toContain(
      "after the date of service 2023-06-01: not valid for it; J1020, J1030, J1040 applied then",
    );
  });

  it("a date outside FY2026 is flagged for the diagnoses; a terminated code of the 2020 file is deleted", () => {
    const { findings } = check(["27096", "J1060"], ["M53.3"], "2026-11-02");
    expect(findings.map((f) => [f.code, f.system, f.release])).toEqual([
      ["code-deleted", "HCPCS", "HCPCS Level II 2020"],
      ["date-outside-release", "ICD-10-CM", "ICD-10-CM FY2026"],
      ["date-outside-release", "HCPCS", "HCPCS Level II 2020"],
    ]);
    expect(findings[0]).toMatchObject({ effectiveDate: "2015-01-01" });
    expect(findings[0]?.message).toContain("with 2014-12-31 as its last date of service");
    expect(findings[1]?.message).toBe(
      "ICD-10-CM FY2026 was in force 2025-10-01 to 2026-09-30; the date of service 2026-11-02 is outside it: codes valid then may differ (no shipped release covers that date).",
    );
  });

  it("every finding validates against its schema, for any mix of codes and dates (property)", () => {
    const pool = ["64625", "27096", "J1100", "J1010", "J1030", "J2003", "J9998", "J1060", "G0260", "C9752"];
    const dx = ["M53.3", "M54.5", "M47.81", "M53.39", "S33.6XXA", "J11.00", "Z99.999"];
    const date = fc.option(
      fc.constantFrom("2014-12-31", "2020-06-01", "2023-06-01", "2024-04-01", "2026-11-02"),
      {
        nil: undefined,
      },
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...pool), { minLength: 1, maxLength: 5 }),
        fc.uniqueArray(fc.constantFrom(...dx), { maxLength: 4 }),
        date,
        (services, diagnoses, dateOfService) => {
          const { problems, findings } = check(services, diagnoses, dateOfService);
          expect(problems).toEqual([]);
          for (const f of findings)
            expect(CodeFindingSchema.safeParse(f).success, JSON.stringify(f)).toBe(true);
          expect(JSON.stringify(check(services, diagnoses, dateOfService).findings)).toBe(
            JSON.stringify(findings),
          );
        },
      ),
      { numRuns: 100, seed: 5 },
    );
  });
});

describe("reviewCase keeps the problems as errors and stores the findings", () => {
  it("throws ReviewError for a problem, with every problem in input order", () => {
    let thrown: unknown;
    try {
      review({
        request: { services: [{ code: "RT" }, { code: "J9998" }], diagnoses: ["XYZ.9"] },
        clinical: {},
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ReviewError);
    expect((thrown as ReviewError).problems.map((p) => [p.code, p.path])).toEqual([
      ["modifier-as-service", "request.services.0.code"],
      ["malformed-diagnosis-code", "request.diagnoses.0"],
    ]);
  });

  it("reviews a case whose codes are not verifiable, with the findings and releases on the review", () => {
    const r = review({
      request: {
        services: [{ code: "27096" }, { code: "J1010", units: 40 }],
        diagnoses: ["M53.3", "M54.5", "M53.39"],
        dateOfService: "2026-11-02",
      },
      clinical: {},
    });
    expect(r.evaluation.services.map((s) => s.code)).toEqual(["27096", "J1010"]);
    expect(r.codeFindings.map((f) => f.code)).toEqual([
      "code-known-from-updates",
      "icd-header-code",
      "code-not-in-release",
      "date-outside-release",
      "date-outside-release",
    ]);
    expect(r.codeReleases).toMatchObject({
      dateOfService: "2026-11-02",
      icd10cm: { label: "ICD-10-CM FY2026", fit: "outside", side: "after" },
      hcpcs: { label: "HCPCS Level II 2020", fit: "outside", side: "after" },
    });
    // The answer itself names the releases and flags the date outside their windows.
    expect(r.evaluation.codeSets).toMatchObject({
      dateOfService: "2026-11-02",
      icd10cm: { label: "ICD-10-CM FY2026", fit: "outside" },
      hcpcs: { label: "HCPCS Level II 2020", fit: "outside" },
    });
    expect(r.evaluation.codeFindings).toEqual(r.codeFindings);
  });

  it("a header diagnosis holds an approval for a billable code; a deleted service code holds its own service only", () => {
    const clinical = {
      painDurationMonths: 18,
      painType: "axial",
      inflammatorySpondyloarthropathy: true,
      cancerRelated: false,
      conservativeCare: { weeks: 12, modalities: ["nsaids", "exercise"] },
    };
    const billable = review({
      request: {
        services: [{ code: "27096", laterality: "left" }],
        diagnoses: ["M45.A8"],
        dateOfService: "2026-03-02",
      },
      clinical,
    });
    expect(billable.evaluation.services[0]?.determination).toBe("medically-necessary");
    const header = review({
      request: {
        services: [{ code: "27096", laterality: "left" }],
        diagnoses: ["M45.A"],
        dateOfService: "2026-03-02",
      },
      clinical,
    });
    expect(header.evaluation.services[0]?.determination).toBe("insufficient-information");
    expect(header.evaluation.missingInformation.join(" ")).toContain(
      "a billable ICD-10-CM code in place of the header M45.A",
    );
    expect(header.evaluation.codeFindings[0]?.billableChildren?.map((c) => c.code)).toContain("M45.A8");
    // J1030 was deleted on 2024-04-01 (replaced by J1010): its service pends; the procedure is not held up.
    const deleted = review({
      request: {
        services: [
          { code: "27096", laterality: "left" },
          { code: "J1030", units: 1 },
        ],
        diagnoses: ["M45.A8"],
        dateOfService: "2026-03-02",
      },
      clinical,
    });
    const by = new Map(deleted.evaluation.services.map((s) => [s.code, s.determination]));
    expect(by.get("27096")).toBe("medically-necessary");
    expect(by.get("J1030")).toBe("insufficient-information");
    expect(deleted.evaluation.missingInformation.join(" ")).toContain("in place of J1030");
  });
});

describe("the tools answer as before for input that is not a code of the right kind (real MCP client)", () => {
  let client: Client;
  beforeAll(async () => {
    client = await connectInMemory();
  });
  afterAll(async () => {
    await client.close();
  });

  it("a modifier as a service and a malformed diagnosis are isError results naming the fields", async () => {
    const result = await client.callTool({
      name: "evaluateSIJointRFA",
      arguments: {
        request: { services: [{ code: "64625" }, { code: "RT" }], diagnoses: ["hello"] },
        clinical: {},
      },
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain(
      'received "RT" (an HCPCS modifier, not a procedure) at request.services.1.code',
    );
    expect(textOf(result)).toContain(
      'received "hello" (not the shape of an ICD-10-CM code) at request.diagnoses.0',
    );
  });

  it("unverifiable codes are evaluated, not refused", async () => {
    const result = await client.callTool({
      name: "evaluateSIJointRFA",
      arguments: {
        request: {
          services: [{ code: "27096" }, { code: "J1010" }],
          diagnoses: ["M53.39"],
          dateOfService: "2026-11-02",
        },
        clinical: {},
      },
    });
    expect(result.isError, textOf(result)).toBeFalsy();
  });
});
