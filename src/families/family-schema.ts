import { z } from "zod";

/*
 * Schemas of a procedure family's data folder, corpus/families/<id>/:
 *   family.json             the family's service codes and groups, and what is out of its scope
 *   facts.json              its fact vocabulary: where each fact is read from the case, and how a letter says it
 *   diagnosis-classes.json  the diagnosis classes its profiles reason about
 *   profiles/<id>.v<N>.json its policy profiles (see profile-schema.ts)
 *   examples/*.json         worked examples of every criterion (read by the tests)
 */

export const IdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, "expected an id of letters, digits and dashes");
export const NameSchema = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, "expected a camelCase name");
const Text = z.string().min(1);
const PassageIds = z.array(z.string().min(1));

// ---------------------------------------------------------------- family.json

export const ServiceCodeSchema = z.strictObject({
  code: z.string().min(1),
  role: z.enum(["procedure", "injectable"]),
  /** Plain-language label written for this project (no CPT descriptor text). */
  label: Text,
});
export type ServiceCode = z.infer<typeof ServiceCodeSchema>;

export const FamilySchema = z.strictObject({
  id: IdSchema,
  title: Text,
  version: Text,
  /** The profile applied when a request names none. */
  defaultProfile: IdSchema,
  groups: z
    .array(z.strictObject({ id: IdSchema, title: Text, codes: z.array(ServiceCodeSchema).min(1) }))
    .min(1),
  /** Codes often requested with this family's procedures that are outside its scope. */
  outOfScope: z.array(z.strictObject({ code: z.string().min(1), label: Text, note: Text })),
  /** Why a service outside the family is not evaluated. */
  outOfScopeReason: Text,
});
export type FamilyData = z.infer<typeof FamilySchema>;

// ---------------------------------------------------------------- facts.json

export const FactTypeSchema = z.enum([
  "number",
  "boolean",
  "string",
  "string-list",
  "number-list",
  "relief-list",
]);
export type FactType = z.infer<typeof FactTypeSchema>;

/** A dotted path into the case as the engine sees it: request.*, clinical.*, service.* (e.g. "clinical.painDurationMonths"). */
export const CasePathSchema = z
  .string()
  .regex(
    /^(request|clinical|service)(\.[a-zA-Z][a-zA-Z0-9]*)+$/,
    "expected a path such as clinical.painDurationMonths",
  );

/** How a fact is read from the case: a path, the length of a list, or one field of every list entry. */
export const FactReaderSchema = z.union([
  CasePathSchema,
  z.strictObject({ count: CasePathSchema }),
  z.strictObject({ each: CasePathSchema, field: NameSchema }),
]);
export type FactReader = z.infer<typeof FactReaderSchema>;

const ImpliedValue = z.union([z.boolean(), z.string(), z.null()]);

/**
 * How a fact the case does not state is derived from the classes of its diagnosis codes:
 * precedence: the first value of `order` that any code implies (null = a code that leaves it open);
 * join: the one value the codes imply, or the `gives` of the join whose `of` are exactly the values implied.
 */
export const FromDiagnosesSchema = z.discriminatedUnion("rule", [
  z.strictObject({ rule: z.literal("precedence"), order: z.array(ImpliedValue).min(1) }),
  z.strictObject({
    rule: z.literal("join"),
    joins: z.array(z.strictObject({ of: z.array(z.string()).min(2), gives: z.string() })),
  }),
]);
export type FromDiagnoses = z.infer<typeof FromDiagnosesSchema>;

/**
 * How a letter states a documented value in plain language. A string is a template ({value}, or
 * {items} for a list); an object picks a template by value: "true"/"false", a string value, or
 * "one"/"other" for a number (1 or any other).
 */
export const PhraseSchema = z.union([Text, z.record(z.string(), Text)]);
export type Phrase = z.infer<typeof PhraseSchema>;

export const FactSchema = z.strictObject({
  name: NameSchema,
  type: FactTypeSchema,
  /** Unit of a number (also named in the fact's name), e.g. "months". */
  unit: z.string().optional(),
  /** Allowed values of a string fact. */
  values: z.array(z.string()).optional(),
  read: FactReaderSchema,
  fromDiagnoses: FromDiagnosesSchema.optional(),
  description: Text,
  phrase: PhraseSchema.optional(),
  /** Plain words for the values of a list fact, used in {items}. */
  itemLabels: z.record(z.string(), Text).optional(),
});
export type Fact = z.infer<typeof FactSchema>;

export const FactsSchema = z.strictObject({ version: Text, facts: z.array(FactSchema).min(1) });
export type FactsData = z.infer<typeof FactsSchema>;

// ---------------------------------------------------------------- diagnosis-classes.json

export const DiagnosisClassesSchema = z.strictObject({
  version: Text,
  classes: z.array(
    z.strictObject({
      id: IdSchema,
      label: Text,
      /** What lookupCodes shows for a code of this class. */
      classification: Text,
      /** Facts a code of this class implies (fact name → value); null = the code leaves the fact open. */
      implies: z.record(NameSchema, ImpliedValue),
      grounds: PassageIds,
    }),
  ),
  /** A code belongs to every class whose prefix it starts with (dots ignored, case-insensitive). */
  rules: z.array(z.strictObject({ prefix: z.string().min(1), class: IdSchema, example: Text })),
});
export type DiagnosisClasses = z.infer<typeof DiagnosisClassesSchema>;
export type DiagnosisClass = DiagnosisClasses["classes"][number];

// ---------------------------------------------------------------- examples/*.json

export const WorkedExamplesSchema = z.strictObject({
  description: Text,
  examples: z.array(
    z.strictObject({
      profile: IdSchema,
      criterion: z.string().min(1),
      status: z.enum(["met", "not-met", "unknown", "not-applicable"]),
      service: z.string().min(1),
      diagnoses: z.array(z.string()),
      /** The case's clinical facts, in the family's input schema. */
      clinical: z.record(z.string(), z.unknown()),
      dateOfService: z.iso.date().optional(),
      why: Text,
    }),
  ),
});
export type WorkedExamples = z.infer<typeof WorkedExamplesSchema>;
