import { DraftLetterInputSchema, LetterSchema, type Letter } from "../../letters/letter-schema.js";
import { lazy } from "../../util/lazy.js";
import type { Registration } from "../registry.js";
import { READ_ONLY_LOCAL } from "../tool-annotations.js";
import { toolError, toolResult } from "../tool-result.js";
import { toolInput, toolOutput } from "../tool-schemas.js";

// Letter composition and the policy engine are loaded on the first call: tools/list needs only the schemas.
const drafting = lazy(async () => {
  const [{ LetterError, draftLetter }, { evaluate }] = await Promise.all([
    import("../../letters/draft-letter.js"),
    import("../../policy/evaluate.js"),
  ]);
  return { LetterError, draftLetter, evaluate };
});

const DESCRIPTION = [
  "Draft a determination letter (markdown and structured sections) from an evaluateSIJointRFA result (evaluation) or a case to evaluate (case), plus letter context (regime, member, provider, plan, reviewer, peer-to-peer, language help).",
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
  name: "draftDeterminationLetter",
  register(server) {
    server.registerTool(
      "draftDeterminationLetter",
      {
        title: "Draft a determination letter (for clinician review)",
        description: DESCRIPTION,
        inputSchema: toolInput(DraftLetterInputSchema),
        outputSchema: toolOutput(LetterSchema),
        annotations: READ_ONLY_LOCAL,
      },
      async (args) => {
        const { evaluation, context } = args;
        const input = args.case;
        if ((evaluation === undefined) === (input === undefined)) {
          return toolError(
            `evaluation / case: received ${evaluation && input ? "both" : "neither"}; expected exactly one: an evaluateSIJointRFA result as evaluation, or its input as case`,
          );
        }
        const { LetterError, draftLetter, evaluate } = await drafting();
        try {
          const letter = input
            ? draftLetter(evaluate(input), context, input)
            : draftLetter(evaluation!, context);
          return toolResult(letter, render(letter));
        } catch (error) {
          if (error instanceof LetterError) return toolError(error.message);
          throw error;
        }
      },
    );
  },
};
