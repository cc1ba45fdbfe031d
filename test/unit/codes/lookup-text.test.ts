import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shippedKnowledge } from "../../support/knowledge.js";
import { lookupCodes } from "../../../src/codes/lookup-codes.js";
import type { CodeResult, LookupCodesOutput } from "../../../src/codes/lookup-result-schema.js";
import { lookupText, resultLine } from "../../../src/codes/lookup-text.js";
import { withDiagnosisClassifications as classify } from "../../../src/families/classify-lookup.js";

const data = shippedKnowledge().codes.get();
const answer = (codes: string[], dateOfService?: string): LookupCodesOutput =>
  classify(lookupCodes(shippedKnowledge().codes, { codes, dateOfService }), shippedKnowledge().families.list);

/** Every fact of a structured result, as the text line must show it. */
function factsOf(r: CodeResult): string[] {
  const facts = [`${r.input} -> ${r.code}`, r.found ? "found" : "not found"];
  if (r.release) facts.push(`[${r.release}]`);
  if (r.billable !== undefined) facts.push(r.billable ? "billable" : "not billable");
  else if (r.found) facts.push("billable: not asserted");
  if (r.description) facts.push(`"${r.description}"`);
  if (r.descriptionSource === "project-summary") facts.push("project summary");
  if (r.kind) facts.push(`HCPCS ${r.kind}`);
  if (r.chapter) facts.push(`chapter ${r.chapter.number}`, r.chapter.title);
  for (const b of r.block ? [r.block, ...r.block.within] : []) facts.push(b.range, b.title);
  if (r.parent) facts.push(`parent ${r.parent.code}`, r.parent.description);
  for (const c of r.children ?? []) facts.push(`${c.code} ${c.description}`);
  if (r.childrenTotal !== undefined) facts.push(`of ${r.childrenTotal}`);
  for (const n of [...(r.excludes1 ?? []), ...(r.excludes2 ?? []), ...(r.notes ?? [])])
    facts.push(n.text, `[${n.from}]`);
  if (r.excludes1) facts.push("Excludes1");
  if (r.excludes2) facts.push("Excludes2");
  for (const n of r.notes ?? []) facts.push(n.kind);
  if (r.notesComplete !== undefined)
    facts.push(r.notesComplete ? "notes complete below chapter level" : "notes not available in full");
  for (const value of [r.shortDescription, r.addedDate, r.effectiveDate, r.terminationDate, r.plainLanguage])
    if (value) facts.push(value);
  for (const a of r.alsoReadAs ?? []) facts.push(`${a.code} (${a.system}`, a.description);
  if (r.classification)
    facts.push(`policy class ${r.classification.category} (rule ${r.classification.prefix})`);
  if (r.update) {
    const u = r.update;
    facts.push(
      `update: ${u.change}`,
      `on the date of service: ${u.onDateOfService}`,
      `${u.provenance} sources`,
      u.note,
    );
    for (const value of [u.effectiveDate, ...(u.replaces ?? []), ...(u.replacedBy ?? []), ...u.sources])
      if (value) facts.push(value);
    if (!u.verifiedAtCms) facts.push("not verified at CMS");
  }
  for (const label of r.inOtherReleases ?? []) facts.push(label);
  if (r.reason) facts.push(r.reason);
  for (const s of r.suggestions ?? []) facts.push(`${s.code} (${s.system}`, s.description, s.why);
  return facts;
}

function expectSameFacts(out: LookupCodesOutput): void {
  const text = lookupText(out);
  for (const r of out.results) {
    const line = resultLine(r);
    expect(text).toContain(line);
    expect(line.split("\n")).toHaveLength(1);
    for (const fact of factsOf(r)) expect(line, `${r.input}: ${fact}`).toContain(fact);
    if (r.classification) expect(text).toContain(`${r.classification.category} = ${r.classification.label}`);
  }
  const { icd10cm, hcpcs, cpt } = out.release;
  for (const label of [icd10cm.label, hcpcs.label, cpt.label]) expect(text).toContain(label);
  expect(text).toContain(icd10cm.dateNote);
  if (out.results.some((r) => r.system === "HCPCS")) expect(text).toContain(hcpcs.caveat);
  if (out.results.some((r) => r.system === "HCPCS")) expect(text).toContain(hcpcs.dateNote);
  if (out.results.some((r) => r.update)) expect(text).toContain(hcpcs.updates);
  if (out.results.some((r) => r.system === "CPT")) expect(text).toContain(cpt.about);
  if (out.results.some((r) => r.notesComplete === false)) expect(text).toContain(icd10cm.notes);
  if (out.classificationSource) expect(text).toContain(out.classificationSource);
  // Plain ASCII unless the data has other characters (see the comment in lookup-text.ts).
  if (/^[\x20-\x7e]*$/.test(JSON.stringify(out))) expect(text).toMatch(/^[\x20-\x7e\n]*$/);
}

describe("the lookupCodes text block carries the structured facts, one line per code", () => {
  it("for the codes the product meets and odd inputs", () => {
    expectSameFacts(
      answer([
        "M53.3",
        "M47.81",
        "M46.1",
        "S33.6XXA",
        "M54.50",
        "C79.51",
        "J1100",
        "G0260",
        "J1111",
        "C9752",
        "rt",
        "25",
        "64625",
        "99213",
        "M53.39",
        "hello",
        "J1010",
        "J1030",
        "J2003",
        "J1060",
      ]),
    );
  });

  it("for any date of service, with the codes the HCPCS updates file knows", () => {
    for (const date of [undefined, "2020-06-01", "2023-06-01", "2024-04-01", "2026-03-02", "2026-11-02"])
      expectSameFacts(
        answer(["J1010", "J1020", "J1030", "J1040", "J2003", "J1060", "M54.5", "M53.39"], date),
      );
  });

  it("for any ICD-10-CM entry, HCPCS code or CPT-shaped code (property)", () => {
    const hcpcs = [
      ...data.hcpcs.procedures.keys(),
      ...data.hcpcs.modifiers.keys(),
      ...data.updates.entries.map((e) => e.code),
    ];
    const code = fc.oneof(
      fc.integer({ min: 0, max: data.icd.size - 1 }).map((i) => data.icd.code(i)),
      fc.constantFrom(...hcpcs),
      fc.integer({ min: 10000, max: 99999 }).map(String),
      fc.stringMatching(/^[A-Z]\d{2}\.?[0-9A-Z]{0,4}$/),
    );
    fc.assert(
      fc.property(fc.array(code, { minLength: 1, maxLength: 8 }), (codes) => expectSameFacts(answer(codes))),
      { numRuns: 150, seed: 26 },
    );
  });

  it("states the release caveats once, not per code", () => {
    const out = answer(["J1100", "G0260", "J1111", "64625", "27096"]);
    const text = lookupText(out);
    expect(text.split(out.release.hcpcs.caveat)).toHaveLength(2);
    expect(text.split(out.release.cpt.about)).toHaveLength(2);
  });
});
