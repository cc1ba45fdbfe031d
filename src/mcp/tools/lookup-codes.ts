import type { CallToolResult } from "@modelcontextprotocol/server";
import { z } from "zod";
import { LookupCodesOutputSchema } from "../../codes/lookup-result-schema.js";
import { lazy } from "../../util/lazy.js";
import type { Registration } from "../registry.js";
import { READ_ONLY_LOCAL } from "../tool-annotations.js";
import { describeReceived, toolResult } from "../tool-result.js";
import { toolInput, toolOutput } from "../tool-schemas.js";

// The code tables and search are loaded on the first call: tools/list needs only the schemas.
const codes = lazy(async () => {
  const [{ codeData }, { lookupCodes }, { lookupText }, { withDiagnosisClassifications }] = await Promise.all(
    [
      import("../../codes/load-code-data.js"),
      import("../../codes/lookup-codes.js"),
      import("../../codes/lookup-text.js"),
      import("../../policy/lookup-classification.js"),
    ],
  );
  return { codeData, lookupCodes, lookupText, withDiagnosisClassifications };
});

// Explicit ranges (not \p{Cc}) so the JSON Schema pattern reads the same without the u flag.
// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const NO_CONTROL = /^[^\u0000-\u001f\u007f-\u009f]*$/;
const noControl = (iss: { input?: unknown }): string =>
  `expected text without control characters (tabs, line breaks, NUL…), received ${describeReceived(iss.input)}`;

export const LookupCodesInputSchema = z
  .strictObject({
    codes: z
      .array(z.string().min(1).max(20).regex(NO_CONTROL, { error: noControl }))
      .min(1)
      .max(100)
      .optional()
      .describe(
        "Codes to look up (1-100): ICD-10-CM (with or without the dot, any case), HCPCS Level II, CPT or HCPCS modifiers.",
      ),
    query: z
      .string()
      .min(1)
      .max(200)
      .regex(NO_CONTROL, { error: noControl })
      .optional()
      .describe('Words to search for in code descriptions, e.g. "sacroiliitis" or "dexamethasone".'),
    limit: z.int().min(1).max(50).default(10).describe("Most search matches to return (1-50, default 10)."),
  })
  .refine((input) => input.codes !== undefined || input.query !== undefined, {
    error: (iss) =>
      `expected at least one of the fields "codes" (a list of codes) or "query" (search words), received ${describeReceived(iss.input) === "an object" ? "neither" : describeReceived(iss.input)}`,
  });

const DESCRIPTION = [
  "Look up diagnosis and procedure codes, or search code descriptions, in the code sets shipped with this server",
  "(ICD-10-CM FY2026 in full, HCPCS Level II from the CMS 2020 file, and this project's plain-language summaries of the CPT codes it evaluates).",
  "Use it to check that a code on a request exists and is billable, to read its official title, ICD-10-CM chapter, block, parent and",
  "Excludes notes, to list the billable codes under a header, or to find codes for a condition or drug by words.",
  "Codes may be given with or without the dot, in any case. Unknown codes come back found: false with suggestions;",
  "HCPCS codes missing from the 2020 file are reported as such, not as invalid; CPT codes outside the project's list are 'not described' (AMA copyright).",
  "Every answer names the release it comes from. Read-only and offline.",
].join(" ");

/** The tool's answer to a validated input (also served precomputed by the bench's answer floor). */
export async function lookupCodesAnswer(
  input: z.output<typeof LookupCodesInputSchema>,
): Promise<CallToolResult> {
  const { codeData, lookupCodes, lookupText, withDiagnosisClassifications } = await codes();
  const output = withDiagnosisClassifications(lookupCodes(codeData(), input));
  return toolResult(output, lookupText(output));
}

export const lookupCodesTool: Registration = {
  kind: "tool",
  name: "lookupCodes",
  register(server) {
    server.registerTool(
      "lookupCodes",
      {
        title: "Look up ICD-10-CM, HCPCS and CPT codes",
        description: DESCRIPTION,
        inputSchema: toolInput(LookupCodesInputSchema),
        outputSchema: toolOutput(LookupCodesOutputSchema),
        annotations: READ_ONLY_LOCAL,
      },
      lookupCodesAnswer,
    );
  },
};
