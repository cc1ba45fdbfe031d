import type { Criterion, Pathway, Profile } from "../families/profile-schema.js";
import type { CaseFacts } from "./case-facts.js";
import { decide } from "./decide.js";
import type { Determination } from "./determination.js";
import { evaluateExpr } from "./evaluate-expr.js";
import type { CriterionStatus, FactValue, TraceNode } from "./evaluation-schema.js";
import { collectRequests } from "./missing-information.js";
import type { Walk } from "./missing-information.js";
import { groupPlan, requirementIds } from "./profile-plan.js";
import type { ShownKey } from "./profile-plan.js";
import type { ServiceScope } from "./service-scope.js";
import type { Tri } from "./three-valued.js";

export interface CriterionOutcome {
  criterion: Criterion;
  value: Tri;
  status: CriterionStatus;
  address: string;
  facts: Record<string, FactValue>;
}

export interface PathwayOutcome {
  pathway: Pathway;
  when: Tri;
  requires?: Tri;
}

export interface ServiceOutcome {
  scope: ServiceScope;
  determination: Determination;
  reasons: string[];
  criteria: CriterionOutcome[];
  /** The pathway that applies; undefined when out of scope or when the facts cannot choose one. */
  chosen?: PathwayOutcome;
  /** Pathways that could apply if the unknown facts were documented (empty when one was chosen). */
  candidates: PathwayOutcome[];
  requests: string[];
  trace: TraceNode[];
}

function shownFacts(keys: readonly ShownKey[], facts: CaseFacts): Record<string, FactValue> {
  const shown: Record<string, FactValue> = {};
  for (const { key, fact, source } of keys) {
    if (!source) shown[key] = facts.values[fact] ?? null;
    else if (facts.sources[fact] !== undefined) shown[key] = facts.sources[fact];
  }
  return shown;
}

function statusOf(value: Tri): CriterionStatus {
  return value === "true" ? "met" : value === "false" ? "not-met" : "unknown";
}

/** Evaluate one requested service against a profile: every criterion, every pathway, then the one that applies. */
export function evaluateService(
  policy: Profile,
  scope: ServiceScope,
  serviceKey: string,
  facts: CaseFacts,
  outOfScopeReason: string,
): ServiceOutcome {
  const trace: TraceNode[] = [];
  const group = scope.group;
  if (!group) {
    const note = scope.note;
    const detail = note && scope.label ? `${scope.code} (${scope.label}): ${note.text}.` : undefined;
    // A code the family names as not its injectate, or one included in a procedure on the request, is
    // explained by its note alone; any other code by the family's out-of-scope reason.
    const reasons =
      note && note.kind !== "out-of-scope" && detail
        ? [detail]
        : [outOfScopeReason, ...(detail ? [detail] : [])];
    return {
      scope,
      determination: "not-applicable",
      reasons,
      criteria: [],
      candidates: [],
      requests: [],
      trace,
    };
  }

  const plan = groupPlan(policy, group);
  const params = plan.params;
  const prefix = `${policy.id}@${policy.version}/${serviceKey}`;
  const results = new Map<string, { value: Tri; address: string }>();
  const outcomes = new Map<string, CriterionOutcome>();
  const ctx = { facts: facts.values, params, criteria: results, trace };

  for (const criterion of plan.evaluationOrder) {
    const address = `${prefix}/${criterion.id}`;
    const value = evaluateExpr(criterion.expr, address, ctx);
    results.set(criterion.id, { value, address });
    outcomes.set(criterion.id, {
      criterion,
      value,
      status: statusOf(value),
      address,
      facts: shownFacts(plan.shownKeys.get(criterion.id) ?? [], facts),
    });
  }

  const pathways: PathwayOutcome[] = plan.pathways.map((pathway) => {
    const when = evaluateExpr(pathway.when, `${prefix}/${pathway.id}/when`, ctx);
    const requires = pathway.requires
      ? evaluateExpr(pathway.requires, `${prefix}/${pathway.id}/requires`, ctx)
      : undefined;
    return requires === undefined ? { pathway, when } : { pathway, when, requires };
  });

  // The first pathway that applies, provided no earlier one might apply too; otherwise every pathway
  // that might be the first to apply (up to and including the first that surely applies).
  const open = pathways.filter((p) => p.when !== "false");
  const chosen = open[0]?.when === "true" ? open[0] : undefined;
  const firstSure = open.findIndex((p) => p.when === "true");
  const candidates = chosen ? [] : firstSure < 0 ? open : open.slice(0, firstSure + 1);

  const requests = new Set<string>();
  // Built only when requests are collected (a chosen pathway with its requirement met needs none):
  // hashing every trace address is a large part of evaluating a service.
  let valueAt: Map<string, Tri> | undefined;
  const walkOf = (follow: (v: Tri) => boolean): Walk => ({
    byId: outcomes,
    valueAt: (valueAt ??= new Map(trace.map((n) => [n.address, n.value]))),
    follow,
    requests,
    fallback: policy.fallbackRequest,
  });
  if (!chosen) {
    // Ask in one round for what chooses the pathway and for what a possible pathway would then need.
    for (const c of candidates) {
      if (c.when === "unknown")
        collectRequests(
          c.pathway.when,
          `${prefix}/${c.pathway.id}/when`,
          walkOf((v) => v === "unknown"),
        );
      if (c.pathway.requires && c.requires === "unknown") {
        collectRequests(
          c.pathway.requires,
          `${prefix}/${c.pathway.id}/requires`,
          walkOf((v) => v === "unknown"),
        );
      }
    }
    if (candidates.length === 0) for (const r of policy.fallbackRequest) requests.add(r);
  } else if (chosen.pathway.requires && chosen.requires !== "true") {
    const outcome = chosen.requires === "false" ? chosen.pathway.ifNotMet : "insufficient-information";
    if (outcome === "insufficient-information") {
      collectRequests(
        chosen.pathway.requires,
        `${prefix}/${chosen.pathway.id}/requires`,
        walkOf((v) => v !== "true"),
      );
    }
  }

  // Requirement criteria of pathways not in play are shown as not applicable.
  const inPlay = requirementIds(chosen ? [chosen.pathway] : candidates.map((c) => c.pathway));
  const allRequirements = plan.requirementIds;
  const criteria = plan.criteria.map((c) => {
    const outcome = outcomes.get(c.id) as CriterionOutcome;
    return allRequirements.has(c.id) && !inPlay.has(c.id)
      ? { ...outcome, status: "not-applicable" as const }
      : outcome;
  });

  const { determination, reasons } = decide(policy, chosen, candidates, criteria);
  return {
    scope,
    determination,
    reasons,
    criteria,
    ...(chosen ? { chosen } : {}),
    candidates,
    requests: [...requests].sort(),
    trace,
  };
}
