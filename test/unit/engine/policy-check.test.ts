import { describe, expect, it } from "vitest";
import { SHIPPED_FAMILIES } from "../../../src/families/shipped.js";
import { loadKnowledge } from "../../../src/knowledge/knowledge.js";
import { alteredCorpora } from "../../support/temp-corpus.js";
import { CORPUS_DIR } from "../../support/knowledge.js";

const FAMILY = "families/si-joint";
const EH = `${FAMILY}/profiles/evidence-hierarchy.v2.json`;

/** Every start-up problem of a corpus folder. */
function checkPolicies(dir: string = CORPUS_DIR): string[] {
  return loadKnowledge(dir, SHIPPED_FAMILIES).problems;
}
const alteredCorpus = alteredCorpora();

type Json = Record<string, unknown> & {
  criteria: Record<string, unknown>[];
  pathways: Record<string, unknown>[];
};
const criterion = (json: Record<string, unknown>, id: string) =>
  (json as Json).criteria.find((c) => c.id === id) as Record<string, unknown>;
const pathway = (json: Record<string, unknown>, id: string) =>
  (json as Json).pathways.find((p) => p.id === id) as Record<string, unknown>;

describe("policy start-up check", () => {
  it("finds no problem in the shipped policy data", () => {
    expect(checkPolicies()).toEqual([]);
  });

  it.each([
    [
      "an unknown passage id, naming the closest ids",
      EH,
      (j: Record<string, unknown>) => (criterion(j, "EH-chronic").grounds = ["busse-bmj-2025#rec-joint-rfx"]),
      /evidence-hierarchy\.v2\.json criterion EH-chronic: unknown passage id "busse-bmj-2025#rec-joint-rfx" \(closest: busse-bmj-2025#rec-joint-rfa/,
    ],
    [
      "an unknown passage id in a pathway's governing evidence",
      EH,
      (j: Record<string, unknown>) =>
        (pathway(j, "EH-RFA-bmj").governing = [{ passageId: "bmj-2020#made-up" }]),
      /pathway EH-RFA-bmj: unknown passage id "bmj-2020#made-up"/,
    ],
    [
      "a fact outside the vocabulary",
      EH,
      (j: Record<string, unknown>) =>
        (criterion(j, "EH-chronic").expr = { op: "gte", fact: "painMonths", param: "chronicMinMonths" }),
      /criterion EH-chronic: unknown fact "painMonths"/,
    ],
    [
      "a threshold that is not a parameter",
      EH,
      (j: Record<string, unknown>) =>
        (criterion(j, "EH-chronic").expr = { op: "gte", fact: "painDurationMonths", param: "three" }),
      /criterion EH-chronic: unknown parameter "three"/,
    ],
    [
      "an operator applied to a fact of the wrong type",
      EH,
      (j: Record<string, unknown>) =>
        (criterion(j, "EH-chronic").expr = { op: "gte", fact: "painType", param: "chronicMinMonths" }),
      /operator "gte" cannot read fact "painType" of type string/,
    ],
    [
      "a value outside a fact's declared values",
      EH,
      (j: Record<string, unknown>) =>
        (criterion(j, "EH-axial-component").expr = { op: "in", fact: "painType", values: ["lumbar"] }),
      /"lumbar" is not a value of fact "painType"/,
    ],
    [
      "an operator outside the closed table (schema)",
      EH,
      (j: Record<string, unknown>) =>
        (criterion(j, "EH-chronic").expr = { op: "regex", fact: "painType", value: ".*" }),
      /corpus\/families\/si-joint\/profiles\/evidence-hierarchy\.v2\.json: criteria\.0\.expr/,
    ],
    [
      "a requirement without an outcome when not met",
      EH,
      (j: Record<string, unknown>) => delete pathway(j, "EH-INJ-inflammatory").ifNotMet,
      /pathway EH-INJ-inflammatory: has "requires" but no "ifNotMet"/,
    ],
    [
      "criteria that depend on each other in a cycle",
      EH,
      (j: Record<string, unknown>) =>
        (criterion(j, "EH-chronic").expr = { op: "criterion", id: "EH-bmj-population" }),
      /depends on itself/,
    ],
    [
      "a text naming an unknown parameter",
      EH,
      (j: Record<string, unknown>) =>
        (criterion(j, "EH-chronic").statement = "at least {chronicMonths} months"),
      /names unknown parameter \{chronicMonths\}/,
    ],
    [
      "a fact whose phrase names a slot other than its value",
      `${FAMILY}/facts.json`,
      (j: Record<string, unknown>) =>
        (j.facts as unknown[]).push({
          name: "painScore",
          type: "number",
          read: "clinical.painScore",
          description: "y",
          phrase: "a score of {score}",
        }),
      /fact painScore: the phrase names \{score\}; expected \{value\}/,
    ],
    [
      "a fact read from outside the case",
      `${FAMILY}/facts.json`,
      (j: Record<string, unknown>) =>
        (j.facts as unknown[]).push({
          name: "painScore",
          type: "number",
          read: "process.env.X",
          description: "y",
        }),
      /facts\.json: facts\.\d+\.read/,
    ],
    [
      "a diagnosis class implying a fact the family does not derive from codes",
      `${FAMILY}/diagnosis-classes.json`,
      (j: Record<string, unknown>) =>
        ((
          (j.classes as Record<string, unknown>[])[0] as { implies: Record<string, unknown> }
        ).implies.painDurationMonths = true),
      /class mechanical: implies "painDurationMonths", which facts.json does not derive from diagnoses/,
    ],
    [
      "a diagnosis rule naming an unknown class",
      `${FAMILY}/diagnosis-classes.json`,
      (j: Record<string, unknown>) =>
        (j.rules as unknown[]).push({ prefix: "M99", class: "unknown-class", example: "x" }),
      /rule M99 names unknown class "unknown-class"/,
    ],
  ])("reports %s", (_, file, edit, problem) => {
    const dir = alteredCorpus(file, edit);
    const problems = checkPolicies(dir);
    expect(problems.join("\n")).toMatch(problem);
  });
});
