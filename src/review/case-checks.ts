import type { CaseFacts } from "../engine/case-facts.js";
import type { CaseInput } from "../engine/case-schema.js";
import type { Family } from "../families/load-family.js";
import type { FieldProblem } from "./review-error.js";

function at(value: unknown, path: string): unknown {
  for (const key of path.split(".")) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The family's checks that a case's facts (read by readCaseFacts) can all be true together (facts.json `checks`); every violation, in check order. */
export function caseProblems(family: Family, input: CaseInput, read: CaseFacts): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const facts = read.values;
  const view = { request: input.request, clinical: input.clinical };
  for (const check of family.facts.checks) {
    if (check.rule === "notGreater") {
      const value = facts[check.fact];
      const limit = facts[check.than];
      if (typeof value === "number" && typeof limit === "number" && value > limit) {
        problems.push({
          code: "impossible-facts",
          path: check.fields.join(" and "),
          received: `${check.fact} ${value} with ${check.than} ${limit}`,
          expected: check.expected,
        });
      }
      continue;
    }
    const end = at(view, check.than);
    const list = at(view, check.list);
    if (typeof end !== "string" || !Array.isArray(list)) continue;
    list.forEach((entry: unknown, i) => {
      const date = at(entry, check.field);
      if (typeof date === "string" && date > end) {
        problems.push({
          code: "impossible-facts",
          path: `${check.list}.${i}.${check.field}`,
          received: `${JSON.stringify(date)}, after ${check.than} ${JSON.stringify(end)}`,
          expected: check.expected,
        });
      }
    });
  }
  return problems;
}
