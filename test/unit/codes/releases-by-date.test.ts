import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledge } from "../../../src/knowledge/knowledge.js";
import type { Knowledge } from "../../../src/knowledge/knowledge.js";
import { lookupCodes } from "../../../src/codes/lookup-codes.js";
import { LookupCodesOutputSchema } from "../../../src/codes/lookup-result-schema.js";
import type { LookupCodesOutput } from "../../../src/codes/lookup-result-schema.js";
import { SHIPPED_FAMILIES } from "../../../src/families/shipped.js";
import { serverContext } from "../../../src/mcp/context.js";
import { copyCorpus } from "../../support/temp-corpus.js";
import { connectInMemory, textOf } from "../../support/clients.js";
import { knowledgeFrom, review } from "../../support/knowledge.js";
import { addFixtureReleases } from "../../support/fixture-releases.js";

// The shipped corpus with the fixture "ICD-10-CM FY2027" (M53.4 new; M54.50 and most other codes
// gone) and the fixture "HCPCS Level II 2021" added beside FY2026 and the 2020 file.
let copy: { dir: string; remove: () => void };
let knowledge: Knowledge;

beforeAll(() => {
  copy = copyCorpus();
  addFixtureReleases(copy.dir, { hcpcs2021: true });
  knowledge = knowledgeFrom(copy.dir);
});

afterAll(() => copy.remove());

const lookup = (codes: string[], dateOfService?: string): LookupCodesOutput =>
  lookupCodes(knowledge.codes, { codes, dateOfService });

describe("several releases side by side", () => {
  it("the corpus with the added releases verifies and lists them oldest first", () => {
    expect(loadKnowledge(copy.dir, SHIPPED_FAMILIES).problems).toEqual([]);
    expect(knowledge.codes.releases.icd10cm.map((r) => r.label)).toEqual([
      "ICD-10-CM FY2026",
      "ICD-10-CM FY2027",
    ]);
    expect(knowledge.codes.releases.hcpcs.map((r) => r.label)).toEqual([
      "HCPCS Level II 2020",
      "HCPCS Level II 2021",
    ]);
  });

  it.each([
    ["2026-03-02", "ICD-10-CM FY2026", "in-force"],
    ["2026-09-30", "ICD-10-CM FY2026", "in-force"],
    ["2026-10-01", "ICD-10-CM FY2027", "in-force"],
    ["2026-11-02", "ICD-10-CM FY2027", "in-force"],
    ["2027-11-02", "ICD-10-CM FY2027", "outside"],
    ["2025-01-01", "ICD-10-CM FY2026", "outside"],
    [undefined, "ICD-10-CM FY2027", "no-date"],
  ] as const)("the date of service %s chooses %s (%s)", (date, label, fit) => {
    const { data, dating } = knowledge.codes.forDate(date);
    expect(data.releases.icd10cm.label).toBe(label);
    expect(dating.icd10cm).toMatchObject({ label, fit });
    // The tables of a release are parsed once: the same view for the same releases.
    expect(knowledge.codes.forDate(date).data).toBe(data);
  });

  it("a look-up answers from the release in force, and names the other releases that hold a missing code", () => {
    const later = lookup(["M53.4", "M54.50", "M53.3"], "2026-11-02");
    expect(LookupCodesOutputSchema.safeParse(later).success).toBe(true);
    expect(later.release).toMatchObject({
      dateOfService: "2026-11-02",
      icd10cm: {
        label: "ICD-10-CM FY2027",
        dateFit: "in-force",
        otherShipped: [{ label: "ICD-10-CM FY2026", inForceFrom: "2025-10-01", inForceTo: "2026-09-30" }],
      },
    });
    const [added, gone, kept] = later.results;
    expect(added).toMatchObject({
      code: "M53.4",
      found: true,
      release: "ICD-10-CM FY2027",
      description: "Fixture code added in the FY2027 test release (not a real code)",
    });
    expect(gone).toMatchObject({ code: "M54.50", found: false, inOtherReleases: ["ICD-10-CM FY2026"] });
    expect(gone?.reason).toContain("it is in ICD-10-CM FY2026 (in force 2025-10-01 to 2026-09-30)");
    expect(kept).toMatchObject({ code: "M53.3", found: true, release: "ICD-10-CM FY2027" });

    const earlier = lookup(["M53.4", "M54.50"], "2026-03-02");
    expect(earlier.release.icd10cm.label).toBe("ICD-10-CM FY2026");
    expect(earlier.results[0]).toMatchObject({ found: false, inOtherReleases: ["ICD-10-CM FY2027"] });
    expect(earlier.results[1]).toMatchObject({ found: true, release: "ICD-10-CM FY2026" });

    const undated = lookup(["M53.4"]);
    expect(undated.release).not.toHaveProperty("dateOfService");
    expect(undated.release.icd10cm).toMatchObject({ label: "ICD-10-CM FY2027", dateFit: "no-date" });
  });

  it("the review checks codes against the releases of its date of service", () => {
    const base = { services: [{ code: "27096" }, { code: "C9752" }], diagnoses: ["M53.4", "M54.50"] };
    const in2021 = review({ request: { ...base, dateOfService: "2021-06-01" }, clinical: {} }, knowledge);
    // 2021-06-01: FY2026 is the nearest ICD-10-CM release (M53.4 is not in it), the 2021 file covers it.
    expect(in2021.codeReleases.icd10cm).toMatchObject({ label: "ICD-10-CM FY2026", fit: "outside" });
    expect(in2021.codeReleases.hcpcs).toMatchObject({ label: "HCPCS Level II 2021", fit: "in-force" });
    expect(in2021.codeFindings.map((f) => [f.code, f.path, f.release])).toEqual([
      ["code-not-in-release", "request.diagnoses.0", "ICD-10-CM FY2026"],
      ["date-outside-release", "request.dateOfService", "ICD-10-CM FY2026"],
    ]);
    expect(in2021.codeFindings[0]?.inOtherReleases).toEqual(["ICD-10-CM FY2027"]);

    const later = review({ request: { ...base, dateOfService: "2026-11-02" }, clinical: {} }, knowledge);
    expect(later.codeFindings.map((f) => [f.code, f.path, f.value, f.release])).toEqual([
      ["code-deleted", "request.services.1.code", "C9752", "HCPCS Level II 2021"],
      ["code-not-in-release", "request.diagnoses.1", "M54.50", "ICD-10-CM FY2027"],
      ["date-outside-release", "request.dateOfService", "2026-11-02", "HCPCS Level II 2021"],
    ]);
    expect(later.codeFindings[0]?.message).toBe(
      "C9752 was terminated in the HCPCS Level II 2021 file, with 2021-12-31 as its last date of service, before the date of service 2026-11-02: not valid for services after that date.",
    );
    expect(later.codeFindings[1]?.message).toBe(
      "M54.50 is not in ICD-10-CM FY2027, the release in force on the date of service 2026-11-02: not verifiable in ICD-10-CM FY2027 (it may be new, deleted or mistyped); it is in ICD-10-CM FY2026 (in force 2025-10-01 to 2026-09-30).",
    );
    // The termination date is the last date of service: not a finding on that day.
    const lastDay = review({ request: { ...base, dateOfService: "2021-12-31" }, clinical: {} }, knowledge);
    expect(lastDay.codeFindings.map((f) => f.code)).not.toContain("code-deleted");
  });
});

describe("lookupCodes with dateOfService over a real MCP client (releases side by side)", () => {
  let client: Client;
  beforeAll(async () => {
    client = await connectInMemory(serverContext(knowledge));
  });
  afterAll(async () => {
    await client.close();
  });

  it("names the release in force on the date in structuredContent and in the text block", async () => {
    const result = await client.callTool({
      name: "lookupCodes",
      arguments: { codes: ["M53.4", "M54.50"], dateOfService: "2026-11-02", detail: "full" },
    });
    expect(result.isError, textOf(result)).toBeFalsy();
    const out = LookupCodesOutputSchema.parse(result.structuredContent);
    const text = textOf(result);
    expect(out.release.icd10cm).toMatchObject({ label: "ICD-10-CM FY2027", dateFit: "in-force" });
    expect(out.release.icd10cm.dateNote).toBe(
      "ICD-10-CM FY2027 (in force 2026-10-01 to 2027-09-30) is the release in force on the date of service 2026-11-02.",
    );
    expect(text).toContain(out.release.icd10cm.dateNote);
    expect(text).toContain("Also shipped: ICD-10-CM FY2026 (2025-10-01 to 2026-09-30); HCPCS Level II 2020");
    expect(text).toContain("M54.50 -> M54.50 [ICD-10-CM FY2027]: not found");
    expect(text).toContain("in other shipped releases: ICD-10-CM FY2026");
  });
});
