import type { Citation } from "../corpus/citation.js";
import { shortLabel } from "../corpus/format-citation.js";
import type { FactValue } from "../engine/evaluation-schema.js";
import { bullets, section, type Compose } from "./compose.js";
import type { Section } from "./letter-schema.js";

/*
 * The reviewer rationale: what the reviewing clinician and an auditor read. It carries the criteria
 * with their facts, every evidence item with its method and a verbatim quote with its locator, the
 * re-evaluations behind "what could change", the regime facts with their sources, and the trace.
 */

function label(c: Compose, sourceId: string): string {
  const source = c.corpus.sources.get(sourceId);
  return source ? `${source.shortTitle ?? source.title} (${shortLabel(source)})` : sourceId;
}

function method(c: Compose, sourceId: string): string {
  const source = c.corpus.sources.get(sourceId);
  return source?.method ?? source?.type ?? "not recorded";
}

/** A quotation the checker can verify; a passage with its own quotation marks is named, not quoted. */
function quoted(c: Compose, q: Citation, quotes: Citation[]): string {
  const where = plain(
    `${label(c, q.sourceId)}, ${q.locator} (passage ${q.passageId}; method: ${method(c, q.sourceId)}; ${q.provenance.attribution})`,
  );
  const caution = q.provenance.caution ? ` Caution: ${plain(q.provenance.caution)}.` : "";
  if (/["“”‘]/.test(q.quote))
    return `${where}: not quoted here (the passage has its own quotation marks).${caution}`;
  quotes.push(q);
  return `${where}: “${q.quote}”${caution}`;
}

/** A fact value without quotation marks (the checker reads quotation marks as quotations). */
/** Free text of the review with its quotation marks made plain, so the checker reads only the quotations. */
function plain(text: string): string {
  return text.replace(/["“”‘]/g, "'");
}

function value(v: FactValue | undefined): string {
  if (v === null || v === undefined) return "unknown";
  if (Array.isArray(v))
    return `[${v.map((x) => (Array.isArray(x) ? `[${x.join(", ")}]` : String(x))).join(", ")}]`;
  return String(v);
}

export interface RationalePart {
  sections: Section[];
  quotes: Citation[];
}

export function rationaleSections(c: Compose): RationalePart {
  const { ev, regime } = c;
  const quotes: Citation[] = [];
  const sets = ev.codeSets;
  const releases = sets
    ? [sets.icd10cm, sets.hcpcs].map(
        (r) =>
          `${r.label}: in force ${r.inForceFrom} to ${r.inForceTo}; date of service ${sets.dateOfService ?? "not given"}: ${r.fit}${r.fit === "outside" ? " (FLAG: the date of service is outside this release's window)" : ""}`,
      )
    : [];
  const review = section("review", "Review", [
    bullets([
      `Policy ${ev.policy.id} version ${ev.policy.version}, ${ev.policy.title}, effective ${ev.policy.effectiveDate}, in force: ${ev.policy.inForce ? "yes" : "no"}; SHA-256 ${ev.policy.sha256}`,
      `Corpus ${ev.corpusVersion}; engine ${ev.audit.engineVersion}; input SHA-256 ${ev.audit.inputSha256}`,
      ...releases,
      ...ev.codeFindings.map((f) => `Code finding ${f.code} (${f.value}, ${f.release}): ${plain(f.message)}`),
      ...ev.contradictions.map(
        (x) =>
          `Contradiction: ${x.fact} stated ${value(x.stated)}, codes ${x.codes.join(", ")} imply ${value(x.fromCodes)}`,
      ),
    ]),
  ]);
  const determinations = section(
    "determinations",
    "Determinations",
    ev.services.map(
      (s) =>
        `${s.code}: ${s.determination}${s.pathway ? ` (${s.pathway.id}: ${plain(s.pathway.title)})` : ""}. ${plain(s.reasons.join(" "))}`,
    ),
  );
  const criteria = section("criteria", "Criteria", [
    bullets(
      ev.criteria.map(
        (k) =>
          `${k.service} ${k.id} [${k.status}, ${k.role}]: ${plain(k.statement)}${
            Object.keys(k.facts).length
              ? ` Facts: ${Object.entries(k.facts)
                  .map(([n, v]) => `${n}=${value(v)}`)
                  .join(", ")}.`
              : ""
          }`,
      ),
    ),
  ]);
  const notes = new Map<string, string[]>();
  for (const n of ev.evidenceNotes) notes.set(n.passageId, [...(notes.get(n.passageId) ?? []), n.note]);
  const note = (id: string) =>
    notes.has(id) ? ` Note: ${[...new Set(notes.get(id))].map(plain).join("; ")}.` : "";
  const evidence = section("evidence", "Evidence", [
    `Governing:\n${bullets(ev.governingEvidence.map((q) => `${quoted(c, q, quotes)}${note(q.passageId)}`))}`,
    ev.supportingEvidence.length
      ? `Supporting:\n${bullets(ev.supportingEvidence.map((q) => `${quoted(c, q, quotes)}${note(q.passageId)}`))}`
      : "",
    ev.conflictingEvidence.length
      ? `Conflicting:\n${bullets(
          ev.conflictingEvidence.map(
            (k) =>
              `${quoted(c, k.citation, quotes)} Direction: ${plain(k.direction)}. Why it does not govern: ${plain(k.whyNotGoverning)}`,
          ),
        )}`
      : "",
  ]);
  const search = c.changes;
  const change = section("what-could-change", "What could change (re-evaluated)", [
    `Candidates tried: ${search.tried.join(", ") || "none"}; re-evaluations: ${search.evaluations}.`,
    search.changes.length
      ? bullets(search.changes.map((f) => `${f.ids.join(" + ")}: approves ${f.approves.join(", ")}`))
      : c.type === "denial"
        ? "No candidate change approves a denied service: the letter lists what the member can do instead."
        : "",
    ev.missingInformation.length ? `Missing information:\n${bullets(ev.missingInformation.map(plain))}` : "",
  ]);
  const regimeFacts = [
    regime.appealDeadline,
    regime.expedited,
    regime.representative,
    regime.appealReview,
    ...regime.furtherReview,
    ...(regime.helpLine ? [regime.helpLine] : []),
    ...(regime.informationRequest.respondWithin ? [regime.informationRequest.respondWithin] : []),
    regime.informationRequest.withoutResponse,
  ];
  const rules = regime.coverageRules;
  const regimeSection = section("regime", `Regime: ${regime.label}`, [
    bullets(regimeFacts.map((f) => `${f.text} (${f.source})`)),
    rules && ev.policy.id !== rules.profile
      ? `Caution: ${rules.note}; this review used ${ev.policy.id}. Review again with ${rules.profile} before deciding.`
      : "",
    regime.standardNotice ? `${regime.standardNotice.form}: ${regime.standardNotice.instruction}` : "",
  ]);
  const others = section("pitfalls", "Pitfalls and alternatives", [
    bullets([
      ...ev.pitfalls.map((p) => `${p.id}: ${plain(p.text)}`),
      ...ev.alternatives.map((a) => `${a.id}: ${plain(a.text)}`),
    ]),
  ]);
  const trace = section("trace", "Trace", [
    bullets(
      ev.trace.map(
        (t) =>
          `${t.address} ${t.op} = ${t.value}${
            t.observed
              ? ` (${Object.entries(t.observed)
                  .map(([n, v]) => `${n}=${value(v)}`)
                  .join(", ")})`
              : ""
          }`,
      ),
    ),
  ]);
  return {
    sections: [review, determinations, criteria, evidence, change, regimeSection, others, trace],
    quotes,
  };
}
