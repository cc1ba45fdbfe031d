import { LetterSchema, type Letter, type LetterDocument } from "../../letters/letter-schema.js";
import { domain } from "../domain.js";
import type { Registration } from "../registry.js";
import { reviewErrorText } from "../review-error-text.js";
import { READ_ONLY_LOCAL } from "../tool-annotations.js";
import { toolInput, toolOutput } from "../tool-schemas.js";
import { toolError, toolResult } from "../tool-result.js";

const NAME = "draftDeterminationLetter";

const DESCRIPTION = [
  "Draft the member letter for a case (the evaluateSIJointRFA input, reviewed the same way) and a letter context:",
  "denial, approval or request for information, as the determination gives (missing information is never a denial).",
  "Returns the letter markdown, the 14-element checklist (what is missing) and its quotations, verified verbatim.",
  "Always a DRAFT for a licensed clinician to review and sign. Offline.",
].join(" ");

function quoteLine(what: string, d: LetterDocument): string {
  const v = d.verification;
  const ids = d.quotes.map((q) => `${q.passageId} (${q.locator})`).join("; ");
  return `${what} quotations: ${v.quotations}, verbatim ${v.verbatim}, all verified: ${v.allQuotesVerified ? "yes" : "no"}${ids ? `: ${ids}` : ""}.`;
}

function render(letter: Letter): string {
  const checklist = letter.checklist
    .map(
      (c) =>
        `${c.id} ${c.element}: ${c.status}${c.where ? ` @${c.where}` : ""}${c.note ? ` (${c.note})` : ""}`,
    )
    .join("\n");
  return [
    letter.markdown,
    "---",
    `${letter.letterType}; ${letter.status}; determination ${letter.determination}; regime ${letter.regime}; policy ${letter.policy.id} v${letter.policy.version}. Sections: ${letter.sections.map((s) => `${s.id}@${s.offset}`).join(", ")}.`,
    `Checklist:\n${checklist}`,
    quoteLine("Letter", letter),
    letter.rationale
      ? `---\n${letter.rationale.markdown}\n${quoteLine("Rationale", letter.rationale)}`
      : 'Reviewer rationale: call again with detail "full".',
  ].join("\n\n");
}

export const draftDeterminationLetterTool: Registration = {
  kind: "tool",
  name: NAME,
  register(server, context) {
    server.registerTool(
      NAME,
      {
        title: "Draft a determination letter (for clinician review)",
        description: DESCRIPTION,
        inputSchema: toolInput(context.letterInputSchema, context.jsonSchemas?.[NAME]?.input),
        outputSchema: toolOutput(LetterSchema, context.jsonSchemas?.[NAME]?.output),
        annotations: READ_ONLY_LOCAL,
      },
      async (args) => {
        const [{ reviewCase, ReviewError }, { draftLetter, LetterError }] = await Promise.all([
          domain("review"),
          domain("letters"),
        ]);
        try {
          const review = reviewCase(context, args.case, NAME);
          const letter = draftLetter(context.knowledge, review, args.context, args.detail);
          return toolResult(letter, render(letter));
        } catch (error) {
          if (error instanceof ReviewError) return toolError(reviewErrorText(NAME, error));
          if (error instanceof LetterError) return toolError(error.message);
          throw error;
        }
      },
    );
  },
};
