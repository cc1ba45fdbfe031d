import { exprNodes } from "./expr-schema.js";
import type { Criterion } from "./profile-schema.js";

/** Criteria of a group, dependencies first (a `criterion` node needs its target evaluated before it). */
export function criteriaInEvaluationOrder(criteria: readonly Criterion[]): Criterion[] {
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const ordered: Criterion[] = [];
  const visiting = new Set<string>();
  const visit = (c: Criterion): void => {
    if (ordered.includes(c)) return;
    if (visiting.has(c.id)) throw new Error(`criterion "${c.id}" depends on itself`);
    visiting.add(c.id);
    for (const node of exprNodes(c.expr)) {
      if (node.op === "criterion") {
        const target = byId.get(node.id);
        if (!target) throw new Error(`criterion "${c.id}" references unknown criterion "${node.id}"`);
        visit(target);
      }
    }
    visiting.delete(c.id);
    ordered.push(c);
  };
  criteria.forEach(visit);
  return ordered;
}
