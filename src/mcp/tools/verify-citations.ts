import { lazy } from "../../util/lazy.js";
import { VerificationSchema, VerifyInputSchema } from "../../verify/schema.js";
import type { Registration } from "../registry.js";
import { READ_ONLY_LOCAL } from "../tool-annotations.js";
import { toolResult } from "../tool-result.js";
import { toolInput, toolOutput } from "../tool-schemas.js";

// The checker is loaded on the first call: tools/list needs only the schemas.
const checker = lazy(async () => {
  const [{ verifyText }, { renderVerification }] = await Promise.all([
    import("../../verify/verify-text.js"),
    import("../../verify/render-text.js"),
  ]);
  return { verifyText, renderVerification };
});

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
  register(server) {
    server.registerTool(
      "verifyCitations",
      {
        title: "Verify quotations and attributions",
        description: DESCRIPTION,
        inputSchema: toolInput(VerifyInputSchema),
        outputSchema: toolOutput(VerificationSchema),
        annotations: READ_ONLY_LOCAL,
      },
      async ({ text }) => {
        const { verifyText, renderVerification } = await checker();
        const verification = verifyText(text);
        return toolResult(verification, renderVerification(verification));
      },
    );
  },
};
