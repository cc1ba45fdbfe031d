import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shippedKnowledge } from "../support/knowledge.js";
import type { EvaluationFull } from "../../src/review/evaluation-full-schema.js";
import type { EvaluationSummary } from "../../src/review/evaluation-summary-schema.js";
import { REFERENCE_CASE } from "../../tools/demo-reference-case.js";
import type { StdioConnection } from "../support/clients.js";
import { connectStdio, textOf } from "../support/clients.js";
import { CORPUS_VERSION_MARK, expectGolden } from "../support/golden.js";

/*
 * The reference case (docs/research/reference-case.md) over stdio against the BUILT server, pinned as a
 * golden transcript of both views, the default summary and detail "full" (test/support/golden.ts:
 * regenerate deliberately with npm run build, then npx vitest run test/golden -u). The corpus version
 * is normalised there (here too, the summary's 12-digit prefix of it) and checked separately here.
 */

let conn: StdioConnection;
type Result = Awaited<ReturnType<StdioConnection["client"]["callTool"]>>;
const FULL_CASE = { ...REFERENCE_CASE, detail: "full" };
let result: Result;
let evaluation: EvaluationFull;
let summaryResult: Result;
let summary: EvaluationSummary;

beforeAll(async () => {
  conn = await connectStdio();
  summaryResult = await conn.client.callTool({ name: "evaluateSIJointRFA", arguments: REFERENCE_CASE });
  summary = summaryResult.structuredContent as EvaluationSummary;
  result = await conn.client.callTool({ name: "evaluateSIJointRFA", arguments: FULL_CASE });
  evaluation = result.structuredContent as EvaluationFull;
});
afterAll(async () => {
  await conn.close();
});

function transcript(): unknown {
  const prefix = summary.corpusVersion;
  return {
    summary: {
      request: { method: "tools/call", params: { name: "evaluateSIJointRFA", arguments: REFERENCE_CASE } },
      response: {
        isError: summaryResult.isError ?? false,
        structuredContent: { ...summary, corpusVersion: CORPUS_VERSION_MARK },
        text: textOf(summaryResult).split(`corpus ${prefix}.`).join(`corpus ${CORPUS_VERSION_MARK}.`),
      },
    },
    full: {
      request: { method: "tools/call", params: { name: "evaluateSIJointRFA", arguments: FULL_CASE } },
      response: {
        isError: result.isError ?? false,
        _meta: result._meta,
        structuredContent: evaluation,
        text: textOf(result),
      },
    },
  };
}

describe("reference case over stdio (golden transcript)", () => {
  it("matches the golden transcript byte for byte", async () => {
    await expectGolden("reference-case.json", JSON.stringify(transcript(), null, 2));
  });

  it("reports the shipped corpus version (the summary its first 12 digits)", () => {
    expect(evaluation.corpusVersion).toBe(shippedKnowledge().corpus.version);
    expect(summary.corpusVersion).toBe(evaluation.corpusVersion.slice(0, 12));
  });

  it("is not medically necessary for 64625 and J1100, with BMJ 2025 governing", () => {
    expect(result.isError).toBeFalsy();
    expect(evaluation.determination).toBe("not-medically-necessary");
    expect(evaluation.services.map((s) => [s.code, s.determination])).toEqual([
      ["64625", "not-medically-necessary"],
      ["J1100", "not-medically-necessary"],
    ]);
    expect(summary.services.map((g) => [g.services, g.determination, g.pathway])).toEqual([
      [["64625"], "not-medically-necessary", "EH-RFA-bmj"],
      [["J1100"], "not-medically-necessary", "EH-INJ-bmj"],
    ]);
    expect(summary.governing.map((q) => q.passageId).sort()).toEqual([
      "busse-bmj-2025#rec-joint-injection",
      "busse-bmj-2025#rec-joint-rfa",
    ]);
    expect([...evaluation.governingEvidence].sort()).toEqual([
      "busse-bmj-2025#rec-joint-injection",
      "busse-bmj-2025#rec-joint-rfa",
    ]);
    expect(evaluation.reviewRequired).toBe(true);
    expect(evaluation.disclaimer).toContain("licensed clinician");
  });

  it("NICE (NG59 / QS155) and ACR 2019 support as the reference describes", () => {
    const supporting = evaluation.supportingEvidence;
    expect(supporting).toEqual(
      expect.arrayContaining([
        "nice-qs155#statement6",
        "acr-saa-spartan-2019#local-gc-sacroiliitis",
        "acr-saa-spartan-2019#systemic-gc",
      ]),
    );
    const notes = evaluation.evidenceNotes.map((n) => `${n.passageId}: ${n.note}`).join("\n");
    expect(notes).toMatch(/acr-saa-spartan-2019#local-gc-sacroiliitis: .*only for active sacroiliitis in axial spondyloarthritis/);
    expect(notes).toMatch(/acr-saa-spartan-2019#systemic-gc: .*strongly against systemic glucocorticoids/);
    expect(notes).toMatch(/nice-qs155#statement6: .*medial branch \(facet\)/);
    // NICE's facet exception is about the RFA; the same passage supports the injection for another reason.
    const nice = evaluation.evidenceNotes.filter((n) => n.passageId === "nice-qs155#statement6");
    expect(nice.map((n) => [n.services, /medial branch/.test(n.note)])).toEqual([
      [["64625"], true],
      [["J1100"], false],
    ]);
    expect(textOf(result)).toMatch(/nice-qs155#statement6: \(64625\) NICE .*medial branch.*; \(J1100\) NICE /);
  });

  it("shows Olivier 2023 as conflicting and superseded, with its reason", () => {
    const olivier = evaluation.conflictingEvidence.find((c) => c.passageId === "olivier-pmr-2023#synthesis");
    expect(olivier?.whyNotGoverning).toMatch(/older/);
    expect(olivier?.whyNotGoverning).toMatch(/superseded/);
    const consensus = evaluation.conflictingEvidence.find((c) => c.passageId === "mccormick-rapm-2025-sijcp#rfa");
    expect(consensus?.method).toMatch(/modified Delphi/);
  });

  it("names the prior response and the positive provocative tests as not overriding the evidence", () => {
    for (const code of ["64625", "J1100"]) {
      const row = evaluation.criteria.find((c) => c.id === "EH-individual-response" && c.service === code);
      expect(row?.status).toBe("met");
      expect(row?.facts).toMatchObject({ provocativeTestsPositive: 3, priorRfaReliefPercents: [[40, 50]], priorRfaReliefDurationMonths: [6] });
      expect(row?.statement).toMatch(/does not override/);
    }
  });

  it("carries the three pitfalls and the conservative alternatives, with citations", () => {
    const pitfalls = evaluation.pitfalls.map((p) => p.id);
    expect(pitfalls).toEqual(expect.arrayContaining(["P-inflammatory-vs-mechanical", "P-older-guidelines", "P-individual-response"]));
    for (const p of evaluation.pitfalls) expect(p.citations.length).toBeGreaterThan(0);
    const cited = evaluation.alternatives.flatMap((a) => a.citations);
    expect(cited).toEqual(
      expect.arrayContaining([
        "nice-ng59#exercise",
        "who-2023-cplbp#exercise",
        "acp-qaseem-2017#rec2",
        "nice-ng59#bmj-summary-nsaids",
        "acp-qaseem-2017#rec3",
      ]),
    );
  });

  it("contains nothing the seed states that the corpus does not contain", () => {
    const everything = `${JSON.stringify(evaluation)}\n${textOf(result)}\n${JSON.stringify(summary)}\n${textOf(summaryResult)}`;
    expect(everything).not.toMatch(/disinclined/i);
    expect(everything).not.toContain("moderate to high certainty evidence of risk of harm");
    expect(everything).not.toMatch(/2020 NICE guideline/i);
    expect(evaluation.missingInformation).toEqual([]);
  });

  it("every quote is verbatim from the stored passage, written once, and copy / secondary provenance is flagged", () => {
    const passages = shippedKnowledge().corpus.passages;
    const table = new Map(evaluation.passages.map((p) => [p.passageId, p]));
    expect(table.size).toBe(evaluation.passages.length);
    const cited = [
      ...evaluation.governingEvidence,
      ...evaluation.supportingEvidence,
      ...evaluation.conflictingEvidence.map((c) => c.passageId),
      ...evaluation.services.flatMap((s) => s.citations),
      ...evaluation.criteria.flatMap((c) => c.citations),
      ...evaluation.pitfalls.flatMap((p) => p.citations),
      ...evaluation.alternatives.flatMap((a) => a.citations),
    ];
    expect(cited.length).toBeGreaterThan(20);
    expect(new Set(cited)).toEqual(new Set(table.keys()));
    const sources = new Set(evaluation.sources.map((s) => s.sourceId));
    expect(sources.size).toBe(evaluation.sources.length);
    for (const p of evaluation.passages) {
      expect(passages.get(p.passageId)?.text.includes(p.quote), p.passageId).toBe(true);
      expect(sources.has(p.sourceId), p.sourceId).toBe(true);
      // Each quote once in the full text, and once in the full JSON.
      expect(textOf(result).split(`"${p.quote}"`).length - 1, p.passageId).toBe(1);
      expect(JSON.stringify(evaluation).split(JSON.stringify(p.quote)).length - 1, p.passageId).toBe(1);
      if (p.provenance.seenAtKind === "copy" || p.provenance.seenAtKind === "secondary") {
        expect(p.provenance.caution, p.passageId).toBeTruthy();
      }
    }
    for (const q of summary.governing) {
      expect(q.quote).toBe(table.get(q.passageId)?.quote);
      expect(textOf(summaryResult)).toContain(`"${q.quote}"`);
    }
  });

  it("only the full view declares a larger result size to Claude Code", () => {
    expect(result._meta).toEqual({ "anthropic/maxResultSizeChars": 500_000 });
    expect(summaryResult._meta).toBeUndefined();
  });
});
