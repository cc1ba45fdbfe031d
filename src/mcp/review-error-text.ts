import type { ReviewError } from "../review/review-error.js";

/** The isError text for a case the review cannot take, in the wording of the SDK's own input-validation errors. */
export function reviewErrorText(tool: string, error: ReviewError): string {
  return `Input validation error: Invalid arguments for tool ${tool}: ${error.message}`;
}
