import { describe, expect, it } from "vitest";
import { shippedKnowledge } from "../../support/knowledge.js";
import { lookupCode } from "../../../src/codes/lookup-code.js";
import { readUpstream, UPSTREAM_FILES } from "../../../tools/upstream.js";

// Test-time check against the CMS/NCHS files themselves, kept in data/upstream/ (the shipped server
// never reads them).
const data = shippedKnowledge().codes.get();

describe("completeness of the imported ICD-10-CM FY2026", () => {
  const lines = readUpstream(UPSTREAM_FILES.icdOrder).toString("latin1").split("\r\n").filter(Boolean);

  it("has 74,719 billable codes and 23,467 headers", () => {
    expect(lines.filter((l) => l[14] === "1")).toHaveLength(74_719);
    expect(lines.filter((l) => l[14] === "0")).toHaveLength(23_467);
    expect(data.releases.icd10cm).toMatchObject({ billableCount: 74_719, headerCount: 23_467 });
  });

  it("finds every code of the order file, dotted, with its exact long title and billable flag", () => {
    const wrong: string[] = [];
    for (const line of lines) {
      const bare = line.slice(6, 13).trim();
      const dotted = bare.length > 3 ? `${bare.slice(0, 3)}.${bare.slice(3)}` : bare;
      const r = lookupCode(data, dotted);
      if (
        !r.found ||
        r.code !== dotted ||
        r.billable !== (line[14] === "1") ||
        r.description !== line.slice(77)
      )
        wrong.push(dotted);
      if (r.system !== "ICD-10-CM" || (bare.length === 3 && !r.block))
        wrong.push(`${dotted} (system or block)`);
    }
    expect(wrong.slice(0, 20)).toEqual([]);
  });
});

describe("completeness of the imported HCPCS 2020", () => {
  const records = readUpstream(UPSTREAM_FILES.hcpcs)
    .toString("latin1")
    .split("\r\n")
    .filter((l) => /^[A-Z]\d{4}\d{5}3/.test(l));

  it("finds every procedure code (6,710) with its first description line and termination date", () => {
    expect(records).toHaveLength(6_710);
    const wrong: string[] = [];
    for (const line of records) {
      const code = line.slice(0, 5);
      const r = lookupCode(data, code);
      const termination = line.slice(284, 292).trim();
      const expectedTermination = termination
        ? `${termination.slice(0, 4)}-${termination.slice(4, 6)}-${termination.slice(6)}`
        : undefined;
      if (
        r.system !== "HCPCS" ||
        !r.found ||
        !(r.description ?? "").startsWith(line.slice(11, 91).trim()) ||
        r.terminationDate !== expectedTermination
      ) {
        wrong.push(code);
      }
    }
    expect(wrong.slice(0, 20)).toEqual([]);
  });
});
