import { shortLabel } from "../corpus/format-citation.js";
import type { Citation } from "../corpus/citation.js";
import { bullets, joinSentences, or, section, type Compose } from "./compose.js";
import type { Section } from "./letter-schema.js";

export interface EvidencePart {
  policy: Section;
  rationale: Section;
  /** Every quotation the letter makes, in order. */
  citations: Citation[];
  /** What checklist element 4 lacks (plan provision, the policy text itself, Medicare rules for MA). */
  policyGaps: string[];
}

function label(c: Compose, sourceId: string): string {
  const source = c.corpus.sources.get(sourceId);
  return source ? `${source.shortTitle ?? source.title} (${shortLabel(source)})` : sourceId;
}

/** Passages with their own quotation marks are named, not quoted, so every quotation stays unambiguous. */
function quotable(citation: Citation): boolean {
  return !/["“”‘]/.test(citation.quote);
}

function quoteLine(c: Compose, citation: Citation): string {
  const caution = citation.provenance.caution ? ` Caution: ${citation.provenance.caution}.` : "";
  return (
    `${label(c, citation.sourceId)}, ${citation.locator}: “${citation.quote}” ` +
    `(passage ${citation.passageId}; ${citation.provenance.attribution}).${caution}`
  );
}

export function evidenceSections(c: Compose): EvidencePart {
  const { ev, ctx } = c;
  const provision = ctx.plan?.policyProvision;
  const governingSources = [...new Set(ev.governingEvidence.map((g) => g.sourceId))];
  const governingNames = governingSources.map((id) => {
    const source = c.corpus.sources.get(id);
    return source
      ? `${label(c, id)}, published ${source.published}. ${source.method ? `Method: ${source.method}.` : ""}`.trim()
      : id;
  });
  const policyGaps: string[] = [];
  if (!provision) policyGaps.push("no plan provision (plan.policyProvision) in context");
  const secondary = [
    ...new Set(
      ev.governingEvidence.filter((g) => g.provenance.seenAtKind === "secondary").map((g) => g.sourceId),
    ),
  ];
  const secondaryNote = secondary.length
    ? `Caution for the reviewer: the governing text of ${secondary.map((id) => label(c, id)).join(" and ")} is known to this product only through a third party's summary, quoted below as that third party's words. A letter must cite the policy text itself (its ID, title and effective date), not a summary: obtain it before sending.`
    : "";
  if (secondary.length)
    policyGaps.push(
      `the governing policy text of ${secondary.join(", ")} is known only through a third-party summary`,
    );
  const rules = c.regime.coverageRules;
  const maNote =
    rules && ev.policy.id !== rules.profile
      ? `Caution for the reviewer: ${rules.note}; this evaluation used the ${ev.policy.id} policy. Re-evaluate with the ${rules.profile} policy before deciding.`
      : "";
  if (rules && maNote)
    policyGaps.push(
      `a ${c.regime.label} letter rests on the ${ev.policy.id} policy, not on ${rules.name} (${rules.profile})`,
    );
  const policy = section("policy", "The policy and evidence we used", [
    `Policy: ${ev.policy.title} (policy id ${ev.policy.id}, version ${ev.policy.version}; SHA-256 of the policy file ${ev.policy.sha256}). Evidence corpus version ${ev.corpusVersion}.`,
    `Plan provision: ${or(provision, "plan provision: the Evidence of Coverage or plan document section this decision rests on")}.`,
    governingNames.length ? `The evidence that governs this decision:\n${bullets(governingNames)}` : "",
    "Where this letter relies on a third party's summary of a policy or guideline, it says so: such a summary is not the policy or guideline text itself.",
    secondaryNote,
    maNote,
  ]);

  const citations = ev.governingEvidence.filter(quotable);
  const reasons = ev.services.map((s) => `${s.code}: ${joinSentences(s.reasons)}`);
  const supporting = (ev.evidenceNotes ?? [])
    .filter((n) => n.role === "supporting")
    .map(
      (n) =>
        `${label(c, c.corpus.passages.get(n.passageId)?.sourceId ?? "")}: ${n.note} (passage ${n.passageId})`,
    );
  const conflicting = ev.conflictingEvidence.map(
    (k) =>
      `${label(c, k.citation.sourceId)}: ${k.direction}. Why it does not govern: ${k.whyNotGoverning} (passage ${k.citation.passageId})`,
  );
  const rationale = section("rationale", "Clinical rationale (for the treating practitioner)", [
    bullets(reasons),
    citations.length
      ? `The governing evidence, quoted word for word from the stored text:\n${bullets(citations.map((q) => quoteLine(c, q)))}`
      : "",
    supporting.length
      ? `Supporting evidence (described, not quoted):\n${bullets([...new Set(supporting)])}`
      : "",
    conflicting.length
      ? `Evidence that points the other way, and why it ranks lower:\n${bullets(conflicting)}`
      : "",
  ]);
  return { policy, rationale, citations, policyGaps };
}
