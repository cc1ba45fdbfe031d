import type { Corpus } from "../corpus/load-evidence.js";
import { shortCitation } from "../corpus/short-citation.js";
import type { Evaluation, FactValue, ServiceResult } from "../engine/evaluation-schema.js";
import type {
  EvaluationSummary,
  SummaryConflict,
  SummaryCriteria,
  SummaryServices,
} from "./evaluation-summary-schema.js";
import { asSentence, firstSentence } from "./evaluation-view-text.js";

/** How many conflicting sources the summary names (the strongest first). */
const STRONGEST_CONFLICTS = 3;
const CORPUS_PREFIX = 12;

export const FULL_VIEW_ADDS =
  'detail "full" adds criteria per service with statements, all evidence, the trace and the audit';

/** Groups values by a key, keeping the order of first appearance. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}

/** The first sentence of each reason, the pathway title (shown with the pathway) left out. */
function reasonOf(service: ServiceResult): string {
  const reasons = service.reasons.filter((r) => r !== service.pathway?.title);
  if (reasons.length === 0) return service.pathway ? asSentence(service.pathway.title) : "";
  return reasons.map((r) => asSentence(firstSentence(r))).join(" ");
}

function serviceGroups(e: Evaluation): SummaryServices[] {
  const groups = groupBy(e.services, (s) =>
    JSON.stringify([s.determination, s.pathway?.id ?? null, s.reasons, s.factsNotNeeded ?? null]),
  );
  return groups.map((group) => {
    const [s] = group as [ServiceResult, ...ServiceResult[]];
    return {
      services: group.map((g) => g.code),
      determination: s.determination,
      ...(s.pathway ? { pathway: s.pathway.id } : {}),
      reason: reasonOf(s),
      ...(s.factsNotNeeded?.length ? { factsNotNeeded: s.factsNotNeeded } : {}),
    };
  });
}

/** A text up to its first colon: "undocumented, taken as false: <why>" becomes "undocumented, taken as false". */
function headOf(text: string): string {
  const colon = text.indexOf(": ");
  return colon < 0 ? text : text.slice(0, colon);
}

/**
 * The facts of a criterion, compact: a text value up to its first colon, and a fact's source
 * (`<name>Source`) only when the fact does not come from the case's own statement.
 */
function compactFacts(facts: Record<string, FactValue>): Record<string, FactValue> {
  const shown: Record<string, FactValue> = {};
  for (const [name, value] of Object.entries(facts)) {
    if (value === "case" && name.endsWith("Source") && name.slice(0, -"Source".length) in facts) continue;
    shown[name] = typeof value === "string" ? headOf(value) : value;
  }
  return shown;
}

/**
 * Each criterion once: rows with the same id, status and facts become one row with the services
 * they hold for; rows with the same status and services are listed together, in policy order.
 */
function criteria(e: Evaluation): SummaryCriteria[] {
  const rows = groupBy(
    e.criteria.map((c) => ({ id: c.id, status: c.status, service: c.service, facts: compactFacts(c.facts) })),
    (r) => JSON.stringify([r.id, r.status, r.facts]),
  ).map((group) => ({ ...group[0]!, services: group.map((g) => g.service) }));
  return groupBy(rows, (r) => JSON.stringify([r.status, r.services])).map((group) => ({
    status: group[0]!.status,
    services: group[0]!.services,
    criteria: Object.fromEntries(group.map((r) => [r.id, r.facts])),
  }));
}

/** The strongest conflicting items: the first passage of each of the most authoritative sources. */
function conflicts(e: Evaluation): SummaryConflict[] {
  const bySource = groupBy(e.conflictingEvidence, (c) => c.citation.sourceId);
  return bySource.slice(0, STRONGEST_CONFLICTS).map((group) => {
    const [first, ...rest] = group as [(typeof group)[number], ...(typeof group)[number][]];
    return {
      passageId: first.citation.passageId,
      whyNotGoverning: first.whyNotGoverning,
      ...(rest.length ? { alsoFromSource: rest.map((c) => c.citation.passageId) } : {}),
    };
  });
}

/**
 * The summary view of an evaluation: determinations with pathway and reason, the governing quotes
 * verbatim with a short citation, each criterion once, what to request, the strongest conflicts,
 * pitfalls and alternatives in a line each. Bounded: identical outcomes and criteria are grouped.
 */
export function summarizeEvaluation(e: Evaluation, corpus: Corpus): EvaluationSummary {
  const cite = (sourceId: string): string => {
    const source = corpus.sources.get(sourceId);
    return source ? shortCitation(source) : sourceId;
  };
  const governedBy = (passageId: string) =>
    e.services.filter((s) => s.evidence.governing.includes(passageId)).map((s) => s.code);
  const changing = e.contradictions.filter((c) => c.changesOutcome);
  return {
    detail: "summary",
    determination: e.determination,
    services: serviceGroups(e),
    governing: e.governingEvidence.map((c) => ({
      passageId: c.passageId,
      quote: c.quote,
      locator: c.locator,
      citation: cite(c.sourceId),
      ...(c.provenance.caution ? { caution: c.provenance.caution } : {}),
      services: governedBy(c.passageId),
    })),
    criteria: criteria(e),
    missingInformation: e.missingInformation,
    conflicting: conflicts(e),
    conflictingTotal: e.conflictingEvidence.length,
    pitfalls: e.pitfalls.map((p) => ({ id: p.id, line: headOf(firstSentence(p.text)) })),
    alternatives: e.alternatives.map((a) => ({ id: a.id, line: firstSentence(a.text) })),
    ...(e.codeFindings.length
      ? {
          codeFindings: e.codeFindings.map((f) => ({
            code: f.code,
            ...(f.value ? { value: f.value } : {}),
            message: f.message,
          })),
        }
      : {}),
    ...(changing.length
      ? {
          contradictions: changing.map((c) => ({
            fact: c.fact,
            stated: c.stated,
            fromCodes: c.fromCodes,
            codes: c.codes,
          })),
        }
      : {}),
    ...(e.contradictions.length > changing.length
      ? { otherContradictions: e.contradictions.length - changing.length }
      : {}),
    policy: { id: e.policy.id, version: e.policy.version },
    corpusVersion: e.corpusVersion.slice(0, CORPUS_PREFIX),
    reviewRequired: true,
    disclaimer: e.disclaimer,
    more: FULL_VIEW_ADDS,
  };
}
