import type { Citation } from "../corpus/citation.js";
import type { Evaluation, FactValue } from "../engine/evaluation-schema.js";

/** Numbers each distinct passage in order of first mention; the reference list prints every quote once. */
class References {
  private readonly order: Citation[] = [];
  private readonly index = new Map<string, number>();

  ref(citation: Citation): string {
    const key = `${citation.passageId}\u0000${citation.quote}`;
    let n = this.index.get(key);
    if (n === undefined) {
      this.order.push(citation);
      n = this.order.length;
      this.index.set(key, n);
    }
    return `[${n}]`;
  }

  refs(citations: readonly Citation[]): string {
    return citations.map((c) => this.ref(c)).join("");
  }

  lines(): string[] {
    return this.order.flatMap((c, i) => {
      const p = c.provenance;
      return [
        `[${i + 1}] "${c.quote}"`,
        `    Passage ${c.passageId}; ${c.locator}. Whose words: ${p.attribution}. Seen at ${p.seenAt} (${p.seenAtKind}).`,
        ...(p.caution ? [`    Caution: ${p.caution}.`] : []),
        `    ${c.citation}`,
      ];
    });
  }
}

function factText(value: FactValue): string {
  if (value === null) return "undocumented";
  if (Array.isArray(value)) {
    return `[${value.map((v) => (Array.isArray(v) ? `${v[0]}-${v[1]}` : String(v))).join(", ")}]`;
  }
  return String(value);
}

const LABEL: Record<Evaluation["determination"], string> = {
  "not-medically-necessary": "NOT MEDICALLY NECESSARY",
  "medically-necessary": "MEDICALLY NECESSARY",
  "insufficient-information": "INSUFFICIENT INFORMATION",
  "not-applicable": "NOT APPLICABLE",
};

/** The readable form of an evaluation: the same facts as the structured content, every quote in quotation marks. */
export function evaluationText(e: Evaluation): string {
  const refs = new References();
  const out: string[] = [];
  out.push(`Recommended determination: ${LABEL[e.determination]} (${e.determination}).`);
  out.push(`${e.disclaimer} Review required: yes.`);
  out.push(
    `Policy ${e.policy.id} version ${e.policy.version} (${e.policy.title}; sha256 ${e.policy.sha256}); corpus version ${e.corpusVersion}.`,
  );
  out.push(
    `Audit: input sha256 ${e.audit.inputSha256}; engine ${e.audit.engineVersion}; as of ${e.audit.asOf ?? "no date of service given"}.`,
  );
  if (e.diagnoses.length > 0) {
    out.push(
      `Diagnoses: ${e.diagnoses.map((d) => `${d.code} (${d.classes.length > 0 ? d.classes.join(", ") : "no policy class"})`).join("; ")}.`,
    );
  }

  if (e.codeSets) {
    const fit = (r: { label: string; fit: string }) =>
      r.fit === "in-force" ? r.label : `${r.label} (${r.fit})`;
    out.push(`Code sets: ${fit(e.codeSets.icd10cm)}; ${fit(e.codeSets.hcpcs)}.`);
  }
  if (e.codeFindings.length > 0) {
    out.push("Code findings:");
    for (const f of e.codeFindings) out.push(`- ${f.code} ${f.path} ${f.value || "(none)"}: ${f.message}`);
  }

  out.push("", "Services:");
  for (const s of e.services) {
    out.push(
      `- ${s.code} (${s.role}${s.label ? `: ${s.label}` : ""}): ${s.determination}${s.pathway ? ` [pathway ${s.pathway.id}]` : ""}`,
    );
    for (const reason of s.reasons) out.push(`    ${reason}`);
    if (s.citations.length > 0) out.push(`    Citations: ${refs.refs(s.citations)}`);
  }

  out.push("", "Criteria (status, service, id, role):");
  for (const c of e.criteria) {
    out.push(`- [${c.status}] ${c.service} ${c.id} (${c.role}): ${c.statement}`);
    const facts = Object.entries(c.facts).map(([k, v]) => `${k} = ${factText(v)}`);
    if (facts.length > 0) out.push(`    Facts: ${facts.join("; ")}`);
    if (c.groundingNote) out.push(`    Grounding: ${c.groundingNote}`);
    out.push(`    Trace: ${c.address}; citations ${refs.refs(c.citations)}`);
  }

  const noteFor = (passageId: string, role: "governing" | "supporting"): string => {
    const notes = e.evidenceNotes.filter((n) => n.passageId === passageId && n.role === role);
    // Different notes for different services say which service each is about.
    const shown =
      notes.length > 1 ? notes.map((n) => `(${n.services.join(", ")}) ${n.note}`) : notes.map((n) => n.note);
    return shown.length > 0 ? `: ${shown.join("; ")}` : "";
  };
  out.push("", "Governing evidence:");
  if (e.governingEvidence.length === 0) out.push("- none (no service was decided on governing evidence)");
  for (const c of e.governingEvidence)
    out.push(`- ${refs.ref(c)} ${c.passageId}${noteFor(c.passageId, "governing")}`);
  out.push("", "Supporting evidence:");
  if (e.supportingEvidence.length === 0) out.push("- none");
  for (const c of e.supportingEvidence)
    out.push(`- ${refs.ref(c)} ${c.passageId}${noteFor(c.passageId, "supporting")}`);
  out.push("", "Conflicting evidence (shown with its method; does not govern):");
  if (e.conflictingEvidence.length === 0) out.push("- none");
  for (const c of e.conflictingEvidence) {
    out.push(
      `- ${refs.ref(c.citation)} ${c.citation.passageId}: ${c.direction}. Method: ${c.method}. Why it does not govern: ${c.whyNotGoverning}.`,
    );
  }

  out.push("", "Pitfalls:");
  if (e.pitfalls.length === 0) out.push("- none");
  for (const p of e.pitfalls)
    out.push(`- ${p.id}: ${p.text}${p.citations.length > 0 ? ` ${refs.refs(p.citations)}` : ""}`);
  out.push("", "Alternatives:");
  if (e.alternatives.length === 0) out.push("- none");
  for (const a of e.alternatives)
    out.push(`- ${a.id}: ${a.text}${a.citations.length > 0 ? ` ${refs.refs(a.citations)}` : ""}`);
  out.push("", "Missing information (documents to request):");
  if (e.missingInformation.length === 0) out.push("- none");
  for (const m of e.missingInformation) out.push(`- ${m}`);

  out.push("", "References (each quote verbatim from the local corpus):", ...refs.lines());
  return out.join("\n");
}
