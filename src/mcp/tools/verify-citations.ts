import { VerificationSchema, VerifyInputSchema } from "../../verify/schema.js";
import { domain } from "../domain.js";
import type { Registration } from "../registry.js";
import { READ_ONLY_LOCAL } from "../tool-annotations.js";
import { toolResult } from "../tool-result.js";

const DESCRIPTION = [
  "Check a text (a drafted letter, an AI answer) against the local evidence corpus.",
  'Every quotation ("…", “…”, ‘…’, > block quotes) is reported as verbatim (with passage id, citation and provenance; copies and third-party summaries are flagged),',
  "near-match (with a word-level diff), not-found, or too-short-to-check.",
  "Sentences that attribute claims to a source get a transparent lexical support score (a heuristic) with the best passages;",
  "stated years, editions, recommendation strength and direction are checked against corpus metadata, and unknown sources are flagged.",
].join(" ");

export const verifyCitationsTool: Registration = {
  kind: "tool",
  name: "verifyCitations",
  register(server, { knowledge }) {
    server.registerTool(
      "verifyCitations",
      {
        title: "Verify quotations and attributions",
        description: DESCRIPTION,
        inputSchema: VerifyInputSchema,
        outputSchema: VerificationSchema,
        annotations: READ_ONLY_LOCAL,
      },
      async ({ text }) => {
        const { verifyText, renderVerification } = await domain("verify");
        const verification = verifyText(text, knowledge.corpus);
        return toolResult(verification, renderVerification(verification));
      },
    );
  },
};
