import { z } from "zod";
import { DeterminationSchema, PolicyProfileSchema } from "./evaluation-schema.js";
import { ExprSchema } from "./expr-schema.js";

/* Schemas of the policy data under corpus/policies/ (one file per concept). */

const PassageIds = z.array(z.string().min(1));
const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, "expected an id of letters, digits and dashes");
const Name = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, "expected a camelCase name");
const Text = z.string().min(1);

// ---------------------------------------------------------------- fact-vocabulary.json

export const FactTypeSchema = z.enum([
  "number",
  "boolean",
  "string",
  "string-list",
  "number-list",
  "relief-list",
]);
export type FactType = z.infer<typeof FactTypeSchema>;

export const FactVocabularySchema = z.strictObject({
  version: Text,
  facts: z.array(
    z.strictObject({
      name: Name,
      type: FactTypeSchema,
      /** Unit of a number (also named in the fact's name), e.g. "months". */
      unit: z.string().optional(),
      /** Allowed values of a string fact. */
      values: z.array(z.string()).optional(),
      /** Where the value comes from in the tool input, or how it is derived. */
      from: Text,
      description: Text,
    }),
  ),
});
export type FactVocabulary = z.infer<typeof FactVocabularySchema>;

// ---------------------------------------------------------------- services.json

export const ServiceCodeSchema = z.strictObject({
  code: z.string().min(1),
  role: z.enum(["procedure", "injectable"]),
  /** Plain-language label written for this project (no CPT descriptor text). */
  label: Text,
});

export const ServicesSchema = z.strictObject({
  version: Text,
  groups: z.array(z.strictObject({ id: Id, title: Text, codes: z.array(ServiceCodeSchema).min(1) })),
  /** Codes that are often requested with SI joint procedures but are out of this tool's scope. */
  outOfScope: z.array(z.strictObject({ code: z.string().min(1), label: Text, note: Text })),
  outOfScopeReason: Text,
});
export type Services = z.infer<typeof ServicesSchema>;

// ---------------------------------------------------------------- diagnosis-classes.json

export const DiagnosisClassesSchema = z.strictObject({
  version: Text,
  classes: z.array(
    z.strictObject({
      id: Id,
      label: Text,
      /** What lookupCodes shows for a code of this class. */
      classification: Text,
      /** Case facts a code of this class implies; null = the code leaves the fact open. */
      implies: z.strictObject({
        painType: z.enum(["axial", "radicular"]).optional(),
        inflammatorySpondyloarthropathy: z.boolean().nullable().optional(),
        cancerRelated: z.boolean().nullable().optional(),
      }),
      grounds: PassageIds,
    }),
  ),
  /** A code belongs to every class whose prefix it starts with (dots ignored, case-insensitive). */
  rules: z.array(z.strictObject({ prefix: z.string().min(1), class: Id, example: Text })),
});
export type DiagnosisClasses = z.infer<typeof DiagnosisClassesSchema>;

// ---------------------------------------------------------------- <profile>.v<N>.json

export const CriterionSchema = z.strictObject({
  id: z.string().regex(/^[A-Z][A-Za-z0-9-]*$/),
  /** May name parameters in braces, e.g. "at least {chronicMinMonths} months". */
  statement: Text,
  /** applicability: who the evidence is about; requirement: must hold for the pathway; informative: recorded, never decisive. */
  role: z.enum(["applicability", "requirement", "informative"]),
  appliesTo: z.array(Id).min(1),
  expr: ExprSchema,
  /** Facts shown with the result besides those the expression reads. */
  recordFacts: z.array(Name).default([]),
  grounds: PassageIds.min(1),
  /** What the grounding passages do and do not say, when the threshold is not quoted verbatim. */
  groundingNote: z.string().optional(),
  /** Documents to request when the criterion is unknown and the outcome depends on it. */
  request: z.array(Text).min(1),
});
export type Criterion = z.infer<typeof CriterionSchema>;

export const EvidenceUseSchema = z.strictObject({
  passageId: z.string().min(1),
  note: z.string().optional(),
});

export const PathwaySchema = z.strictObject({
  id: z.string().regex(/^[A-Z][A-Za-z0-9-]*$/),
  title: Text,
  appliesTo: z.array(Id).min(1),
  /** When the pathway is the one that applies; pathways of a group must not overlap. */
  when: ExprSchema,
  /** Absent: the pathway decides `determination`. Present: met → determination, not met → ifNotMet. */
  requires: ExprSchema.optional(),
  determination: DeterminationSchema,
  ifNotMet: DeterminationSchema.optional(),
  reason: Text,
  reasonIfNotMet: z.string().optional(),
  reasonIfUnknown: z.string().optional(),
  governing: z.array(EvidenceUseSchema),
  supporting: z.array(EvidenceUseSchema),
  /** Ids of entries in the profile's `conflicting` list. */
  conflicting: z.array(z.string().min(1)),
  pitfalls: z.array(Id),
  alternatives: z.array(Id),
  grounds: PassageIds.min(1),
});
export type Pathway = z.infer<typeof PathwaySchema>;

export const ConflictingEntrySchema = z.strictObject({
  passageId: z.string().min(1),
  direction: Text,
  method: Text,
  whyNotGoverning: Text,
});

export const PolicySchema = z.strictObject({
  id: PolicyProfileSchema,
  version: z.string().regex(/^[0-9]+$/, "expected a whole version number"),
  title: Text,
  effectiveDate: z.iso.date(),
  description: Text,
  parameters: z.record(
    Name,
    z.strictObject({ value: z.number(), unit: Text, description: Text, grounds: PassageIds.min(1) }),
  ),
  /** Evidence tiers, most authoritative first; sources not listed rank last. */
  evidenceRanking: z.array(
    z.strictObject({ tier: z.int().min(1), label: Text, why: Text, sources: z.array(Id) }),
  ),
  criteria: z.array(CriterionSchema),
  pathways: z.array(PathwaySchema),
  conflicting: z.array(ConflictingEntrySchema),
  pitfalls: z.array(z.strictObject({ id: Id, text: Text, grounds: PassageIds })),
  alternatives: z.array(z.strictObject({ id: Id, text: Text, grounds: PassageIds })),
  /** Documents to request when no pathway can be chosen for a reason not covered by a criterion. */
  fallbackRequest: z.array(Text).min(1),
});
export type Policy = z.infer<typeof PolicySchema>;
