import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CiteGuidelineOutput } from "../../src/corpus/cite-guideline-schema.js";
import { shippedKnowledge } from "../support/knowledge.js";
import { connectInMemory } from "../support/clients.js";

interface EvalQuestion {
  question: string;
  answers: string[];
}

const questions = (
  JSON.parse(readFileSync(join(import.meta.dirname, "retrieval-questions.json"), "utf8")) as {
    questions: EvalQuestion[];
  }
).questions;

const RECALL_AT_3_THRESHOLD = 0.9;
const MRR_THRESHOLD = 0.8;

describe("retrieval evaluation (test/eval/retrieval-questions.json)", () => {
  let client: Client;
  beforeAll(async () => {
    client = await connectInMemory();
  });
  afterAll(async () => {
    await client.close();
  });

  it("has at least 30 distinct questions whose answers are real passage ids", () => {
    expect(questions.length).toBeGreaterThanOrEqual(30);
    expect(new Set(questions.map((q) => q.question)).size).toBe(questions.length);
    const known = shippedKnowledge().corpus.passages;
    for (const q of questions) {
      expect(q.answers.length).toBeGreaterThan(0);
      for (const id of q.answers) expect(known.has(id), `${id} (for "${q.question}")`).toBe(true);
    }
  });

  it(`reaches recall@3 >= ${RECALL_AT_3_THRESHOLD} and MRR >= ${MRR_THRESHOLD} through citeGuideline`, async () => {
    let recall = 0;
    let reciprocalRanks = 0;
    const misses: string[] = [];
    for (const q of questions) {
      const result = await client.callTool({
        name: "citeGuideline",
        arguments: { query: q.question, limit: 20 },
      });
      expect(result.isError).toBeFalsy();
      const ids = (result.structuredContent as CiteGuidelineOutput).results.map((r) => r.passageId);
      const inTop3 = ids.slice(0, 3).filter((id) => q.answers.includes(id)).length;
      recall += inTop3 / Math.min(3, q.answers.length);
      const rank = ids.findIndex((id) => q.answers.includes(id));
      reciprocalRanks += rank < 0 ? 0 : 1 / (rank + 1);
      if (rank !== 0) misses.push(`  first answer at rank ${rank < 0 ? "none" : rank + 1}: ${q.question}`);
    }
    const recallAt3 = recall / questions.length;
    const mrr = reciprocalRanks / questions.length;
    console.error(
      `retrieval: ${questions.length} questions, recall@3 ${recallAt3.toFixed(3)}, MRR ${mrr.toFixed(3)}\n${misses.join("\n")}`,
    );
    expect(recallAt3).toBeGreaterThanOrEqual(RECALL_AT_3_THRESHOLD);
    expect(mrr).toBeGreaterThanOrEqual(MRR_THRESHOLD);
  });
});
