import { z } from "zod";
import { CodeFindingSchema, CodeSetsSchema } from "../codes/code-findings.js";
import { CitationSchema } from "../corpus/citation.js";
import { DeterminationSchema } from "./determination.js";

/*
 * The output of a review (the evaluation tool's contract fixes the names). Absent facts are
 * unknown, never false. Free-text notes never reach the logic or the output.
 */

// ---------------------------------------------------------------- output

export { DeterminationSchema, type Determination } from "./determination.js";

export const CriterionStatusSchema = z.enum(["met", "not-met", "unknown", "not-applicable"]);
export type CriterionStatus = z.infer<typeof CriterionStatusSchema>;

/** An observed case fact; null when the case does not document it. Relief ranges stay [min, max] as given. */
export const FactValueSchema = z.union([
  z.number(),
  z.string(),
  z.boolean(),
  z.null(),
  z.array(z.union([z.number(), z.string(), z.tuple([z.number(), z.number()])])),
]);
export type FactValue = z.infer<typeof FactValueSchema>;

export const ServiceResultSchema = z.object({
  code: z.string(),
  /** procedure (64625, 27096, G0260, 64451), injectable (J-codes), or out-of-scope. */
  role: z.enum(["procedure", "injectable", "out-of-scope"]),
  /** Plain-language label of the code from the policy data, when it has one. */
  label: z.string().optional(),
  determination: DeterminationSchema,
  /** The policy pathway that decided this service (absent when out of scope or undecidable). */
  pathway: z.object({ id: z.string(), title: z.string() }).optional(),
  reasons: z.array(z.string()),
  citations: z.array(CitationSchema),
  /** Passage ids of the evidence for this service, by role (the citations are in the top-level lists). */
  evidence: z.object({
    governing: z.array(z.string()),
    supporting: z.array(z.string()),
    conflicting: z.array(z.string()),
  }),
  /** Facts the case does not document that could not change this decision (every value they can take gives it). */
  factsNotNeeded: z.array(z.string()).optional(),
});
export type ServiceResult = z.infer<typeof ServiceResultSchema>;

export const CriterionResultSchema = z.object({
  id: z.string(),
  statement: z.string(),
  /** applicability: who the evidence is about; requirement: must hold; informative: recorded, never decisive. */
  role: z.enum(["applicability", "requirement", "informative"]),
  status: CriterionStatusSchema,
  /** The requested service code this result is for. */
  service: z.string(),
  /** The service groups (the family's family.json) the criterion is written for. */
  appliesTo: z.array(z.string()),
  /** Trace address of the criterion's root node, e.g. "evidence-hierarchy@1/64625/C-population". */
  address: z.string(),
  facts: z.record(z.string(), FactValueSchema),
  citations: z.array(CitationSchema),
  /** What the cited passages do and do not say, when a threshold is not quoted verbatim. */
  groundingNote: z.string().optional(),
});
export type CriterionResult = z.infer<typeof CriterionResultSchema>;

export const ConflictingEvidenceSchema = z.object({
  citation: CitationSchema,
  direction: z.string(),
  method: z.string(),
  whyNotGoverning: z.string(),
});
export type ConflictingEvidence = z.infer<typeof ConflictingEvidenceSchema>;

export const PitfallSchema = z.object({
  id: z.string(),
  text: z.string(),
  citations: z.array(CitationSchema),
});
export type Pitfall = z.infer<typeof PitfallSchema>;

export const AlternativeSchema = z.object({
  id: z.string(),
  text: z.string(),
  citations: z.array(CitationSchema),
});
export type Alternative = z.infer<typeof AlternativeSchema>;

export const DiagnosisResultSchema = z.object({
  code: z.string(),
  classes: z.array(z.string()),
});

export const TraceNodeSchema = z.object({
  address: z.string(),
  op: z.string(),
  value: z.enum(["true", "false", "unknown"]),
  observed: z.record(z.string(), FactValueSchema).optional(),
});
export type TraceNode = z.infer<typeof TraceNodeSchema>;

/** The profile version a review used. */
export const PolicyRefSchema = z.object({
  id: z.string(),
  version: z.string(),
  sha256: z.string(),
  title: z.string(),
  effectiveDate: z.string(),
  inForce: z
    .boolean()
    .describe("false when no version was in force on the date of service: nothing is decided under it"),
});

const BY_RANK = "sorted by the policy's evidence tier of the source, then passage id";

export const EvaluationSchema = z.object({
  determination: DeterminationSchema.describe(
    "overall: insufficient-information if any service has it, else not-medically-necessary, else medically-necessary, else not-applicable",
  ),
  services: z.array(ServiceResultSchema).describe("one per requested service, in request order"),
  criteria: z
    .array(CriterionResultSchema)
    .describe("every criterion of each in-scope service: by service in request order, then policy order"),
  governingEvidence: z.array(CitationSchema).describe(BY_RANK),
  supportingEvidence: z.array(CitationSchema).describe(BY_RANK),
  conflictingEvidence: z.array(ConflictingEvidenceSchema).describe(BY_RANK),
  /** Why a governing or supporting passage is cited, and its limits (e.g. indirect, unofficial copy). */
  evidenceNotes: z
    .array(
      z.object({
        passageId: z.string(),
        role: z.enum(["governing", "supporting"]),
        note: z.string(),
        services: z
          .array(z.string())
          .describe("the codes of the services whose evidence this note explains, sorted"),
      }),
    )
    .describe(`${BY_RANK}, then role, then note`),
  pitfalls: z.array(PitfallSchema).describe("sorted by id"),
  alternatives: z.array(AlternativeSchema).describe("sorted by id"),
  missingInformation: z
    .array(z.string())
    .describe("documents to request before a decision can be made; sorted alphabetically, empty when none"),
  diagnoses: z
    .array(DiagnosisResultSchema)
    .describe("the policy's classes of each diagnosis code, in request order"),
  contradictions: z
    .array(
      z.object({
        fact: z.string(),
        stated: FactValueSchema,
        fromCodes: FactValueSchema,
        codes: z.array(z.string()),
        changesOutcome: z
          .boolean()
          .describe(
            "true when the fact changes a service's pathway: that service pends until the record settles it",
          ),
      }),
    )
    .describe("diagnosis codes that disagree with a stated fact, in fact order; empty when none"),
  codeFindings: z
    .array(CodeFindingSchema)
    .describe(
      "what the code checks found about codes of the right kind that cannot be taken at face value, in input order; empty when none. A header diagnosis code, or a service code deleted or not yet valid on the date of service, makes an approval pend",
    ),
  codeSets: CodeSetsSchema.optional(),
  policy: PolicyRefSchema,
  corpusVersion: z.string(),
  audit: z.object({
    inputSha256: z.string().describe("sha256 of the canonical JSON (sorted keys) of the whole input"),
    engineVersion: z.string(),
    asOf: z.string().optional().describe("the date of service when given; the engine reads no clock"),
  }),
  reviewRequired: z.literal(true),
  disclaimer: z.string(),
  trace: z
    .array(TraceNodeSchema)
    .describe("every evaluated node, in evaluation order (services in request order)"),
});
export type Evaluation = z.infer<typeof EvaluationSchema>;
