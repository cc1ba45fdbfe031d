import type { Citation } from "../corpus/citation.js";
import type { Evaluation } from "../engine/evaluation-schema.js";
import type { EvaluationFull, FullPassage, FullSource } from "./evaluation-full-schema.js";

/** The passages and sources of an evaluation, each once, in order of first citation. */
class Tables {
  readonly passages: FullPassage[] = [];
  readonly sources: FullSource[] = [];
  private readonly seenPassages = new Set<string>();
  private readonly seenSources = new Set<string>();

  /** Records a citation and returns its passage id. The engine always quotes a passage whole, so an id names one quote. */
  id(c: Citation): string {
    if (!this.seenPassages.has(c.passageId)) {
      this.seenPassages.add(c.passageId);
      this.passages.push({
        passageId: c.passageId,
        sourceId: c.sourceId,
        quote: c.quote,
        locator: c.locator,
        provenance: c.provenance,
      });
    }
    if (!this.seenSources.has(c.sourceId)) {
      this.seenSources.add(c.sourceId);
      this.sources.push({ sourceId: c.sourceId, citation: c.citation });
    }
    return c.passageId;
  }

  ids(citations: readonly Citation[]): string[] {
    return citations.map((c) => this.id(c));
  }
}

/**
 * The full view of an evaluation: every field, with each passage and source written once and
 * referenced by id. The evaluation itself is unchanged (the audit log and the letters read it).
 */
export function fullEvaluation(e: Evaluation): EvaluationFull {
  const t = new Tables();
  // Evidence first, so the passage table opens with the governing passages.
  const governingEvidence = t.ids(e.governingEvidence);
  const supportingEvidence = t.ids(e.supportingEvidence);
  const conflictingEvidence = e.conflictingEvidence.map(({ citation, ...rest }) => ({
    passageId: t.id(citation),
    ...rest,
  }));
  const services = e.services.map((s) => ({ ...s, citations: t.ids(s.citations) }));
  const criteria = e.criteria.map((c) => ({ ...c, citations: t.ids(c.citations) }));
  const pitfalls = e.pitfalls.map((p) => ({ ...p, citations: t.ids(p.citations) }));
  const alternatives = e.alternatives.map((a) => ({ ...a, citations: t.ids(a.citations) }));
  return {
    detail: "full",
    determination: e.determination,
    services,
    criteria,
    governingEvidence,
    supportingEvidence,
    conflictingEvidence,
    evidenceNotes: e.evidenceNotes,
    pitfalls,
    alternatives,
    missingInformation: e.missingInformation,
    diagnoses: e.diagnoses,
    contradictions: e.contradictions,
    codeFindings: e.codeFindings,
    ...(e.codeSets ? { codeSets: e.codeSets } : {}),
    policy: e.policy,
    corpusVersion: e.corpusVersion,
    audit: e.audit,
    reviewRequired: e.reviewRequired,
    disclaimer: e.disclaimer,
    trace: e.trace,
    passages: t.passages,
    sources: t.sources,
  };
}
