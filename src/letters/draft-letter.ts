import type { Citation } from "../corpus/citation.js";
import type { Knowledge } from "../knowledge/knowledge.js";
import type { Review } from "../review/review-case.js";
import { verifyText } from "../verify/verify-text.js";
import { checklist } from "./checklist.js";
import { closingSections } from "./closing-sections.js";
import type { Compose } from "./compose.js";
import type { LetterContext } from "./context-schema.js";
import { decisionSection, reasonSection } from "./decision-sections.js";
import { evidenceSections } from "./evidence-sections.js";
import { headerSection } from "./header-section.js";
import type { Letter, Section } from "./letter-schema.js";
import { LETTER_TITLES, letterTypeOf } from "./letter-type.js";
import { rightsSections } from "./rights-sections.js";

export const BANNER =
  "DRAFT: REQUIRES REVIEW AND SIGNATURE BY A LICENSED CLINICIAN. This is not a final determination; do not send it until a licensed clinician has reviewed, edited as needed and signed it.";

export type LetterErrorCode =
  /** The context names a regime the letter data does not have. */
  | "unknown-regime"
  /** A context field given for a regime it does not apply to. */
  | "field-not-for-regime"
  /** A quotation of the draft would not be verbatim in the corpus (a data defect: no letter is returned). */
  | "quotation-not-verbatim";

/** A letter that cannot be drafted as asked: the message names the field and the fix. */
export class LetterError extends Error {
  constructor(
    readonly code: LetterErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "LetterError";
  }
}

function renderMarkdown(title: string, sections: readonly Section[]): string {
  const body = sections.map((s) => `## ${s.title}\n\n${s.text}`).join("\n\n");
  return `**${BANNER}**\n\n# ${title} (DRAFT)\n\n${body}\n\n**${BANNER}**\n`;
}

/** Every quotation in the letter must be a byte-exact substring of a stored passage, with no adjustment at all. */
function assertQuotesVerbatim(markdown: string, c: Compose, intended: readonly Citation[]) {
  const verification = verifyText(markdown, c.knowledge);
  const bad = verification.quotes.filter(
    (q, i) =>
      q.status !== "verbatim" ||
      q.matches.some((m) => m.adjustments.length > 0) ||
      !q.matches.some((m) => m.passageId === intended[i]?.passageId),
  );
  if (bad.length > 0) {
    const list = bad.map((q) => `line ${q.line}: ${q.status} (${q.quote.slice(0, 80)})`).join("; ");
    throw new LetterError(
      "quotation-not-verbatim",
      `the draft letter would contain quotations that are not verbatim in the corpus, so no letter is returned: ${list}. ` +
        "This is a defect of the letter data: report it.",
    );
  }
  return verification;
}

/** Draft a determination letter from a reviewed case. Deterministic; never final. */
export function draftLetter(knowledge: Knowledge, review: Review, ctx: LetterContext): Letter {
  const { corpus, letters } = knowledge;
  const ev = review.evaluation;
  const regime = letters.regimes.get(ctx.regime);
  if (!regime)
    throw new LetterError(
      "unknown-regime",
      `context.regime: no letter data for ${JSON.stringify(ctx.regime)}`,
    );
  if (ctx.plan?.stateAppealDeadline && !regime.needsStateAppealDeadline) {
    throw new LetterError(
      "field-not-for-regime",
      `context.plan.stateAppealDeadline: applies only to regime "medicaid" (received regime ${JSON.stringify(ctx.regime)}, whose deadline is fixed: ${regime.deadline ?? ""}); remove it`,
    );
  }
  const c: Compose = {
    knowledge,
    ev,
    ctx,
    input: review.input,
    family: review.family,
    regime,
    letters,
    codes: knowledge.codes.forDate(review.input.request.dateOfService).data,
    corpus,
    type: letterTypeOf(ev.determination),
  };
  const header = headerSection(c);
  const evidence = evidenceSections(c);
  const rights = rightsSections(c);
  const sections: Section[] = [
    header.section,
    decisionSection(c),
    reasonSection(c),
    evidence.policy,
    evidence.rationale,
    ...rights.sections,
    ...closingSections(c),
  ];
  const markdown = renderMarkdown(LETTER_TITLES[c.type], sections);
  const verification = assertQuotesVerbatim(markdown, c, evidence.citations);
  return {
    letterType: c.type,
    status: "draft-requires-clinician-review",
    banner: BANNER,
    determination: ev.determination,
    markdown,
    sections,
    checklist: checklist(c, {
      headerMissing: header.missing,
      policyGaps: evidence.policyGaps,
      gaps: rights.gaps,
    }),
    citations: evidence.citations,
    verification: verification.summary,
    corpusVersion: corpus.version,
    policy: ev.policy,
    regime: ctx.regime,
  };
}
