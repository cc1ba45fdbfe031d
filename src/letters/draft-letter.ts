import type { Citation } from "../corpus/citation.js";
import type { Knowledge } from "../knowledge/knowledge.js";
import type { Review } from "../review/review-case.js";
import { verifyText } from "../verify/verify-text.js";
import { checklist } from "./checklist.js";
import { closingSections } from "./closing-sections.js";
import type { Compose } from "./compose.js";
import type { LetterContext } from "./context-schema.js";
import { decisionSection, governingQuote, reasonSection } from "./decision-sections.js";
import { policySection } from "./evidence-sections.js";
import { headerSection } from "./header-section.js";
import type { Detail, Letter, LetterDocument, Section } from "./letter-schema.js";
import { LETTER_TITLES, letterTypeOf } from "./letter-type.js";
import { rationaleSections } from "./rationale.js";
import { rightsSections } from "./rights-sections.js";
import { searchChanges } from "./what-could-change.js";

export const BANNER =
  "DRAFT: a licensed clinician must review, edit and sign this letter before it is sent. It is not a final decision.";

export type LetterErrorCode =
  /** The context names a regime the letter data does not have. */
  | "unknown-regime"
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

/** The markdown and where each section's heading starts in it. */
function render(head: string, title: string, sections: readonly Section[], foot: string) {
  let markdown = `${head}# ${title}\n\n`;
  const refs = sections.map((s) => {
    const offset = markdown.length;
    markdown += `## ${s.title}\n\n${s.text}\n\n`;
    return { id: s.id, title: s.title, offset };
  });
  return { markdown: `${markdown}${foot}`, refs };
}

/** Every quotation must be a byte-exact substring of the stored passage it is meant to quote. */
function verified(markdown: string, c: Compose, intended: readonly Citation[], what: string) {
  const verification = verifyText(markdown, c.knowledge);
  const bad = verification.quotes.filter(
    (q, i) =>
      q.status !== "verbatim" ||
      q.matches.some((m) => m.adjustments.length > 0) ||
      !q.matches.some((m) => m.passageId === intended[i]?.passageId),
  );
  if (bad.length > 0 || verification.quotes.length !== intended.length) {
    const list = bad.map((q) => `line ${q.line}: ${q.status} (${q.quote.slice(0, 80)})`).join("; ");
    throw new LetterError(
      "quotation-not-verbatim",
      `the ${what} would contain quotations that are not verbatim in the corpus, so no letter is returned: ${list || `${verification.quotes.length} quotations found, ${intended.length} intended`}. ` +
        "This is a defect of the letter data: report it.",
    );
  }
  return {
    quotations: verification.summary.quotations,
    verbatim: verification.summary.verbatim,
    allQuotesVerified: verification.summary.allQuotesVerified,
  };
}

function document(
  c: Compose,
  rendered: { markdown: string; refs: LetterDocument["sections"] },
  quotes: readonly Citation[],
  what: string,
): LetterDocument {
  return {
    markdown: rendered.markdown,
    sections: rendered.refs,
    quotes: quotes.map((q) => ({ passageId: q.passageId, locator: q.locator })),
    verification: verified(rendered.markdown, c, quotes, what),
  };
}

/** Draft a determination letter from a reviewed case: the member letter, and with detail full the reviewer rationale. */
export function draftLetter(
  knowledge: Knowledge,
  review: Review,
  ctx: LetterContext,
  detail: Detail = "summary",
): Letter {
  const { corpus, letters } = knowledge;
  const ev = review.evaluation;
  const regime = letters.regimes.get(ctx.regime);
  if (!regime)
    throw new LetterError(
      "unknown-regime",
      `context.regime: no letter data for ${JSON.stringify(ctx.regime)}`,
    );
  const type = letterTypeOf(ev.determination);
  const c: Compose = {
    knowledge,
    review,
    ev,
    ctx,
    input: review.input,
    family: review.family,
    regime,
    letters,
    codes: knowledge.codes.forDate(review.input.request.dateOfService).data,
    corpus,
    type,
    changes:
      type === "denial" ? searchChanges(knowledge, review) : { changes: [], evaluations: 0, tried: [] },
    blanks: [],
  };
  const quote = governingQuote(c);
  const sections: Section[] = [
    headerSection(c),
    decisionSection(c),
    reasonSection(c, quote),
    policySection(c),
    ...rightsSections(c),
    ...closingSections(c),
  ];
  const banner = `**${BANNER}**\n\n`;
  const letter = document(
    c,
    render(banner, `${LETTER_TITLES[type]} (DRAFT)`, sections, `**${BANNER}**\n`),
    quote ? [quote] : [],
    "member letter",
  );
  const result: Letter = {
    letterType: type,
    status: "draft-requires-clinician-review",
    banner: BANNER,
    determination: ev.determination,
    regime: ctx.regime,
    policy: { id: ev.policy.id, version: ev.policy.version },
    ...letter,
    checklist: checklist(c, new Set(sections.map((s) => s.id))),
  };
  if (detail === "full") {
    const part = rationaleSections(c);
    result.rationale = document(
      c,
      render(
        banner,
        "Reviewer rationale (DRAFT, for the reviewing clinician and audit; not for the member)",
        part.sections,
        "",
      ),
      part.quotes,
      "reviewer rationale",
    );
  }
  return result;
}
