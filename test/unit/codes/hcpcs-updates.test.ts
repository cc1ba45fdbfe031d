import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HcpcsUpdatesSchema } from "../../../src/codes/hcpcs-updates-schema.js";
import { lookupCode } from "../../../src/codes/lookup-code.js";
import { CORPUS_DIR, shippedKnowledge } from "../../support/knowledge.js";

const data = shippedKnowledge().codes.get();
const updatesJson = (): { entries: Record<string, unknown>[] } & Record<string, unknown> =>
  JSON.parse(readFileSync(join(CORPUS_DIR, "codes", "hcpcs-updates.json"), "utf8")) as {
    entries: Record<string, unknown>[];
  };

describe("the HCPCS updates file (corpus/codes/hcpcs-updates.json)", () => {
  it("holds the codes this product meets after the 2020 file, each with supporting sources", () => {
    const codes = data.updates.entries.map((e) => [e.code, e.change, e.effectiveDate]);
    expect(codes).toEqual([
      ["J1010", "added", "2024-04-01"],
      ["J1020", "deleted", "2024-04-01"],
      ["J1030", "deleted", "2024-04-01"],
      ["J1040", "deleted", "2024-04-01"],
      ["J2003", "added", null],
    ]);
    for (const entry of data.updates.entries) {
      expect(entry.verifiedAtCms, entry.code).toBe(false);
      expect(
        entry.sources.some((s) => s.stance === "supports"),
        entry.code,
      ).toBe(true);
    }
  });

  it("agrees with the shipped file: a deleted code is in it and active, an added code is not in it", () => {
    for (const entry of data.updates.entries) {
      const inFile = data.hcpcs.procedures.get(entry.code);
      if (entry.change === "deleted") expect(inFile?.terminationDate, entry.code).toBeNull();
      else expect(inFile, entry.code).toBeUndefined();
    }
  });

  it("records the J1010 per-unit conflict with the sources on both sides, and says why 1 mg was chosen", () => {
    const j1010 = data.updatesByCode.get("J1010");
    expect(j1010?.description).toBe("Injection, methylprednisolone acetate, 1 mg");
    expect(j1010?.sources.filter((s) => s.stance === "conflicts").map((s) => s.quote)).toContain(
      "HCPCS code J1010 designates the billing code for injection of methylprednisolone acetate, 10 milligrams.",
    );
    expect(j1010?.note).toMatch(/^Per unit 1 mg, the better supported value: /);
    expect(data.updatesByCode.get("J2003")?.note).toMatch(/^Weakly supported: /);
  });

  it("is refused when a replacement is stated on one side only, a code is listed twice, or no source supports it", () => {
    const oneSided = updatesJson();
    oneSided.entries = oneSided.entries.filter((e) => e.code !== "J1030");
    expect(HcpcsUpdatesSchema.safeParse(oneSided).error?.issues[0]?.message).toBe(
      "J1010 names J1030, which does not name it back",
    );
    const twice = updatesJson();
    twice.entries.push(twice.entries[0] ?? {});
    expect(HcpcsUpdatesSchema.safeParse(twice).error?.issues.map((i) => i.message)).toContain(
      "J1010 is listed twice",
    );
    const unsupported = updatesJson();
    const first = unsupported.entries[1] as { sources: { stance: string }[] };
    for (const s of first.sources) s.stance = "context";
    expect(HcpcsUpdatesSchema.safeParse(unsupported).error?.issues[0]?.message).toBe(
      "expected at least one supporting source",
    );
  });
});

describe("look-ups of codes the updates file knows, by date of service", () => {
  it("J1010: known from the updates file, not from the 2020 file, with the codes it replaces", () => {
    const r = lookupCode(data, "J1010", "2026-03-02");
    expect(r).toMatchObject({
      code: "J1010",
      system: "HCPCS",
      found: true,
      release: "HCPCS updates after the 2020 file (project data)",
      description: "Injection, methylprednisolone acetate, 1 mg",
      descriptionSource: "updates-file",
      update: {
        change: "added",
        effectiveDate: "2024-04-01",
        replaces: ["J1020", "J1030", "J1040"],
        onDateOfService: "valid",
        verifiedAtCms: false,
        provenance: "secondary",
      },
    });
    expect(r).not.toHaveProperty("billable");
    expect(r.reason).toBe(
      "not in the 2020 HCPCS file; known from the HCPCS updates file (secondary sources, not verified at CMS): added 2024-04-01, replacing J1020, J1030, J1040",
    );
    const before = lookupCode(data, "J1010", "2023-06-01");
    expect(before).toMatchObject({ billable: false, update: { onDateOfService: "not-yet-valid" } });
    expect(before.reason).toContain(
      "after the date of service 2023-06-01: not valid for it; J1020, J1030, J1040 applied then",
    );
    expect(lookupCode(data, "J1010").update?.onDateOfService).toBe("valid");
  });

  it("J1030: in the 2020 file, deleted on 2024-04-01 and replaced by J1010 for a later date of service", () => {
    const after = lookupCode(data, "J1030", "2026-03-02");
    expect(after).toMatchObject({
      found: true,
      release: "HCPCS Level II 2020",
      description: "Injection, methylprednisolone acetate, 40 mg",
      billable: false,
      update: { change: "deleted", replacedBy: ["J1010"], onDateOfService: "deleted" },
    });
    expect(after.reason).toBe(
      "deleted on 2024-04-01 per the HCPCS updates file (secondary sources, not verified at CMS), on or before the date of service 2026-03-02: not valid for services on or after that date; replaced by J1010",
    );
    const before = lookupCode(data, "J1030", "2024-03-31");
    expect(before).toMatchObject({ billable: true, update: { onDateOfService: "valid" } });
    expect(before).not.toHaveProperty("reason");
    const undated = lookupCode(data, "J1030");
    expect(undated).toMatchObject({ billable: false, update: { onDateOfService: "deleted" } });
    expect(undated.reason).toContain("; no date of service was given");
  });

  it("J2003: the sources give no date, so its validity on a date of service is undetermined", () => {
    const r = lookupCode(data, "J2003", "2026-03-02");
    expect(r).toMatchObject({ found: true, update: { change: "added", onDateOfService: "undetermined" } });
    expect(r.update).not.toHaveProperty("effectiveDate");
    expect(r.reason).toContain("whether it was valid on 2026-03-02 is not known");
  });
});
