import { criteriaInEvaluationOrder } from "../families/criteria-order.js";
import type { Expr } from "../families/expr-schema.js";
import { exprNodes } from "../families/expr-schema.js";
import type { Criterion, Pathway, Profile } from "../families/profile-schema.js";
import { policyParams } from "../families/templates.js";

/**
 * What evaluating a service of one group under one profile needs that depends on the profile alone:
 * its criteria in evaluation order, the facts each reads, its pathways, the facts that can decide
 * the group. Derived once per loaded profile and group (a review evaluates the same profile many
 * times: once per service, and again for each value an undocumented fact can take).
 */
export interface GroupPlan {
  params: Readonly<Record<string, number>>;
  /** The group's criteria in the profile's order. */
  criteria: readonly Criterion[];
  /** The same criteria, each after the criteria it references. */
  evaluationOrder: readonly Criterion[];
  byId: ReadonlyMap<string, Criterion>;
  /**
   * What each criterion shows of the facts it reads (through the criteria it references, and its
   * record facts): each fact's value and, where the case says where it came from, its `<fact>Source`,
   * in key order.
   */
  shownKeys: ReadonlyMap<string, readonly ShownKey[]>;
  pathways: readonly Pathway[];
  /** Criteria used by some pathway's `requires`. */
  requirementIds: ReadonlySet<string>;
  /** Facts the group's pathways read, directly or through the criteria they name. */
  decidingFacts: ReadonlySet<string>;
}

export interface ShownKey {
  key: string;
  fact: string;
  source: boolean;
}

function shownKeysOf(names: Iterable<string>): ShownKey[] {
  return [...names]
    .flatMap((fact) => [
      { key: fact, fact, source: false },
      { key: `${fact}Source`, fact, source: true },
    ])
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

const plans = new WeakMap<Profile, Map<string, GroupPlan>>();

export function groupPlan(policy: Profile, group: string): GroupPlan {
  let byGroup = plans.get(policy);
  if (!byGroup) plans.set(policy, (byGroup = new Map<string, GroupPlan>()));
  let plan = byGroup.get(group);
  if (!plan) byGroup.set(group, (plan = buildPlan(policy, group)));
  return plan;
}

function buildPlan(policy: Profile, group: string): GroupPlan {
  const criteria = policy.criteria.filter((c) => c.appliesTo.includes(group));
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const pathways = policy.pathways.filter((p) => p.appliesTo.includes(group));
  const shownKeys = new Map(
    criteria.map((c) => {
      const names = factsOf([c.expr], byId);
      for (const name of c.recordFacts) names.add(name);
      return [c.id, shownKeysOf(names)];
    }),
  );
  return {
    params: policyParams(policy),
    criteria,
    evaluationOrder: criteriaInEvaluationOrder(criteria),
    byId,
    shownKeys,
    pathways,
    requirementIds: requirementIds(pathways),
    decidingFacts: factsOfPathways(pathways, byId),
  };
}

/** Facts the expressions read, directly or through the criteria they name (each criterion once). */
export function factsOf(exprs: readonly Expr[], byId: ReadonlyMap<string, Criterion>): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  const walk = (expr: Expr): void => {
    for (const node of exprNodes(expr)) {
      if ("fact" in node) names.add(node.fact);
      else if (node.op === "criterion" && !seen.has(node.id)) {
        seen.add(node.id);
        const target = byId.get(node.id);
        if (target) walk(target.expr);
      }
    }
  };
  exprs.forEach(walk);
  return names;
}

/** Facts the given pathways read, directly or through the criteria they name. */
export function factsOfPathways(
  pathways: readonly Pathway[],
  byId: ReadonlyMap<string, Criterion>,
): Set<string> {
  return factsOf(
    pathways.flatMap((p) => (p.requires ? [p.when, p.requires] : [p.when])),
    byId,
  );
}

/** Criteria used by the given pathways' `requires`. */
export function requirementIds(pathways: readonly Pathway[]): Set<string> {
  const ids = new Set<string>();
  for (const p of pathways) {
    if (!p.requires) continue;
    for (const node of exprNodes(p.requires)) if (node.op === "criterion") ids.add(node.id);
  }
  return ids;
}
