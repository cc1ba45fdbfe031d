import { checkPassageIds } from "../corpus/integrity.js";
import type { Corpus } from "../corpus/load-evidence.js";
import { normalizeCode } from "../codes/code-shapes.js";
import { criteriaInEvaluationOrder } from "./criteria-order.js";
import type { Expr } from "./expr-schema.js";
import { exprNodes } from "./expr-schema.js";
import type { Fact, FactType } from "./family-schema.js";
import type { Family } from "./load-family.js";
import type { Profile } from "./profile-schema.js";
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

interface Where {
  profile: Profile;
  facts: ReadonlyMap<string, Fact>;
  criterionGroups: ReadonlyMap<string, readonly string[]>;
}

function checkExpr(where: string, expr: Expr, w: Where, groups: readonly string[]): string[] {
  const problems: string[] = [];
  for (const node of exprNodes(expr)) {
    if (node.op === "criterion") {
      const target = w.criterionGroups.get(node.id);
      if (!target) problems.push(`${where}: references unknown criterion "${node.id}"`);
      else {
        const missing = groups.filter((g) => !target.includes(g));
        if (missing.length > 0)
          problems.push(`${where}: criterion "${node.id}" does not apply to ${missing.join(", ")}`);
      }
      continue;
    }
    if (!("fact" in node)) continue;
    const fact = w.facts.get(node.fact);
    if (!fact) {
      problems.push(`${where}: unknown fact "${node.fact}" (not in facts.json)`);
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
      if (!(p in w.profile.parameters)) problems.push(`${where}: unknown parameter "${p}"`);
  }
  return problems;
}

function checkProfile(file: string, profile: Profile, family: Family, corpus: Corpus): string[] {
  const problems: string[] = [];
  const at = `corpus/${file}`;
  const passages = (where: string, ids: readonly string[]): string[] =>
    checkPassageIds(corpus, [...new Set(ids)]).map((p) => `${where}: ${p}`);
  const groupIds = family.data.groups.map((g) => g.id);
  const w: Where = {
    profile,
    facts: family.factByName,
    criterionGroups: new Map(profile.criteria.map((c) => [c.id, c.appliesTo])),
  };
  const conflicting = new Set(profile.conflicting.map((c) => c.passageId));
  const pitfalls = new Set(profile.pitfalls.map((p) => p.id));
  const alternatives = new Set(profile.alternatives.map((a) => a.id));
  const templateProblems = (where: string, ...texts: (string | undefined)[]): string[] =>
    texts
      .flatMap((t) => (t ? placeholders(t) : []))
      .filter((name) => !(name in profile.parameters))
      .map((name) => `${where}: the text names unknown parameter {${name}}`);

  for (const [name, p] of Object.entries(profile.parameters)) {
    problems.push(...passages(`${at} parameter ${name}`, p.grounds));
  }
  const ids = new Set<string>();
  for (const c of profile.criteria) {
    const where = `${at} criterion ${c.id}`;
    if (ids.has(c.id)) problems.push(`${where}: duplicate id`);
    ids.add(c.id);
    for (const g of c.appliesTo)
      if (!groupIds.includes(g)) problems.push(`${where}: unknown service group "${g}"`);
    problems.push(...checkExpr(where, c.expr, w, c.appliesTo));
    for (const f of c.recordFacts)
      if (!family.factByName.has(f)) problems.push(`${where}: unknown fact "${f}" in recordFacts`);
    problems.push(...passages(where, c.grounds), ...templateProblems(where, c.statement, c.groundingNote));
  }
  try {
    criteriaInEvaluationOrder(profile.criteria);
  } catch (error) {
    problems.push(`${at}: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const p of profile.pathways) {
    const where = `${at} pathway ${p.id}`;
    if (ids.has(p.id)) problems.push(`${where}: duplicate id`);
    ids.add(p.id);
    for (const g of p.appliesTo)
      if (!groupIds.includes(g)) problems.push(`${where}: unknown service group "${g}"`);
    problems.push(...checkExpr(`${where} when`, p.when, w, p.appliesTo));
    if (p.requires) {
      problems.push(...checkExpr(`${where} requires`, p.requires, w, p.appliesTo));
      if (!p.ifNotMet) problems.push(`${where}: has "requires" but no "ifNotMet"`);
    }
    for (const id of p.conflicting)
      if (!conflicting.has(id)) problems.push(`${where}: "${id}" is not in the conflicting list`);
    for (const id of p.pitfalls) if (!pitfalls.has(id)) problems.push(`${where}: unknown pitfall "${id}"`);
    for (const id of p.alternatives)
      if (!alternatives.has(id)) problems.push(`${where}: unknown alternative "${id}"`);
    const cited = [...p.governing, ...p.supporting].map((u) => u.passageId);
    problems.push(
      ...passages(where, [...p.grounds, ...cited]),
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
  // A version cannot rest on evidence published after it took effect (a review of a date of service
  // before a guideline's publication must not be governed by it).
  const effectiveYear = Number(profile.effectiveDate.slice(0, 4));
  for (const p of profile.pathways) {
    for (const use of p.governing) {
      const source = corpus.sources.get(corpus.passages.get(use.passageId)?.sourceId ?? "");
      if (source?.year !== undefined && source.year > effectiveYear)
        problems.push(
          `${at} pathway ${p.id}: governing passage ${use.passageId} was published in ${source.year}, after the version took effect (${profile.effectiveDate})`,
        );
    }
  }
  for (const g of groupIds) {
    if (!profile.pathways.some((p) => p.appliesTo.includes(g)))
      problems.push(`${at}: no pathway for service group "${g}" of family ${family.id}`);
  }
  problems.push(...passages(`${at} conflicting`, [...conflicting]));
  for (const p of profile.pitfalls) {
    problems.push(
      ...passages(`${at} pitfall ${p.id}`, p.grounds),
      ...templateProblems(`${at} pitfall ${p.id}`, p.text),
    );
  }
  for (const a of profile.alternatives) {
    problems.push(
      ...passages(`${at} alternative ${a.id}`, a.grounds),
      ...templateProblems(`${at} alternative ${a.id}`, a.text),
    );
  }
  return problems;
}

const PHRASE_SLOTS = /\{([a-z]+)\}/g;

/** A fact's phrase keys fit its type, and its templates name only {value} (or {items} for a list). */
function checkFact(at: string, fact: Fact): string[] {
  const problems: string[] = [];
  const list = fact.type.endsWith("-list");
  const slot = list ? "items" : "value";
  const phrase = fact.phrase;
  const templates = phrase === undefined ? [] : typeof phrase === "string" ? [phrase] : Object.values(phrase);
  for (const t of templates) {
    for (const [, name] of t.matchAll(PHRASE_SLOTS))
      if (name !== slot)
        problems.push(`${at} fact ${fact.name}: the phrase names {${name}}; expected {${slot}}`);
  }
  if (phrase !== undefined && typeof phrase !== "string") {
    const allowed =
      fact.type === "boolean"
        ? ["true", "false"]
        : fact.type === "number"
          ? ["one", "other"]
          : (fact.values ?? []);
    if (list) problems.push(`${at} fact ${fact.name}: a list fact's phrase is one template with {items}`);
    for (const key of Object.keys(phrase))
      if (!list && !allowed.includes(key))
        problems.push(
          `${at} fact ${fact.name}: phrase key "${key}" is not one of ${allowed.join(", ") || "(none)"}`,
        );
  }
  if (fact.itemLabels && fact.type !== "string-list")
    problems.push(`${at} fact ${fact.name}: itemLabels are for string-list facts`);
  if (!fact.read && !fact.fromDiagnoses)
    problems.push(
      `${at} fact ${fact.name}: a fact is read from the case, derived from diagnosis codes, or both`,
    );
  if (fact.whenUndocumented && fact.type !== "boolean")
    problems.push(`${at} fact ${fact.name}: only a boolean fact can have a value when undocumented`);
  if (fact.fromDiagnoses && !["boolean", "string"].includes(fact.type))
    problems.push(`${at} fact ${fact.name}: only boolean and string facts can come from diagnosis codes`);
  return problems;
}

/** Cross-references of a family's data: facts, classes, codes, and every profile version. */
export function checkFamily(family: Family, corpus: Corpus): string[] {
  const problems: string[] = [];
  const folder = `corpus/${family.folder}`;
  for (const fact of family.facts.facts) problems.push(...checkFact(`${folder}/facts.json`, fact));
  const names = new Set<string>();
  for (const fact of family.facts.facts) {
    if (names.has(fact.name)) problems.push(`${folder}/facts.json: fact "${fact.name}" is declared twice`);
    names.add(fact.name);
  }

  const classIds = new Set(family.classes.classes.map((c) => c.id));
  for (const rule of family.classes.rules) {
    if (!classIds.has(rule.class))
      problems.push(
        `${folder}/diagnosis-classes.json: rule ${rule.prefix} names unknown class "${rule.class}"`,
      );
  }
  for (const c of family.classes.classes) {
    const at = `${folder}/diagnosis-classes.json class ${c.id}`;
    problems.push(...checkPassageIds(corpus, c.grounds).map((p) => `${at}: ${p}`));
    for (const [name, value] of Object.entries(c.implies)) {
      const fact = family.factByName.get(name);
      if (!fact) problems.push(`${at}: implies unknown fact "${name}"`);
      else if (!fact.fromDiagnoses)
        problems.push(`${at}: implies "${name}", which facts.json does not derive from diagnoses`);
      else if (value !== null && typeof value !== (fact.type === "boolean" ? "boolean" : "string"))
        problems.push(`${at}: implies ${name} = ${JSON.stringify(value)}, but the fact is ${fact.type}`);
      else if (typeof value === "string" && fact.values && !fact.values.includes(value))
        problems.push(`${at}: "${value}" is not a value of fact "${name}"`);
    }
  }

  const seen = new Set<string>();
  for (const code of [
    ...family.data.groups.flatMap((g) => g.codes.map((c) => c.code)),
    ...family.data.outOfScope.map((c) => c.code),
  ]) {
    const bare = normalizeCode(code).bare;
    if (seen.has(bare)) problems.push(`${folder}/family.json: code ${code} is listed twice`);
    seen.add(bare);
  }

  const cited = (where: string, ids: readonly string[]) =>
    checkPassageIds(corpus, [...new Set(ids)]).map((p) => `${where}: ${p}`);
  for (const group of family.data.groups)
    for (const code of group.codes)
      if (code.units)
        problems.push(...cited(`${folder}/family.json code ${code.code} units`, code.units.grounds));
  for (const code of family.data.notInjectates) {
    problems.push(...cited(`${folder}/family.json notInjectates ${code.code}`, code.grounds));
    if (seen.has(normalizeCode(code.code).bare))
      problems.push(`${folder}/family.json: code ${code.code} is listed twice`);
    seen.add(normalizeCode(code.code).bare);
  }
  for (const included of family.data.includedIn)
    problems.push(...cited(`${folder}/family.json includedIn ${included.codes.join(",")}`, included.grounds));
  for (const check of family.facts.checks) {
    const names = check.rule === "notGreater" ? [check.fact, check.than] : [];
    for (const name of names)
      if (!family.factByName.has(name))
        problems.push(`${folder}/facts.json check ${check.id}: unknown fact "${name}"`);
  }

  if (!family.profiles.has(family.data.defaultProfile))
    problems.push(
      `${folder}/family.json: the default profile "${family.data.defaultProfile}" has no file in profiles/`,
    );
  for (const versions of family.profiles.values())
    for (const { file, profile } of versions) problems.push(...checkProfile(file, profile, family, corpus));
  return problems;
}
