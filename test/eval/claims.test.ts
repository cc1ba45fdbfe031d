import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { shippedKnowledge } from "../support/knowledge.js";
import type { Verification } from "../../src/verify/schema.js";
import { verifyText } from "../../src/verify/verify-text.js";
import { ROOT } from "../support/clients.js";

type Verdict = "supported" | "unsupported" | "not-in-corpus" | "not-an-evidence-claim";

interface Labelled {
  id: string;
  text: string;
  verdict: Verdict;
  passages: string[];
  kind: string;
  role: string;
  in?: string;
  split: "dev" | "held-out";
}

const doc = JSON.parse(readFileSync(join(import.meta.dirname, "claims.json"), "utf8")) as {
  claims: Labelled[];
};
const claims = doc.claims;
const THRESHOLD = 0.9;

const inPlace = new Map<string, Verification>();
function outcome(c: Labelled): { verdict: Verdict; passages: string[] } {
  let v: Verification;
  if (c.in) {
    v = inPlace.get(c.in) ?? verifyText(readFileSync(join(ROOT, c.in), "utf8"), shippedKnowledge());
    inPlace.set(c.in, v);
  } else v = verifyText(c.text, shippedKnowledge());
  const found = c.in ? v.claims.find((x) => x.sentence === c.text) : v.claims[0];
  if (!found) return { verdict: "not-an-evidence-claim", passages: [] };
  const passages = found.parts.flatMap((p) =>
    p.role === "evidence-claim" && p.passage
      ? [p.passage.passageId, ...(p.passage.alsoSupportedBy ?? [])]
      : [],
  );
  return { verdict: found.verdict, passages };
}

const results = claims.map((c) => ({ c, got: outcome(c) }));

/** A supported verdict counts only when it cites one of the labelled passages. */
function correct(r: (typeof results)[number]): boolean {
  if (r.got.verdict !== r.c.verdict) return false;
  if (r.c.verdict !== "supported" || r.c.passages.length === 0) return true;
  return r.got.passages.some((p) => r.c.passages.includes(p));
}

function figures(rows: typeof results, label: Verdict) {
  const tp = rows.filter((r) => r.got.verdict === label && correct(r)).length;
  const predicted = rows.filter((r) => r.got.verdict === label).length;
  const actual = rows.filter((r) => r.c.verdict === label).length;
  return {
    precision: predicted ? tp / predicted : 1,
    recall: actual ? tp / actual : 1,
    tp,
    predicted,
    actual,
  };
}

function report(name: string, rows: typeof results): string {
  const s = figures(rows, "supported");
  const u = figures(rows, "unsupported");
  const n = figures(rows, "not-in-corpus");
  const f = (x: ReturnType<typeof figures>) =>
    `precision ${x.precision.toFixed(3)} recall ${x.recall.toFixed(3)} (${x.tp} right of ${x.predicted} given, ${x.actual} labelled)`;
  return `${name} (${rows.length} sentences): supported ${f(s)}; unsupported ${f(u)}; not in the corpus ${f(n)}`;
}

describe("attributed-claim evaluation (test/eval/claims.json)", () => {
  it("has at least 100 distinct labelled sentences whose passages are real", () => {
    expect(claims.length).toBeGreaterThanOrEqual(100);
    expect(new Set(claims.map((c) => c.id)).size).toBe(claims.length);
    const passages = shippedKnowledge().corpus.passages;
    for (const c of claims)
      for (const id of c.passages) expect(passages.has(id), `${c.id}: ${id}`).toBe(true);
    for (const c of claims.filter((x) => x.verdict === "supported"))
      expect(c.passages.length, c.id).toBeGreaterThan(0);
  });

  it("paraphrases every recommendation passage truly and alters each one", () => {
    const recommendations = [...shippedKnowledge().corpus.passages.values()].filter(
      (p) => p.direction !== undefined && p.direction !== "neutral",
    );
    expect(recommendations.length).toBeGreaterThan(40);
    for (const p of recommendations) {
      const about = claims.filter((c) => c.passages.includes(p.id) && c.kind !== "seed");
      expect(
        about.some((c) => c.verdict === "supported"),
        `a true paraphrase of ${p.id}`,
      ).toBe(true);
      expect(
        about.some((c) => c.verdict === "unsupported"),
        `an alteration of ${p.id}`,
      ).toBe(true);
    }
    const kinds = new Set(claims.map((c) => c.kind));
    for (const k of [
      "altered-direction",
      "altered-strength",
      "altered-certainty",
      "altered-population",
      "altered-number",
      "altered-date",
      "invented",
      "unknown-source",
      "case-fact",
      "advice",
      "reasoning",
      "seed",
    ])
      expect(kinds.has(k), k).toBe(true);
  });

  it("never calls a case fact, a piece of advice or the writer's reasoning unsupported or not in the corpus", () => {
    const wrong = results.filter(
      (r) => r.c.verdict === "not-an-evidence-claim" && r.got.verdict !== "not-an-evidence-claim",
    );
    expect(wrong.map((r) => `${r.c.id} ${r.got.verdict}: ${r.c.text}`)).toEqual([]);
  });

  it(`reaches precision and recall of at least ${THRESHOLD} for supported and for unsupported`, () => {
    const misses = results
      .filter((r) => !correct(r))
      .map(
        (r) =>
          `  ${r.c.id} [${r.c.split}, ${r.c.kind}] labelled ${r.c.verdict}${r.c.passages.length ? ` (${r.c.passages.join(", ")})` : ""}, ` +
          `got ${r.got.verdict}${r.got.passages.length ? ` (${r.got.passages.join(", ")})` : ""}: ${r.c.text}`,
      );
    console.error(
      [
        `claims: ${report("all", results)}`,
        `claims: ${report(
          "dev",
          results.filter((r) => r.c.split === "dev"),
        )}`,
        `claims: ${report(
          "held-out",
          results.filter((r) => r.c.split === "held-out"),
        )}`,
        ...misses,
      ].join("\n"),
    );
    const s = figures(results, "supported");
    const u = figures(results, "unsupported");
    expect(s.precision).toBeGreaterThanOrEqual(THRESHOLD);
    expect(s.recall).toBeGreaterThanOrEqual(THRESHOLD);
    expect(u.precision).toBeGreaterThanOrEqual(THRESHOLD);
    expect(u.recall).toBeGreaterThanOrEqual(THRESHOLD);
  });
});
