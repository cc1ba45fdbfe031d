import { DetailSchema } from "../../util/detail-level.js";
import { VerifyInputSchema } from "../../verify/schema.js";
import { VerifyAnswerSchema } from "../../verify/summary-schema.js";
import { domain } from "../domain.js";
import { FULL_VIEW_META } from "../full-view-meta.js";
import type { Registration } from "../registry.js";
import { READ_ONLY_LOCAL } from "../tool-annotations.js";
import { toolResult } from "../tool-result.js";
import { toolInput, toolOutput } from "../tool-schemas.js";

const DESCRIPTION = [
  "Check a text (a drafted letter, an AI answer) against the local evidence corpus.",
  'Every quotation ("…", “…”, ‘…’, > block quotes) is reported as verbatim (with passage id, citation and provenance; copies and third-party summaries are flagged),',
  "near-match (with a word-level diff), not-found, or too-short-to-check.",
  "Sentences that name a source or carry a citation marker are sorted into evidence claims, case facts, advice and reasoning (only evidence claims are judged).",
  "Each evidence claim is checked by rules (no model) on direction, strength, certainty, intervention, population, figures and year against the passages of the source it names:",
  "supported (passage id and matching words), unsupported (the difference named, with a fix), or not in the corpus; unknown sources are flagged.",
  'detail: "summary" (default) gives the counts and only the quotations, claims and source facts that fail, each with its fix; "full" lists every quotation and sentence with its evidence.',
  "One call checks at most 100 quotations and 100 attributed sentences; notChecked counts the rest (split the text).",
].join(" ");

const InputSchema = VerifyInputSchema.extend({ detail: DetailSchema });

export const verifyCitationsTool: Registration = {
  kind: "tool",
  name: "verifyCitations",
  register(server, { knowledge }) {
    server.registerTool(
      "verifyCitations",
      {
        title: "Verify quotations and attributions",
        description: DESCRIPTION,
        inputSchema: toolInput(InputSchema),
        outputSchema: toolOutput(VerifyAnswerSchema),
        annotations: READ_ONLY_LOCAL,
      },
      async ({ text, detail }) => {
        const { verifyText, renderVerification, verificationSummary, renderVerificationSummary, fullView } =
          await domain("verify");
        const verification = verifyText(text, knowledge);
        if (detail === "full") {
          const view = fullView(verification);
          return {
            ...toolResult({ detail, ...view }, renderVerification(view)),
            _meta: FULL_VIEW_META,
          };
        }
        const summary = verificationSummary(verification, knowledge.corpus);
        return toolResult(summary, renderVerificationSummary(summary));
      },
    );
  },
};
