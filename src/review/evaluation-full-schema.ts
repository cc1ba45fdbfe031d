import { z } from "zod";
import { ProvenanceSchema } from "../corpus/citation.js";
import {
  AlternativeSchema,
  ConflictingEvidenceSchema,
  CriterionResultSchema,
  EvaluationSchema,
  PitfallSchema,
  ServiceResultSchema,
} from "../engine/evaluation-schema.js";

/*
 * The full view of an evaluation (detail "full"): every field of the evaluation, with each cited
 * passage written once in `passages` and each source once in `sources`; everywhere else a
 * citation is a passage id.
 */

const PassageIds = z.array(z.string()).describe("passage ids (see passages)");

export const FullPassageSchema = z.object({
  passageId: z.string(),
  sourceId: z.string().describe("see sources"),
  quote: z.string().describe("verbatim: the stored passage text"),
  locator: z.string(),
  provenance: ProvenanceSchema,
});
export type FullPassage = z.infer<typeof FullPassageSchema>;

export const FullSourceSchema = z.object({
  sourceId: z.string(),
  citation: z.string().describe("formatted bibliographic citation (AMA / Vancouver style)"),
});
export type FullSource = z.infer<typeof FullSourceSchema>;

const { citation: _conflictCitation, ...conflictShape } = ConflictingEvidenceSchema.shape;

export const EvaluationFullSchema = EvaluationSchema.extend({
  detail: z.literal("full"),
  services: z
    .array(ServiceResultSchema.extend({ citations: PassageIds }))
    .describe(EvaluationSchema.shape.services.description ?? ""),
  criteria: z
    .array(CriterionResultSchema.extend({ citations: PassageIds }))
    .describe(EvaluationSchema.shape.criteria.description ?? ""),
  governingEvidence: PassageIds.describe(EvaluationSchema.shape.governingEvidence.description ?? ""),
  supportingEvidence: PassageIds.describe(EvaluationSchema.shape.supportingEvidence.description ?? ""),
  conflictingEvidence: z
    .array(z.object({ passageId: z.string(), ...conflictShape }))
    .describe(EvaluationSchema.shape.conflictingEvidence.description ?? ""),
  pitfalls: z
    .array(PitfallSchema.extend({ citations: PassageIds }))
    .describe(EvaluationSchema.shape.pitfalls.description ?? ""),
  alternatives: z
    .array(AlternativeSchema.extend({ citations: PassageIds }))
    .describe(EvaluationSchema.shape.alternatives.description ?? ""),
  passages: z
    .array(FullPassageSchema)
    .describe(
      "every passage cited above, once, in order of first citation (governing, supporting, conflicting, then the rest)",
    ),
  sources: z
    .array(FullSourceSchema)
    .describe("every source of those passages, once, in order of first citation"),
});
export type EvaluationFull = z.infer<typeof EvaluationFullSchema>;
