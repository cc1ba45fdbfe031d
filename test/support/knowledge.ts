import { join } from "node:path";
import type { CaseInput } from "../../src/engine/case-schema.js";
import type { Evaluation } from "../../src/engine/evaluation-schema.js";
import type { SiJointClinical } from "../../src/families/si-joint/input.js";
import type { FamilyModule } from "../../src/families/family-module.js";
import { SHIPPED_FAMILIES } from "../../src/families/shipped.js";
import type { Knowledge } from "../../src/knowledge/knowledge.js";
import { loadKnowledge } from "../../src/knowledge/knowledge.js";
import type { ServerContext } from "../../src/mcp/context.js";
import { serverContext } from "../../src/mcp/context.js";
import type { AuditSink, Review } from "../../src/review/review-case.js";
import { reviewCase } from "../../src/review/review-case.js";

export const CORPUS_DIR = join(import.meta.dirname, "..", "..", "corpus");

/** Knowledge loaded from a corpus folder; throws naming every problem. */
export function knowledgeFrom(dir: string, families: readonly FamilyModule[] = SHIPPED_FAMILIES): Knowledge {
  const { knowledge, problems } = loadKnowledge(dir, families);
  if (!knowledge) throw new Error(`the corpus at ${dir} failed to load:\n  - ${problems.join("\n  - ")}`);
  return knowledge;
}

let shipped: Knowledge | undefined;

/** The shipped corpus, loaded once per test file. */
export function shippedKnowledge(): Knowledge {
  shipped ??= knowledgeFrom(CORPUS_DIR);
  return shipped;
}

/** A server context over the shipped corpus (a fresh one, so an audit sink can be attached). */
export function shippedContext(audit?: AuditSink): ServerContext {
  return serverContext(shippedKnowledge(), { audit });
}

let context: ServerContext | undefined;

/** The case schema of the shipped families and profiles. */
export function caseSchema(): ServerContext["caseSchema"] {
  context ??= shippedContext();
  return context.caseSchema;
}

/** A case as the review tools would parse it (defaults applied, unknown fields refused). */
export function parseCase(input: unknown): CaseInput {
  return caseSchema().parse(input);
}

/** Review a case through the one review path, against the shipped knowledge. */
export function review(input: unknown, knowledge: Knowledge = shippedKnowledge()): Review {
  return reviewCase({ knowledge }, parseCase(input), "test");
}

/** A case of the shipped SI joint family, typed with its clinical schema. */
export type SiCase = {
  request: CaseInput["request"];
  clinical: SiJointClinical;
};

/** An SI joint case as the review tools would parse it. */
export function parseSiCase(input: unknown): SiCase {
  return parseCase(input);
}

/** The evaluation of a case through the one review path (codes checked, no audit). */
export function evaluateCase(input: unknown): Evaluation {
  return review(input).evaluation;
}
