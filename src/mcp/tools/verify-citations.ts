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
  "Check a text (a drafted letter, an AI answer) against the evidence corpus, by rules (no model):",
  "each quotation is verbatim (with its passage id), near-match (with a diff) or not found;",
  "each sentence citing a source is checked against its passages (direction, strength, certainty, population, figures, year).",
  "The summary lists only what fails, with its fix. At most 100 quotations and 100 citing sentences per call; notChecked counts the rest. Offline, read-only.",
].join(" ");

const InputSchema = VerifyInputSchema.extend({ detail: DetailSchema });

export const verifyCitationsTool: Registration = {
  kind: "tool",
  name: "verifyCitations",
  register(server, { knowledge, jsonSchemas }) {
    server.registerTool(
      "verifyCitations",
      {
        title: "Verify quotations and attributions",
        description: DESCRIPTION,
        inputSchema: toolInput(InputSchema, jsonSchemas?.verifyCitations?.input),
        outputSchema: toolOutput(VerifyAnswerSchema, jsonSchemas?.verifyCitations?.output),
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
