import { checkPassageIds } from "../corpus/integrity.js";
import { PRODUCED_FACTS } from "./case-facts.js";
import { criteriaInEvaluationOrder } from "./criteria-order.js";
import type { Expr } from "./expr-schema.js";
import { exprNodes } from "./expr-schema.js";
import type { FactType, FactVocabulary, Policy, Services } from "./policy-schema.js";
import { getPolicyBundle, PolicyLoadError } from "./policy-store.js";
import type { PolicyBundle } from "./policy-store.js";
import { placeholders } from "./templates.js";

/** Fact types each leaf operator accepts. */
const ACCEPTS: Record<string, readonly FactType[]> = {
  gte: ["number"],
  gt: ["number"],
  lte: ["number"],
  lt: ["number"],
  eq: ["boolean", "string"],
  in: ["string"],
  includes: ["string-list"],
  countAtLeast: ["relief-list"],
  documented: ["number", "boolean", "string", "string-list", "number-list", "relief-list"],
};

function checkExpr(
  where: string,
  expr: Expr,
  policy: Policy,
  vocabulary: FactVocabulary,
  criterionGroups: ReadonlyMap<string, readonly string[]>,
  groups: readonly string[],
): string[] {
  const problems: string[] = [];
  const facts = new Map(vocabulary.facts.map((f) => [f.name, f]));
  for (const node of exprNodes(expr)) {
    if (node.op === "criterion") {
      const target = criterionGroups.get(node.id);
      if (!target) problems.push(`${where}: references unknown criterion "${node.id}"`);
      else {
        const missing = groups.filter((g) => !target.includes(g));
        if (missing.length > 0)
          problems.push(`${where}: criterion "${node.id}" does not apply to ${missing.join(", ")}`);
      }
      continue;
    }
    if (!("fact" in node)) continue;
    const fact = facts.get(node.fact);
    if (!fact) {
      problems.push(`${where}: unknown fact "${node.fact}" (not in fact-vocabulary.json)`);
      continue;
    }
    if (!(ACCEPTS[node.op] ?? []).includes(fact.type)) {
      problems.push(`${where}: operator "${node.op}" cannot read fact "${node.fact}" of type ${fact.type}`);
    }
    if (node.op === "eq" && typeof node.value !== (fact.type === "boolean" ? "boolean" : "string")) {
      problems.push(`${where}: "${node.fact}" is ${fact.type}, compared with ${JSON.stringify(node.value)}`);
    }
    const values =
      node.op === "in" ? node.values : node.op === "eq" || node.op === "includes" ? [node.value] : [];
    for (const v of values) {
      if (typeof v === "string" && fact.values && !fact.values.includes(v)) {
        problems.push(`${where}: "${v}" is not a value of fact "${node.fact}" (${fact.values.join(", ")})`);
      }
    }
    const params =
      "param" in node ? [node.param] : node.op === "countAtLeast" ? [node.minEach, node.count] : [];
    for (const p of params)
      if (!(p in policy.parameters)) problems.push(`${where}: unknown parameter "${p}"`);
  }
  return problems;
}

function passageProblems(where: string, ids: readonly string[]): string[] {
  return checkPassageIds([...new Set(ids)]).map((p) => `${where}: ${p}`);
}

function checkPolicy(file: string, policy: Policy, bundle: PolicyBundle): string[] {
  const problems: string[] = [];
  const at = `corpus/${file}`;
  const groupIds = bundle.services.groups.map((g) => g.id);
  const criterionGroups = new Map(policy.criteria.map((c) => [c.id, c.appliesTo]));
  const conflicting = new Set(policy.conflicting.map((c) => c.passageId));
  const pitfalls = new Set(policy.pitfalls.map((p) => p.id));
  const alternatives = new Set(policy.alternatives.map((a) => a.id));
  const facts = new Set(bundle.vocabulary.facts.map((f) => f.name));
  const templateProblems = (where: string, ...texts: (string | undefined)[]): string[] =>
    texts
      .flatMap((t) => (t ? placeholders(t) : []))
      .filter((name) => !(name in policy.parameters))
      .map((name) => `${where}: the text names unknown parameter {${name}}`);

  for (const [name, p] of Object.entries(policy.parameters)) {
    problems.push(...passageProblems(`${at} parameter ${name}`, p.grounds));
  }
  const ids = new Set<string>();
  for (const c of policy.criteria) {
    const where = `${at} criterion ${c.id}`;
    if (ids.has(c.id)) problems.push(`${where}: duplicate id`);
    ids.add(c.id);
    for (const g of c.appliesTo)
      if (!groupIds.includes(g)) problems.push(`${where}: unknown service group "${g}"`);
    problems.push(...checkExpr(where, c.expr, policy, bundle.vocabulary, criterionGroups, c.appliesTo));
    for (const f of c.recordFacts)
      if (!facts.has(f)) problems.push(`${where}: unknown fact "${f}" in recordFacts`);
    problems.push(
      ...passageProblems(where, c.grounds),
      ...templateProblems(where, c.statement, c.groundingNote),
    );
  }
  try {
    criteriaInEvaluationOrder(policy.criteria);
  } catch (error) {
    problems.push(`${at}: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const p of policy.pathways) {
    const where = `${at} pathway ${p.id}`;
    if (ids.has(p.id)) problems.push(`${where}: duplicate id`);
    ids.add(p.id);
    for (const g of p.appliesTo)
      if (!groupIds.includes(g)) problems.push(`${where}: unknown service group "${g}"`);
    problems.push(
      ...checkExpr(`${where} when`, p.when, policy, bundle.vocabulary, criterionGroups, p.appliesTo),
    );
    if (p.requires) {
      problems.push(
        ...checkExpr(
          `${where} requires`,
          p.requires,
          policy,
          bundle.vocabulary,
          criterionGroups,
          p.appliesTo,
        ),
      );
      if (!p.ifNotMet) problems.push(`${where}: has "requires" but no "ifNotMet"`);
    }
    for (const id of p.conflicting)
      if (!conflicting.has(id)) problems.push(`${where}: "${id}" is not in the conflicting list`);
    for (const id of p.pitfalls) if (!pitfalls.has(id)) problems.push(`${where}: unknown pitfall "${id}"`);
    for (const id of p.alternatives)
      if (!alternatives.has(id)) problems.push(`${where}: unknown alternative "${id}"`);
    const cited = [...p.governing, ...p.supporting].map((u) => u.passageId);
    problems.push(
      ...passageProblems(where, [...p.grounds, ...cited]),
      ...templateProblems(
        where,
        p.title,
        p.reason,
        p.reasonIfNotMet,
        p.reasonIfUnknown,
        ...[...p.governing, ...p.supporting].map((u) => u.note),
      ),
    );
  }
  for (const g of groupIds) {
    if (!policy.pathways.some((p) => p.appliesTo.includes(g)))
      problems.push(`${at}: no pathway for service group "${g}"`);
  }
  problems.push(...passageProblems(`${at} conflicting`, [...conflicting]));
  for (const p of policy.pitfalls) {
    problems.push(
      ...passageProblems(`${at} pitfall ${p.id}`, p.grounds),
      ...templateProblems(`${at} pitfall ${p.id}`, p.text),
    );
  }
  for (const a of policy.alternatives) {
    problems.push(
      ...passageProblems(`${at} alternative ${a.id}`, a.grounds),
      ...templateProblems(`${at} alternative ${a.id}`, a.text),
    );
  }
  return problems;
}

function checkServices(services: Services): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const code of [
    ...services.groups.flatMap((g) => g.codes.map((c) => c.code)),
    ...services.outOfScope.map((c) => c.code),
  ]) {
    if (seen.has(code)) problems.push(`corpus/policies/services.json: code ${code} is listed twice`);
    seen.add(code);
  }
  return problems;
}

/** Start-up check of the policy data: schemas, cross-references, and that every cited passage exists. */
export function checkPolicies(): string[] {
  let bundle: PolicyBundle;
  try {
    bundle = getPolicyBundle();
  } catch (error) {
    if (error instanceof PolicyLoadError) return error.problems;
    return [`policy data: ${error instanceof Error ? error.message : String(error)}`];
  }
  const problems: string[] = [];
  const declared = bundle.vocabulary.facts.map((f) => f.name).sort();
  for (const name of declared) {
    if (!PRODUCED_FACTS.includes(name))
      problems.push(`corpus/policies/fact-vocabulary.json: fact "${name}" is not produced by the engine`);
  }
  for (const name of PRODUCED_FACTS) {
    if (!declared.includes(name))
      problems.push(`corpus/policies/fact-vocabulary.json: fact "${name}" is produced but not declared`);
  }
  const classIds = new Set(bundle.diagnosisClasses.classes.map((c) => c.id));
  for (const rule of bundle.diagnosisClasses.rules) {
    if (!classIds.has(rule.class))
      problems.push(
        `corpus/policies/diagnosis-classes.json: rule ${rule.prefix} names unknown class "${rule.class}"`,
      );
  }
  for (const c of bundle.diagnosisClasses.classes) {
    problems.push(...passageProblems(`corpus/policies/diagnosis-classes.json class ${c.id}`, c.grounds));
  }
  problems.push(...checkServices(bundle.services));
  for (const { file, policy } of bundle.policies.values())
    problems.push(...checkPolicy(file, policy, bundle));
  return problems;
}
