import type { McpServer } from "@modelcontextprotocol/server";
import type { ServerContext } from "./context.js";
import { citeGuidelineTool } from "./tools/cite-guideline.js";
import { evaluateSIJointRfaTool } from "./tools/evaluate-si-joint-rfa.js";
import { lookupCodesTool } from "./tools/lookup-codes.js";
import { verifyCitationsTool } from "./tools/verify-citations.js";
import { draftDeterminationLetterTool } from "./tools/draft-determination-letter.js";
import { corpusResources } from "./resources/corpus-resources.js";
import { caseFieldsResource } from "./resources/case-fields.js";
import { reviewRequestPrompt } from "./prompts/review-request.js";
import { draftDenialLetterPrompt } from "./prompts/draft-denial-letter.js";

/** One tool, resource or prompt: its name and how it registers itself. */
export interface Registration {
  kind: "tool" | "resource" | "prompt";
  name: string;
  register(server: McpServer, context: ServerContext): void;
}

/** Everything the server serves, in the order tools/list shows it. */
export const registrations: Registration[] = [
  lookupCodesTool,
  evaluateSIJointRfaTool,
  citeGuidelineTool,
  verifyCitationsTool,
  draftDeterminationLetterTool,
  corpusResources,
  caseFieldsResource,
  reviewRequestPrompt,
  draftDenialLetterPrompt,
];
