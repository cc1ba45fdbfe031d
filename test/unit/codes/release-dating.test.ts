import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chooseRelease, datingFor } from "../../../src/codes/release-dating.js";
import type { HcpcsRelease, Icd10cmRelease } from "../../../src/codes/release-manifest.js";
import { shippedKnowledge } from "../../support/knowledge.js";

const shipped = shippedKnowledge().codes.releases;
const fy2026 = shipped.icd10cm[0] as Icd10cmRelease;
const hcpcs2020 = shipped.hcpcs[0] as HcpcsRelease;

/** A release like FY2026 with another fiscal year's window (only label and window matter here). */
function fy(year: number): Icd10cmRelease {
  return {
    ...fy2026,
    label: `ICD-10-CM FY${year}`,
    inForceFrom: `${year - 1}-10-01`,
    inForceTo: `${year}-09-30`,
  };
}

describe("choosing a release by date of service (no clock: the date is an input)", () => {
  const windows = [fy(2025), fy(2026), fy(2028)]; // FY2027 missing: a gap

  it("takes the release whose window holds the date, both ends included", () => {
    expect(chooseRelease(windows, "2025-10-01")).toEqual({ index: 1, fit: "in-force" });
    expect(chooseRelease(windows, "2026-09-30")).toEqual({ index: 1, fit: "in-force" });
    expect(chooseRelease(windows, "2024-10-01")).toEqual({ index: 0, fit: "in-force" });
    expect(chooseRelease(windows, "2024-09-30")).toEqual({ index: 0, fit: "outside", side: "before" });
  });

  it("otherwise the nearest window, saying on which side the date falls; ties go to the newer", () => {
    expect(chooseRelease(windows, "2026-11-02")).toEqual({ index: 1, fit: "outside", side: "after" });
    expect(chooseRelease(windows, "2027-08-01")).toEqual({ index: 2, fit: "outside", side: "before" });
    expect(chooseRelease(windows, "2020-01-01")).toEqual({ index: 0, fit: "outside", side: "before" });
    expect(chooseRelease(windows, "2031-01-01")).toEqual({ index: 2, fit: "outside", side: "after" });
    // 2027-04-01 is 183 days after FY2026 and 183 days before FY2028.
    expect(chooseRelease(windows, "2027-04-01")).toEqual({ index: 2, fit: "outside", side: "before" });
  });

  it("without a date, the newest", () => {
    expect(chooseRelease(windows, undefined)).toEqual({ index: 2, fit: "no-date" });
  });

  it("always picks a release, and an in-force one exactly when a window holds the date (property)", () => {
    const day = fc
      .date({
        min: new Date("2015-01-01T00:00:00Z"),
        max: new Date("2035-12-31T00:00:00Z"),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, (date) => {
        const { index, fit } = chooseRelease(windows, date);
        const holding = windows.findIndex((w) => w.inForceFrom <= date && date <= w.inForceTo);
        expect(fit === "in-force").toBe(holding >= 0);
        if (holding >= 0) expect(index).toBe(holding);
        expect(windows[index]).toBeDefined();
      }),
      { numRuns: 300, seed: 10 },
    );
  });
});

describe("the release notes each answer carries", () => {
  it("a date outside FY2026 is flagged in the words of the release's window", () => {
    const { dating } = datingFor([fy2026], [hcpcs2020], "2026-11-02");
    expect(dating.dateOfService).toBe("2026-11-02");
    expect(dating.icd10cm).toMatchObject({ label: "ICD-10-CM FY2026", fit: "outside", side: "after" });
    expect(dating.icd10cm.note).toBe(
      "ICD-10-CM FY2026 was in force 2025-10-01 to 2026-09-30; the date of service 2026-11-02 is outside it: codes valid then may differ (no shipped release covers that date).",
    );
    expect(dating.hcpcs.note).toBe(
      "HCPCS Level II 2020 is the CMS annual file for 2020, dated 2019-11-02; the date of service 2026-11-02 is after it: codes added, revised or terminated since are not in it.",
    );
  });

  it("with several shipped, the nearest is named as such", () => {
    expect(datingFor([fy(2025), fy2026], [hcpcs2020], "2026-11-02").dating.icd10cm.note).toContain(
      "(no shipped release covers that date; this is the nearest)",
    );
  });

  it("a date inside the window names the release in force; no date says so", () => {
    const inside = datingFor([fy2026], [hcpcs2020], "2026-03-02").dating;
    expect(inside.icd10cm).toMatchObject({ fit: "in-force" });
    expect(inside.icd10cm.note).toBe(
      "ICD-10-CM FY2026 (in force 2025-10-01 to 2026-09-30) is the release in force on the date of service 2026-03-02.",
    );
    const none = datingFor([fy(2025), fy2026], [hcpcs2020], undefined);
    expect(none.icdIndex).toBe(1);
    expect(none.dating.dateOfService).toBeNull();
    expect(none.dating.icd10cm.note).toBe(
      "No date of service given: ICD-10-CM FY2026 (in force 2025-10-01 to 2026-09-30), the newest shipped ICD-10-CM release, is used.",
    );
    expect(none.dating.hcpcs.note).toBe(
      "No date of service given: HCPCS Level II 2020 (the CMS annual file for 2020, dated 2019-11-02), the newest shipped HCPCS file, is used.",
    );
    expect(datingFor([fy2026], [hcpcs2020], "2020-05-01").dating.hcpcs).toMatchObject({ fit: "in-force" });
    expect(datingFor([fy2026], [hcpcs2020], "2019-05-01").dating.hcpcs.note).toContain("is before it");
  });
});
