import { z } from "zod";
import { DeterminationSchema } from "../engine/determination.js";
import { ExprSchema } from "./expr-schema.js";
import { IdSchema, NameSchema } from "./family-schema.js";

/*
 * Schema of a policy profile version, corpus/families/<family>/profiles/<profile>.v<N>.json. A profile
 * covers the family whose folder holds it; a plan adds its own profile as one more file there.
 */

const PassageIds = z.array(z.string().min(1));
const Text = z.string().min(1);
const RuleId = z.string().regex(/^[A-Z][A-Za-z0-9-]*$/, "expected an id such as EH-chronic");

export const CriterionSchema = z.strictObject({
  id: RuleId,
  /** May name parameters in braces, e.g. "at least {chronicMinMonths} months". */
  statement: Text,
  /** applicability: who the evidence is about; requirement: must hold for the pathway; informative: recorded, never decisive. */
  role: z.enum(["applicability", "requirement", "informative"]),
  appliesTo: z.array(IdSchema).min(1),
  expr: ExprSchema,
  /** Facts shown with the result besides those the expression reads. */
  recordFacts: z.array(NameSchema).default([]),
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
  id: RuleId,
  title: Text,
  appliesTo: z.array(IdSchema).min(1),
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
  pitfalls: z.array(IdSchema),
  alternatives: z.array(IdSchema),
  grounds: PassageIds.min(1),
});
export type Pathway = z.infer<typeof PathwaySchema>;

export const ConflictingEntrySchema = z.strictObject({
  passageId: z.string().min(1),
  direction: Text,
  method: Text,
  whyNotGoverning: Text,
});

export const ProfileSchema = z.strictObject({
  id: IdSchema,
  version: z.string().regex(/^[0-9]+$/, "expected a whole version number"),
  title: Text,
  effectiveDate: z.iso.date(),
  description: Text,
  parameters: z.record(
    NameSchema,
    z.strictObject({ value: z.number(), unit: Text, description: Text, grounds: PassageIds.min(1) }),
  ),
  /** Evidence tiers, most authoritative first; sources not listed rank last. */
  evidenceRanking: z.array(
    z.strictObject({ tier: z.int().min(1), label: Text, why: Text, sources: z.array(IdSchema) }),
  ),
  criteria: z.array(CriterionSchema),
  pathways: z.array(PathwaySchema),
  conflicting: z.array(ConflictingEntrySchema),
  pitfalls: z.array(z.strictObject({ id: IdSchema, text: Text, grounds: PassageIds })),
  alternatives: z.array(z.strictObject({ id: IdSchema, text: Text, grounds: PassageIds })),
  /** Documents to request when no pathway can be chosen for a reason not covered by a criterion. */
  fallbackRequest: z.array(Text).min(1),
});
export type Profile = z.infer<typeof ProfileSchema>;
