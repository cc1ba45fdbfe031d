import type { CodeFinding } from "../codes/code-findings.js";
import type { Evaluation } from "../engine/evaluation-schema.js";
import type { EvaluationFull } from "./evaluation-full-schema.js";
import { fullEvaluation } from "./evaluation-full.js";
import { DETERMINATION_LABEL, factText, factsText } from "./evaluation-view-text.js";

const ids = (list: readonly string[]): string => (list.length > 0 ? list.join(", ") : "none");

function findingText(f: CodeFinding): string {
  const extra = [
    `${f.system}, ${f.release}`,
    ...(f.billableChildren?.length
      ? [
          `billable codes (${f.billableChildrenTotal ?? f.billableChildren.length}): ${f.billableChildren.map((c) => `${c.code} ${c.description}`).join("; ")}`,
        ]
      : []),
    ...(f.replaces?.length ? [`replaces ${f.replaces.join(", ")}`] : []),
    ...(f.replacedBy?.length ? [`replaced by ${f.replacedBy.join(", ")}`] : []),
    ...(f.effectiveDate ? [`effective ${f.effectiveDate}`] : []),
    ...(f.inOtherReleases?.length ? [`in ${f.inOtherReleases.join(", ")}`] : []),
  ];
  return `- ${f.code} ${f.path} ${f.value || "(none)"}: ${f.message} (${extra.join("; ")})`;
}

/**
 * The full view as text, carrying the same facts as its structured form (a client shows the model
 * one of the two): citations by passage id, and every passage's words once, in quotation marks,
 * in the passage table at the end.
 */
export function fullText(v: EvaluationFull): string {
  const out: string[] = [];
  out.push(`Recommended determination: ${DETERMINATION_LABEL[v.determination]} (${v.determination}).`);
  out.push(`${v.disclaimer} Review required: yes.`);
  const p = v.policy;
  out.push(
    `Policy ${p.id} version ${p.version} (${p.title}; effective ${p.effectiveDate}; ${p.inForce ? "in force" : "NOT in force"} on the date of service; sha256 ${p.sha256}); corpus version ${v.corpusVersion}.`,
  );
  out.push(
    `Audit: input sha256 ${v.audit.inputSha256}; engine ${v.audit.engineVersion}; as of ${v.audit.asOf ?? "no date of service given"}.`,
  );
  if (v.diagnoses.length > 0) {
    out.push(
      `Diagnoses: ${v.diagnoses.map((d) => `${d.code} (${d.classes.length > 0 ? d.classes.join(", ") : "no policy class"})`).join("; ")}.`,
    );
  }
  if (v.codeSets) {
    const r = (x: { label: string; inForceFrom: string; inForceTo: string; fit: string }) =>
      `${x.label} (${x.inForceFrom} to ${x.inForceTo}; ${x.fit})`;
    out.push(
      `Code sets for date of service ${v.codeSets.dateOfService ?? "none given"}: ${r(v.codeSets.icd10cm)}; ${r(v.codeSets.hcpcs)}.`,
    );
  }
  if (v.codeFindings.length > 0) {
    out.push("Code findings:");
    for (const f of v.codeFindings) out.push(findingText(f));
  }

  out.push("", "Services:");
  for (const s of v.services) {
    out.push(
      `- ${s.code} (${s.role}${s.label ? `: ${s.label}` : ""}): ${s.determination}${s.pathway ? ` [pathway ${s.pathway.id}: ${s.pathway.title}]` : ""}`,
    );
    for (const reason of s.reasons) out.push(`    ${reason}`);
    if (s.factsNotNeeded?.length) out.push(`    Facts not needed: ${s.factsNotNeeded.join(", ")}`);
    out.push(
      `    Evidence: governing ${ids(s.evidence.governing)}; supporting ${ids(s.evidence.supporting)}; conflicting ${ids(s.evidence.conflicting)}`,
    );
    out.push(`    Citations: ${ids(s.citations)}`);
  }

  out.push("", "Criteria (status, service, id, role, groups it is written for):");
  for (const c of v.criteria) {
    out.push(`- [${c.status}] ${c.service} ${c.id} (${c.role}; ${c.appliesTo.join(", ")}): ${c.statement}`);
    const facts = factsText(c.facts);
    if (facts) out.push(`    Facts: ${facts}`);
    if (c.groundingNote) out.push(`    Grounding: ${c.groundingNote}`);
    out.push(`    Trace: ${c.address}; citations: ${ids(c.citations)}`);
  }

  const noteFor = (passageId: string, role: "governing" | "supporting"): string => {
    const notes = v.evidenceNotes.filter((n) => n.passageId === passageId && n.role === role);
    return notes.length > 0 ? `: ${notes.map((n) => `(${n.services.join(", ")}) ${n.note}`).join("; ")}` : "";
  };
  out.push("", "Governing evidence:");
  if (v.governingEvidence.length === 0) out.push("- none (no service was decided on governing evidence)");
  for (const id of v.governingEvidence) out.push(`- ${id}${noteFor(id, "governing")}`);
  out.push("", "Supporting evidence:");
  if (v.supportingEvidence.length === 0) out.push("- none");
  for (const id of v.supportingEvidence) out.push(`- ${id}${noteFor(id, "supporting")}`);
  out.push("", "Conflicting evidence (shown with its method; does not govern):");
  if (v.conflictingEvidence.length === 0) out.push("- none");
  for (const c of v.conflictingEvidence) {
    out.push(
      `- ${c.passageId}: ${c.direction}. Method: ${c.method}. Why it does not govern: ${c.whyNotGoverning}.`,
    );
  }

  out.push("", "Pitfalls:");
  if (v.pitfalls.length === 0) out.push("- none");
  for (const x of v.pitfalls)
    out.push(
      `- ${x.id}: ${x.text}${x.citations.length > 0 ? ` (citations: ${x.citations.join(", ")})` : ""}`,
    );
  out.push("", "Alternatives:");
  if (v.alternatives.length === 0) out.push("- none");
  for (const x of v.alternatives)
    out.push(
      `- ${x.id}: ${x.text}${x.citations.length > 0 ? ` (citations: ${x.citations.join(", ")})` : ""}`,
    );
  out.push("", "Missing information (documents to request):");
  if (v.missingInformation.length === 0) out.push("- none");
  for (const m of v.missingInformation) out.push(`- ${m}`);
  if (v.contradictions.length > 0) {
    out.push("", "Contradictions between the codes and the stated facts:");
    for (const c of v.contradictions) {
      out.push(
        `- ${c.fact}: stated ${factText(c.stated)}, from codes ${factText(c.fromCodes)} (${c.codes.join(", ")}); ${c.changesOutcome ? "changes an outcome" : "changes no outcome"}.`,
      );
    }
  }

  out.push("", "Trace (address op = value; facts observed):");
  for (const n of v.trace) {
    const observed = n.observed ? factsText(n.observed) : "";
    out.push(`- ${n.address} ${n.op} = ${n.value}${observed ? `; ${observed}` : ""}`);
  }

  out.push("", "Passages (each quote verbatim from the local corpus; citeGuideline takes any id):");
  for (const x of v.passages) {
    const pr = x.provenance;
    out.push(`- ${x.passageId} (${x.sourceId}; ${x.locator}): "${x.quote}"`);
    out.push(
      `    Whose words: ${pr.attribution}. Seen at ${pr.seenAt} (${pr.seenAtKind}).${pr.caution ? ` Caution: ${pr.caution}.` : ""}`,
    );
  }
  out.push("", "Sources:");
  for (const s of v.sources) out.push(`- ${s.sourceId}: ${s.citation}`);
  return out.join("\n");
}

/** The readable form of an evaluation: the text of its full view. */
export function evaluationText(e: Evaluation): string {
  return fullText(fullEvaluation(e));
}
