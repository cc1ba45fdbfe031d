import { caseSchema } from "../engine/case-schema.js";
import { draftLetterInputSchema } from "../letters/letter-schema.js";
import type { Knowledge } from "../knowledge/knowledge.js";
import type { AuditSink } from "../review/review-case.js";
import type { ToolJsonSchemas } from "./built-tool-schemas.js";

/**
 * What every tool, resource and prompt receives, built once per process (HTTP mode builds a server
 * per request from the same context): the verified knowledge, the audit log, and the case schema
 * the review tools share, built from the loaded families and profiles.
 */
export interface ServerContext {
  knowledge: Knowledge;
  audit?: AuditSink | undefined;
  caseSchema: ReturnType<typeof caseSchema>;
  /** The letter tool's input (the case and the letter context), built from the same case schema. */
  letterInputSchema: ReturnType<typeof draftLetterInputSchema<ReturnType<typeof caseSchema>>>;
  /** The tools' JSON Schemas as the bundle wrote them for this corpus (built-tool-schemas.ts), if any. */
  jsonSchemas?: ToolJsonSchemas["tools"] | undefined;
}

export function serverContext(
  knowledge: Knowledge,
  options: { audit?: AuditSink | undefined; jsonSchemas?: ToolJsonSchemas | undefined } = {},
): ServerContext {
  const families = knowledge.families;
  const schema = caseSchema(families.list, families.profileIds(), families.defaultProfile());
  return {
    knowledge,
    audit: options.audit,
    caseSchema: schema,
    letterInputSchema: draftLetterInputSchema(schema),
    jsonSchemas:
      options.jsonSchemas?.corpusVersion === knowledge.version ? options.jsonSchemas.tools : undefined,
  };
}
