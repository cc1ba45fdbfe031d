import { readCaseFacts } from "../engine/case-facts.js";
import type { CaseInput } from "../engine/case-schema.js";
import { evaluate } from "../engine/evaluate.js";
import type { Evaluation } from "../engine/evaluation-schema.js";
import type { Family, LoadedProfile } from "../families/load-family.js";
import type { Knowledge } from "../knowledge/knowledge.js";
import { SERVER_VERSION } from "../version.js";
import type { CodeDating } from "../codes/release-dating.js";
import { caseProblems } from "./case-checks.js";
import { checkCodes } from "./code-checks.js";
import type { CodeFinding, CodeSets } from "../codes/code-findings.js";
import { ReviewError } from "./review-error.js";

/** Where a review's audit line goes (the audit log; absent when the server keeps none). */
export interface AuditSink {
  append(evaluation: Evaluation, meta: { tool: string }): void;
}

export interface ReviewDeps {
  knowledge: Knowledge;
  audit?: AuditSink | undefined;
}

/** A reviewed case: the evaluation, the family and profile version it was reviewed under, and what the code checks found. */
export interface Review {
  input: CaseInput;
  evaluation: Evaluation;
  family: Family;
  profile: LoadedProfile;
  /** Codes of the right kind that cannot be taken at face value, and how the date of service fits the releases (input order). */
  codeFindings: CodeFinding[];
  /** The code-set releases the codes were checked against, chosen by the date of service. */
  codeReleases: CodeDating;
}

/** The releases a review used, as the evaluation names them. */
function codeSets(dating: CodeDating): CodeSets {
  const used = (r: CodeDating["icd10cm"]) => ({
    label: r.label,
    inForceFrom: r.inForceFrom,
    inForceTo: r.inForceTo,
    fit: r.fit,
  });
  return { dateOfService: dating.dateOfService, icd10cm: used(dating.icd10cm), hcpcs: used(dating.hcpcs) };
}

/** The family a request belongs to: that of its first service a family lists (else the first family, which finds nothing in scope). */
function familyOf(knowledge: Knowledge, input: CaseInput): Family {
  for (const service of input.request.services) {
    const family = knowledge.families.familyOf(service.code);
    if (family) return family;
  }
  const first = knowledge.families.list[0];
  if (!first) throw new Error("no procedure family is loaded");
  return first;
}

/**
 * The one review path of every tool that decides a case: check the codes against the releases of
 * the date of service, evaluate under the profile that applies, and record the audit line. Throws
 * ReviewError for a case it cannot take (input that is not a code of the right kind); the other
 * code findings are returned with the review.
 */
export function reviewCase(deps: ReviewDeps, input: CaseInput, tool: string): Review {
  const { knowledge } = deps;
  const codes = checkCodes(knowledge.codes.forDate(input.request.dateOfService), input);
  const family = familyOf(knowledge, input);
  const facts = readCaseFacts(input, family);
  const problems = [...codes.problems, ...caseProblems(family, input, facts.facts)];
  if (problems.length > 0) throw new ReviewError(problems);
  const profileId = input.request.policy ?? family.data.defaultProfile;
  const versions = knowledge.families.profileVersion(family, profileId, input.request.dateOfService);
  if (!versions) {
    throw new ReviewError([
      {
        code: "policy-not-for-family",
        path: "request.policy",
        received: `${JSON.stringify(profileId)} (it has no version for the family "${family.data.title}")`,
        expected: `one of ${[...family.profiles.keys()].map((id) => JSON.stringify(id)).join(", ")}`,
      },
    ]);
  }
  const profile = versions.inForce ?? versions.newest;
  const evaluation = evaluate(input, {
    corpus: knowledge.corpus,
    family,
    profile,
    inForce: versions.inForce !== undefined,
    engineVersion: SERVER_VERSION,
    codeFindings: codes.findings,
    codeSets: codeSets(codes.releases),
    facts,
  });
  deps.audit?.append(evaluation, { tool });
  return { input, evaluation, family, profile, codeFindings: codes.findings, codeReleases: codes.releases };
}
