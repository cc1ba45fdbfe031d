// Short transcript views of tool answers for the demo, read from structuredContent. Quotes are
// printed exactly as the server returned them (verbatim from the corpus).

interface Cited {
  passageId?: string;
  quote?: string;
  provenance?: { attribution?: string };
}

type Structured = Record<string, unknown> | undefined;

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

function quoted(c: Cited): string {
  return `${c.passageId ?? "?"}: "${c.quote ?? ""}"${c.provenance?.attribution ? ` (${c.provenance.attribution})` : ""}`;
}

/** The full evaluation (detail "full") as a reviewer skims it: decision per service, evidence roles, pitfalls, alternatives. */
export function evaluationSummary(s: Structured): string[] {
  if (!s) return ["(no structured content)"];
  // The full view cites by passage id; each passage's words are in its passage table.
  const passages = new Map(list<Cited>(s.passages).map((p) => [p.passageId, p]));
  const cited = (id: string): Cited => passages.get(id) ?? { passageId: id };
  const lines = [
    `Overall: ${String(s.determination)} (review required: ${s.reviewRequired === true ? "yes" : "no"})`,
  ];
  for (const service of list<{ code: string; determination: string; reasons?: string[] }>(s.services)) {
    lines.push(
      `${service.code}: ${service.determination}${service.reasons?.[0] ? ` (${service.reasons[0]})` : ""}`,
    );
  }
  lines.push("Governing evidence:");
  for (const id of list<string>(s.governingEvidence)) lines.push(`  ${quoted(cited(id))}`);
  const supporting = list<string>(s.supportingEvidence);
  lines.push(`Supporting evidence (${supporting.length}): ${supporting.join(", ")}`);
  lines.push("Conflicting evidence and why it does not govern:");
  for (const c of list<{ passageId?: string; method?: string; whyNotGoverning?: string }>(
    s.conflictingEvidence,
  )) {
    lines.push(`  ${c.passageId ?? "?"} [${c.method ?? "?"}]: ${c.whyNotGoverning ?? ""}`);
  }
  lines.push("Pitfalls:");
  for (const p of list<{ text?: string; citations?: string[] }>(s.pitfalls)) {
    lines.push(`  - ${p.text ?? ""} [${list<string>(p.citations).join(", ")}]`);
  }
  lines.push("Alternatives:");
  for (const a of list<{ text?: string; citations?: string[] }>(s.alternatives)) {
    lines.push(`  - ${a.text ?? ""} [${list<string>(a.citations).join(", ")}]`);
  }
  const missing = list<string>(s.missingInformation);
  lines.push(`Missing information: ${missing.length > 0 ? missing.join("; ") : "none"}`);
  const policy = s.policy as { id?: string; version?: unknown } | undefined;
  lines.push(
    `Policy ${policy?.id ?? "?"} version ${String(policy?.version)}; corpus ${String(s.corpusVersion)}`,
  );
  return lines;
}

/** The letter's status and its checklist of required elements. */
export function letterSummary(s: Structured): string[] {
  if (!s) return ["(no structured content)"];
  const checklist = list<{ id: number; element: string; status: string; note?: string }>(s.checklist);
  const present = checklist.filter((c) => c.status === "present").length;
  const lines = [
    `Letter type: ${String(s.letterType)}; status: ${String(s.status)}`,
    `Checklist: ${present} of ${checklist.length} required elements present`,
  ];
  for (const c of checklist.filter((item) => item.status !== "present")) {
    lines.push(`  ${c.status}: ${c.id}. ${c.element} (${c.note ?? ""})`);
  }
  return lines;
}

/** The closing lines: each service's recommended determination, then the overall one. */
export function closingSummary(s: Structured): string[] {
  if (!s) return ["(no structured content)"];
  const lines = list<{ code: string; determination: string }>(s.services).map(
    (x) => `${x.code}: ${x.determination}`,
  );
  const disclaimer = typeof s.disclaimer === "string" ? `; ${s.disclaimer}` : "";
  lines.push(`overall: ${String(s.determination)} (review required${disclaimer})`);
  return lines;
}
