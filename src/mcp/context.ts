import { caseSchema } from "../engine/case-schema.js";
import type { Knowledge } from "../knowledge/knowledge.js";
import type { AuditSink } from "../review/review-case.js";

/**
 * What every tool, resource and prompt receives, built once per process (HTTP mode builds a server
 * per request from the same context): the verified knowledge, the audit log, and the case schema
 * the review tools share, built from the loaded families and profiles.
 */
export interface ServerContext {
  knowledge: Knowledge;
  audit?: AuditSink | undefined;
  caseSchema: ReturnType<typeof caseSchema>;
}

export function serverContext(
  knowledge: Knowledge,
  options: { audit?: AuditSink | undefined } = {},
): ServerContext {
  const families = knowledge.families;
  return {
    knowledge,
    audit: options.audit,
    caseSchema: caseSchema(families.list, families.profileIds(), families.defaultProfile()),
  };
}
