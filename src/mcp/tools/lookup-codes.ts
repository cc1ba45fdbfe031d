import { LookupCodesInputSchema } from "../../codes/lookup-input-schema.js";
import { LookupAnswerSchema } from "../../codes/lookup-output-schema.js";
import { domain } from "../domain.js";
import { FULL_VIEW_META } from "../full-view-meta.js";
import type { Registration } from "../registry.js";
import { READ_ONLY_LOCAL } from "../tool-annotations.js";
import { toolInput, toolOutput } from "../tool-schemas.js";
import { toolResult } from "../tool-result.js";

const DESCRIPTION = [
  "Look up diagnosis and procedure codes, or search code descriptions, in the code sets shipped with this server",
  "(ICD-10-CM FY2026 in full, HCPCS Level II from the CMS 2020 file, and this project's plain-language summaries of the CPT codes it evaluates).",
  "Use it to check that a code on a request exists and is billable, to read its official title, ICD-10-CM chapter, block, parent and",
  "Excludes notes, to list the billable codes under a header, or to find codes for a condition or drug by words.",
  "Codes may be given with or without the dot, in any case. Unknown codes come back found: false with suggestions;",
  "HCPCS codes missing from the 2020 file are reported as such, not as invalid; CPT codes outside the project's list are 'not described' (AMA copyright).",
  "Every answer names the release it comes from. Read-only and offline.",
  'detail: "summary" (default) gives the releases once and each code in one line (status, title, findings); "full" adds chapters, blocks, notes, children and sources.',
].join(" ");

export const lookupCodesTool: Registration = {
  kind: "tool",
  name: "lookupCodes",
  register(server, { knowledge }) {
    server.registerTool(
      "lookupCodes",
      {
        title: "Look up ICD-10-CM, HCPCS and CPT codes",
        description: DESCRIPTION,
        inputSchema: toolInput(LookupCodesInputSchema),
        outputSchema: toolOutput(LookupAnswerSchema),
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
