import type { CodeFinding, CodeSets } from "../codes/code-findings.js";
import type { Citation } from "../corpus/citation.js";
import type { Corpus } from "../corpus/load-evidence.js";
import { citationFor } from "../corpus/store.js";
import type { DiagnosisClasses } from "../families/family-schema.js";
import type { Family, LoadedProfile } from "../families/load-family.js";
import type { Pathway, Profile } from "../families/profile-schema.js";
import { fillTemplate, policyParams } from "../families/templates.js";
import { inputSha256 } from "./canonical-json.js";
import type { CaseFacts } from "./case-facts.js";
import { readCaseFacts, readsAnyService } from "./case-facts.js";
import type { CaseFactsReader } from "./case-facts.js";
import type { CaseInput } from "./case-schema.js";
import type { Determination } from "./determination.js";
import type { Settled } from "./settle.js";
import { settleService } from "./settle.js";
import type { Evaluation, Pitfall } from "./evaluation-schema.js";
import { byEvidenceRank } from "./evidence-order.js";
import { serviceScope } from "./service-scope.js";

export const DISCLAIMER =
  "Recommendation for a licensed clinician; not a final determination. The software recommends; a licensed clinician decides.";

/** Overall determination: the first of these that any service has (pend before deny before approve). */
export const OVERALL_PRECEDENCE: readonly Determination[] = [
  "insufficient-information",
  "not-medically-necessary",
  "medically-necessary",
  "not-applicable",
];

/** Trace keys of the requested services: the code, or "code[n]" when a code is requested more than once. */
function serviceKeys(codes: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return codes.map((code) => {
    if (codes.filter((c) => c === code).length === 1) return code;
    const n = (seen.get(code) ?? 0) + 1;
    seen.set(code, n);
    return `${code}[${n}]`;
  });
}

function uniqueSorted(ids: Iterable<string>, order: (a: string, b: string) => number): string[] {
  return [...new Set(ids)].sort(order);
}

function contradictionPitfalls(
  facts: CaseFacts,
  data: DiagnosisClasses,
  cite: (id: string) => Citation,
): Pitfall[] {
  return facts.contradictions.map((c) => {
    const classIds = new Set(
      facts.diagnoses.filter((d) => c.codes.includes(d.code)).flatMap((d) => d.classes),
    );
    const grounds = [
      ...new Set(data.classes.filter((k) => classIds.has(k.id)).flatMap((k) => k.grounds)),
    ].sort();
    return {
      id: `P-codes-vs-facts-${c.fact}`,
      text: `The diagnosis codes ${c.codes.join(", ")} indicate ${c.fact} = ${String(c.fromCodes)}, but the case states ${c.fact} = ${String(c.stated)}. The stated fact was used (explicit case facts take precedence over codes); reconcile the record before deciding.`,
      citations: grounds.map(cite),
    };
  });
}

/** What an evaluation reads besides the case: the evidence, the family and the profile version that applies. */
export interface EvaluationContext {
  corpus: Corpus;
  family: Family;
  profile: LoadedProfile;
  /**
   * False when no version of the profile was in force on the date of service: `profile` is then the
   * newest version, evaluated for information only, and no service is decided under it.
   */
  inForce?: boolean;
  /** Written into the audit block of the answer. */
  engineVersion: string;
  /** What the code checks found (a header diagnosis, a service code not valid on the date of service...). */
  codeFindings?: readonly CodeFinding[];
  /** The code-set releases the codes were checked against (named in every answer of a review). */
  codeSets?: CodeSets;
  /** The case's facts, when the caller has read them already (readCaseFacts of the same input and family). */
  facts?: CaseFactsReader;
}

/** The pathways a decided service rests on: the one chosen, or each one the undocumented facts could lead to. */
function decidedPathways(o: Settled): Pathway[] {
  if (o.chosen && o.determination !== "insufficient-information") return [o.chosen.pathway];
  return o.notNeeded?.pathways.map((p) => p.pathway) ?? [];
}

/** A service reviewed when no version of the policy was in force: not decided, with the current version's answer for information. */
function notInForce(
  o: Settled,
  policy: Profile,
  dateOfService: string | undefined,
  fill: (t: string) => string,
): Settled {
  if (!o.scope.group) return o;
  const path = decidedPathways(o)[0];
  return {
    ...o,
    determination: "not-applicable",
    reasons: [
      `No version of the policy ${policy.title} was in force on the date of service ${dateOfService ?? ""}: its first version took effect on ${policy.effectiveDate}, so it cannot decide this service.`,
      `For information only: under version ${policy.version} (in force from ${policy.effectiveDate}) the recommendation would be ${o.determination}${path ? ` (${fill(path.title)})` : ""}.`,
    ],
    chosen: undefined,
    candidates: [],
    requests: [],
    notNeeded: undefined,
  };
}

/**
 * Units the family finds implausible for a code (a dose far above its use, one side billed twice) make
 * an approval pend with the family's question; a service that is not approved anyway is not held up.
 */
function unitsCheck(o: Settled, service: CaseInput["request"]["services"][number]): Settled {
  const spec = o.scope.entry?.units;
  if (!spec || service.units === undefined || o.determination !== "medically-necessary") return o;
  const max = service.laterality === "bilateral" ? (spec.maxBilateral ?? spec.max) : spec.max;
  if (service.units <= max) return o;
  const question = spec.question.replaceAll("{units}", String(service.units));
  return {
    ...o,
    determination: "insufficient-information",
    reasons: [...o.reasons, `The units requested are not plausible: ${question}`],
    requests: [question],
    candidates: o.chosen ? [o.chosen] : o.candidates,
    chosen: undefined,
    notNeeded: undefined,
    unitsGrounds: spec.grounds,
  };
}

/** Findings that make a code invalid on a claim for the date of service: header diagnoses, deleted or not-yet-valid codes. */
const HOLDING_FINDINGS = new Set(["icd-header-code", "code-deleted", "code-added-after-service"]);

/** The question that settles a finding: the valid code to bill in place of the one requested. */
function holdRequest(f: CodeFinding): string {
  if (f.code === "icd-header-code") {
    const children = (f.billableChildren ?? []).slice(0, 3).map((c) => c.code);
    return `a billable ICD-10-CM code in place of the header ${f.value}${children.length > 0 ? ` (one of its billable children, e.g. ${children.join(", ")})` : ""}`;
  }
  const replacement = f.replacedBy && f.replacedBy.length > 0 ? ` (e.g. ${f.replacedBy.join(", ")})` : "";
  return `the ${f.system} code valid on the date of service in place of ${f.value}${replacement}`;
}

/**
 * A code that is not valid on a claim for the date of service (a header diagnosis code holds every
 * service; a deleted or not-yet-valid service code holds its own service) makes an approval pend
 * until the valid code is known; a service that is not approved anyway is not held up.
 */
function codeHold(o: Settled, index: number, findings: readonly CodeFinding[]): Settled {
  if (o.determination !== "medically-necessary") return o;
  const holds = findings.filter(
    (f) =>
      HOLDING_FINDINGS.has(f.code) &&
      (f.path.startsWith("request.diagnoses.") || f.path === `request.services.${index}.code`),
  );
  if (holds.length === 0) return o;
  return {
    ...o,
    determination: "insufficient-information",
    reasons: [...o.reasons, ...holds.map((f) => `The code cannot be approved as billed: ${f.message}`)],
    requests: holds.map(holdRequest),
    candidates: o.chosen ? [o.chosen] : o.candidates,
    chosen: undefined,
    notNeeded: undefined,
  };
}

/** Evaluate a case under one profile version: deterministic, no clock, no randomness; notes are never read. */
export function evaluate(input: CaseInput, context: EvaluationContext): Evaluation {
  const { corpus, family } = context;
  const loaded = context.profile;
  const policy: Profile = loaded.profile;
  const params = policyParams(policy);
  const fill = (text: string): string => fillTemplate(text, params);
  const rank = byEvidenceRank(policy);
  const corpusVersion = corpus.version;
  const cite = (passageId: string): Citation => citationFor(corpus, passageId);

  const reader = context.facts ?? readCaseFacts(input, family);
  const facts = reader.facts;
  const perService = readsAnyService(family);
  const codes = input.request.services.map((s) => s.code);
  const keys = serviceKeys(codes);
  const inForce = context.inForce ?? true;
  const outcomes: Settled[] = input.request.services.map((service, i) => {
    const settled = settleService({
      policy,
      scope: serviceScope(service.code, family, codes),
      key: keys[i] ?? service.code,
      facts: perService ? reader.forService(service) : facts,
      family,
    });
    const checked = codeHold(unitsCheck(settled, service), i, context.codeFindings ?? []);
    return inForce ? checked : notInForce(checked, policy, input.request.dateOfService, fill);
  });

  const decided = outcomes.flatMap(decidedPathways);
  const inPlay = [...decided, ...outcomes.flatMap((o) => o.candidates.map((c) => c.pathway))];
  const governing = uniqueSorted(
    decided.flatMap((p) => p.governing.map((g) => g.passageId)),
    rank,
  );
  const supporting = uniqueSorted(
    decided.flatMap((p) => p.supporting.map((s) => s.passageId)),
    rank,
  ).filter((id) => !governing.includes(id));
  const conflicting = uniqueSorted(
    decided.flatMap((p) => p.conflicting),
    rank,
  ).filter((id) => !governing.includes(id));

  const notes = new Map<
    string,
    { passageId: string; role: "governing" | "supporting"; note: string; services: string[] }
  >();
  for (const o of outcomes) {
    for (const p of decidedPathways(o)) {
      for (const [role, uses] of [
        ["governing", p.governing],
        ["supporting", p.supporting],
      ] as const) {
        for (const use of uses) {
          if (!use.note) continue;
          const note = fill(use.note);
          const key = `${use.passageId}\u0000${role}\u0000${note}`;
          const entry = notes.get(key) ?? { passageId: use.passageId, role, note, services: [] };
          if (!entry.services.includes(o.scope.code))
            entry.services = [...entry.services, o.scope.code].sort();
          notes.set(key, entry);
        }
      }
    }
  }

  const pitfallIds = new Set(inPlay.flatMap((p) => p.pitfalls));
  const alternativeIds = new Set(inPlay.flatMap((p) => p.alternatives));
  const pitfalls: Pitfall[] = [
    ...policy.pitfalls
      .filter((p) => pitfallIds.has(p.id))
      .map((p) => ({ id: p.id, text: fill(p.text), citations: p.grounds.map(cite) })),
    ...contradictionPitfalls(facts, family.classes, cite),
  ].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const determination =
    OVERALL_PRECEDENCE.find((d) => outcomes.some((o) => o.determination === d)) ?? "insufficient-information";

  return {
    determination,
    services: outcomes.map((o) => {
      const paths = decidedPathways(o);
      const single = o.chosen && paths.length <= 1 ? o.chosen.pathway : undefined;
      return {
        code: o.scope.code,
        role: o.scope.role,
        ...(o.scope.label ? { label: o.scope.label } : {}),
        determination: o.determination,
        ...(single ? { pathway: { id: single.id, title: fill(single.title) } } : {}),
        reasons: o.reasons,
        citations: uniqueSorted(
          [
            ...(paths.length > 0
              ? paths.flatMap((p) =>
                  p.governing.length > 0 ? p.governing.map((g) => g.passageId) : p.grounds,
                )
              : o.candidates.flatMap((c) => c.pathway.grounds)),
            ...(o.scope.note?.grounds ?? []),
            ...(o.unitsGrounds ?? []),
          ],
          rank,
        ).map(cite),
        evidence: {
          governing: uniqueSorted(
            paths.flatMap((p) => p.governing.map((g) => g.passageId)),
            rank,
          ),
          supporting: uniqueSorted(
            paths.flatMap((p) => p.supporting.map((s) => s.passageId)),
            rank,
          ),
          conflicting: uniqueSorted(
            paths.flatMap((p) => p.conflicting),
            rank,
          ),
        },
        ...(o.notNeeded ? { factsNotNeeded: o.notNeeded.facts } : {}),
      };
    }),
    criteria: outcomes.flatMap((o) =>
      o.criteria.map((c) => ({
        id: c.criterion.id,
        statement: fill(c.criterion.statement),
        role: c.criterion.role,
        status: c.status,
        service: o.scope.code,
        appliesTo: c.criterion.appliesTo,
        address: c.address,
        facts: c.facts,
        citations: c.criterion.grounds.map(cite),
        ...(c.criterion.groundingNote ? { groundingNote: fill(c.criterion.groundingNote) } : {}),
      })),
    ),
    governingEvidence: governing.map(cite),
    supportingEvidence: supporting.map(cite),
    conflictingEvidence: conflicting.map((id) => {
      const entry = policy.conflicting.find((c) => c.passageId === id);
      if (!entry) throw new Error(`policy ${policy.id}: no conflicting-evidence entry for "${id}"`);
      return {
        citation: cite(id),
        direction: entry.direction,
        method: entry.method,
        whyNotGoverning: fill(entry.whyNotGoverning),
      };
    }),
    evidenceNotes: [...notes.values()].sort((a, b) => {
      const byRank = rank(a.passageId, b.passageId);
      if (byRank !== 0) return byRank;
      return a.role === b.role
        ? a.note < b.note
          ? -1
          : a.note > b.note
            ? 1
            : 0
        : a.role === "governing"
          ? -1
          : 1;
    }),
    pitfalls,
    alternatives: policy.alternatives
      .filter((a) => alternativeIds.has(a.id))
      .map((a) => ({ id: a.id, text: fill(a.text), citations: a.grounds.map(cite) }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    missingInformation: [...new Set(outcomes.flatMap((o) => o.requests))].sort(),
    diagnoses: facts.diagnoses,
    contradictions: facts.contradictions.map((c) => ({
      fact: c.fact,
      stated: c.stated,
      fromCodes: c.fromCodes,
      codes: c.codes,
      changesOutcome: outcomes.some((o) => o.contradicted?.some((x) => x.fact === c.fact)),
    })),
    codeFindings: [...(context.codeFindings ?? [])],
    ...(context.codeSets ? { codeSets: context.codeSets } : {}),
    policy: {
      id: policy.id,
      version: policy.version,
      sha256: loaded.sha256,
      title: policy.title,
      effectiveDate: policy.effectiveDate,
      inForce,
    },
    corpusVersion,
    audit: {
      inputSha256: inputSha256(input),
      engineVersion: context.engineVersion,
      ...(input.request.dateOfService ? { asOf: input.request.dateOfService } : {}),
    },
    reviewRequired: true,
    disclaimer: DISCLAIMER,
    trace: outcomes.flatMap((o) => o.trace),
  };
}
