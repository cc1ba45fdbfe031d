import { LookupCodesInputSchema } from "../../codes/lookup-input-schema.js";
import { LookupAnswerSchema } from "../../codes/lookup-output-schema.js";
import { domain } from "../domain.js";
import { FULL_VIEW_META } from "../full-view-meta.js";
import type { Registration } from "../registry.js";
import { READ_ONLY_LOCAL } from "../tool-annotations.js";
import { toolInput, toolOutput } from "../tool-schemas.js";
import { toolResult } from "../tool-result.js";

const DESCRIPTION = [
  "Look up ICD-10-CM (FY2026), HCPCS Level II (2020 file) and this server's CPT codes, or search their descriptions by words:",
  "billability, official title, chapter, block, parent, Excludes notes, billable children.",
  "Unknown codes: found false, with suggestions; HCPCS codes missing from the 2020 file are not invalid;",
  "other CPT codes are not described (AMA copyright). Answers name their release. Offline, read-only.",
].join(" ");

export const lookupCodesTool: Registration = {
  kind: "tool",
  name: "lookupCodes",
  register(server, { knowledge, jsonSchemas }) {
    server.registerTool(
      "lookupCodes",
      {
        title: "Look up ICD-10-CM, HCPCS and CPT codes",
        description: DESCRIPTION,
        inputSchema: toolInput(LookupCodesInputSchema, jsonSchemas?.lookupCodes?.input),
        outputSchema: toolOutput(LookupAnswerSchema, jsonSchemas?.lookupCodes?.output),
        annotations: READ_ONLY_LOCAL,
      },
      async (input) => {
        const { lookupCodes, lookupText, lookupSummary, lookupSummaryText, withDiagnosisClassifications } =
          await domain("codes");
        const output = withDiagnosisClassifications(
          lookupCodes(knowledge.codes, input),
          knowledge.families.list,
        );
        if (input.detail === "full")
          return { ...toolResult({ detail: "full", ...output }, lookupText(output)), _meta: FULL_VIEW_META };
        const summary = lookupSummary(output);
        return toolResult(summary, lookupSummaryText(summary));
      },
    );
  },
};
