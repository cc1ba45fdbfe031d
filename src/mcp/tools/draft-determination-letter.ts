import { LetterSchema, type Letter } from "../../letters/letter-schema.js";
import { domain } from "../domain.js";
import type { Registration } from "../registry.js";
import { reviewErrorText } from "../review-error-text.js";
import { READ_ONLY_LOCAL } from "../tool-annotations.js";
import { toolInput, toolOutput } from "../tool-schemas.js";
import { toolError, toolResult } from "../tool-result.js";

const NAME = "draftDeterminationLetter";

const DESCRIPTION = [
  "Draft a determination letter (markdown and structured sections) for a case (the evaluateSIJointRFA input, reviewed here through the same path, with the same checks and audit line), plus letter context (regime, member, provider, plan, reviewer, peer-to-peer, language help).",
  "not-medically-necessary gives a denial; medically-necessary an approval; insufficient-information a request for information; never a denial for those.",
  "Returns a 14-element checklist (present / missing with the reason / not-applicable). Every quotation is verified verbatim against the corpus before the letter is returned.",
  "Always a DRAFT that a licensed clinician must review and sign: never final.",
].join(" ");

function render(letter: Letter): string {
  const checklist = letter.checklist
    .map((c) => `${c.id}. [${c.status}] ${c.element}: ${c.reason}`)
    .join("\n");
  const v = letter.verification;
  return [
    letter.markdown,
    "---",
    `Letter type: ${letter.letterType}; status: ${letter.status}; regime: ${letter.regime}; policy ${letter.policy.id} v${letter.policy.version}; corpus ${letter.corpusVersion}.`,
    `Checklist (section 4.7, 14 elements):\n${checklist}`,
    `Quotation check: ${v.quotations} quotation(s), ${v.verbatim} verbatim; all verified: ${v.allQuotesVerified ? "yes" : "no"}.`,
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
        inputSchema: toolInput(context.letterInputSchema),
        outputSchema: toolOutput(LetterSchema),
        annotations: READ_ONLY_LOCAL,
      },
      async (args) => {
        const [{ reviewCase, ReviewError }, { draftLetter, LetterError }] = await Promise.all([
          domain("review"),
          domain("letters"),
        ]);
        try {
          const review = reviewCase(context, args.case, NAME);
          const letter = draftLetter(context.knowledge, review, args.context);
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
