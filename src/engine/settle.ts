import { exprNodes } from "../families/expr-schema.js";
import type { Fact } from "../families/family-schema.js";
import type { Family } from "../families/load-family.js";
import type { Profile } from "../families/profile-schema.js";
import { fillTemplate, policyParams } from "../families/templates.js";
import type { CaseFacts, Contradiction } from "./case-facts.js";
import type { ServiceOutcome, PathwayOutcome } from "./evaluate-service.js";
import { evaluateService } from "./evaluate-service.js";
import type { FactValue } from "./evaluation-schema.js";
import { factsOfPathways, groupPlan } from "./profile-plan.js";
import type { ServiceScope } from "./service-scope.js";

/*
 * Two questions asked of a service's outcome before it is final:
 * - Does a contradiction between the diagnosis codes and the stated facts change it? Then it pends
 *   until the record settles the fact (a case is never decided on a fact its own codes contradict).
 * - Does a pend help? When every value an undocumented fact can take leads to the same decision,
 *   the service is decided, and the answer says which facts were missing and why they do not matter.
 */

/** At most this many undocumented facts, and this many combinations of their values, are tried. */
const MAX_FACTS = 6;
const MAX_COMBINATIONS = 256;

export interface Settled extends ServiceOutcome {
  /** Facts the case does not document that cannot change this outcome (every value gives the same decision). */
  notNeeded?: { facts: string[]; pathways: PathwayOutcome[] };
  /** Contradictions between codes and stated facts that change this service's outcome. */
  contradicted?: Contradiction[];
  /** The passages behind a units check that made the service pend. */
  unitsGrounds?: string[];
}

interface Run {
  policy: Profile;
  scope: ServiceScope;
  key: string;
  facts: CaseFacts;
  family: Family;
}

function evaluateRun(run: Run, facts: CaseFacts): ServiceOutcome {
  return evaluateService(run.policy, run.scope, run.key, facts, run.family.data.outOfScopeReason);
}

/** The service evaluated again with some facts given other values. */
function rerun(run: Run, overrides: Record<string, FactValue>): ServiceOutcome {
  return evaluateRun(run, { ...run.facts, values: { ...run.facts.values, ...overrides } });
}

function shown(value: FactValue): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The values to try for an undocumented fact: each value of a boolean or a closed string; each side of every threshold a number is compared with. */
function candidates(fact: Fact, policy: Profile, group: string): FactValue[] | undefined {
  if (fact.type === "boolean") return [true, false];
  if (fact.type === "string") return fact.values ? [...fact.values] : undefined;
  if (fact.type !== "number") return undefined;
  const params = policyParams(policy);
  const values = new Set<number>();
  const exprs = [
    ...policy.criteria.filter((c) => c.appliesTo.includes(group)).map((c) => c.expr),
    ...policy.pathways
      .filter((p) => p.appliesTo.includes(group))
      .flatMap((p) => [p.when, ...(p.requires ? [p.requires] : [])]),
  ];
  for (const expr of exprs) {
    for (const node of exprNodes(expr)) {
      if (!("fact" in node) || node.fact !== fact.name || !("param" in node)) continue;
      const t = params[node.param];
      if (t === undefined) continue;
      for (const v of [t - 0.001, t, t + 0.001]) if (v >= 0) values.add(Math.round(v * 1000) / 1000);
    }
  }
  return values.size > 0 ? [...values].sort((a, b) => a - b) : undefined;
}

function sameDecision(a: ServiceOutcome, b: ServiceOutcome): boolean {
  return a.determination === b.determination && a.chosen?.pathway.id === b.chosen?.pathway.id;
}

/** A contradiction that changes the outcome makes the service pend until the record settles it. */
function contradictionPend(run: Run, outcome: ServiceOutcome): Settled | undefined {
  if (!run.scope.group) return undefined;
  const read = groupPlan(run.policy, run.scope.group).decidingFacts;
  const changing = run.facts.contradictions.filter(
    (c) => read.has(c.fact) && !sameDecision(rerun(run, { [c.fact]: c.fromCodes }), outcome),
  );
  if (changing.length === 0) return undefined;
  const describe = (c: Contradiction) => run.family.factByName.get(c.fact)?.description ?? c.fact;
  const alternative = changing
    .map((c) => rerun(run, { [c.fact]: c.fromCodes }).chosen)
    .filter((p) => p !== undefined);
  return {
    ...outcome,
    determination: "insufficient-information",
    reasons: [
      ...changing.map(
        (c) =>
          `The diagnosis codes ${c.codes.join(", ")} and the stated facts disagree on whether ${describe(c)} (codes: ${shown(c.fromCodes)}; stated: ${shown(c.stated)}), and the answer depends on which is right: it cannot be decided until the record settles it.`,
      ),
    ],
    candidates: [...(outcome.chosen ? [outcome.chosen] : outcome.candidates), ...alternative],
    // Which pathway applies is what the contradiction leaves open: none is chosen.
    chosen: undefined,
    requests: changing
      .map(
        (c) =>
          `records that settle whether ${describe(c)}: the diagnosis codes ${c.codes.join(", ")} indicate ${shown(c.fromCodes)}, the case states ${shown(c.stated)}`,
      )
      .sort(),
    contradicted: changing,
  };
}

/** Every combination of the candidate values, or undefined when there are too many. */
function combinations(options: [string, FactValue[]][]): Record<string, FactValue>[] | undefined {
  let out: Record<string, FactValue>[] = [{}];
  for (const [name, values] of options) {
    if (out.length * values.length > MAX_COMBINATIONS) return undefined;
    out = out.flatMap((partial) => values.map((v) => ({ ...partial, [name]: v })));
  }
  return out;
}

/** A pend that no undocumented fact could change is decided, naming the facts it did not need. */
function settleUnknowns(run: Run, outcome: ServiceOutcome): Settled | undefined {
  if (outcome.determination !== "insufficient-information" || !run.scope.group) return undefined;
  const group = run.scope.group;
  // Pathways whose `when` is false stay false whatever the unknown facts are (three-valued logic):
  // only the facts of the pathways still in play can change the outcome.
  const inPlay = outcome.chosen ? [outcome.chosen] : outcome.candidates;
  const read = factsOfPathways(
    inPlay.map((p) => p.pathway),
    groupPlan(run.policy, group).byId,
  );
  const undocumented = [...read].filter((name) => run.facts.values[name] === undefined).sort();
  if (undocumented.length === 0 || undocumented.length > MAX_FACTS) return undefined;
  const options: [string, FactValue[]][] = [];
  for (const name of undocumented) {
    const fact = run.family.factByName.get(name);
    const values = fact ? candidates(fact, run.policy, group) : undefined;
    if (!values) return undefined;
    options.push([name, values]);
  }
  const combos = combinations(options);
  if (!combos) return undefined;
  const outcomes = combos.map((overrides) => rerun(run, overrides));
  const [first] = outcomes;
  if (!first || first.determination === "insufficient-information") return undefined;
  if (!outcomes.every((o) => o.determination === first.determination)) return undefined;
  const pathways = [
    ...new Map(outcomes.flatMap((o) => (o.chosen ? [[o.chosen.pathway.id, o.chosen]] : []))).values(),
  ];
  const fill = (text: string): string => fillTemplate(text, policyParams(run.policy));
  const describe = (name: string) => run.family.factByName.get(name)?.description ?? name;
  const single = pathways.length === 1 ? pathways[0] : undefined;
  return {
    ...outcome,
    determination: first.determination,
    reasons: [
      ...(single ? first.reasons : pathways.map((p) => fill(p.pathway.title))),
      `Not documented, and not needed for this decision: ${undocumented.map(describe).join("; ")}. Every value ${undocumented.length === 1 ? "it" : "they"} can take leads to the same recommendation (${first.determination}).`,
    ],
    ...(single ? { chosen: single } : {}),
    candidates: single ? [] : pathways,
    requests: [],
    notNeeded: { facts: undocumented, pathways },
  };
}

/** Evaluate one service, then settle it: a contradiction that matters pends; a pend that cannot help is decided. */
export function settleService(run: Run): Settled {
  const outcome = evaluateRun(run, run.facts);
  return contradictionPend(run, outcome) ?? settleUnknowns(run, outcome) ?? outcome;
}
