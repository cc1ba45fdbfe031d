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
  /**
   * Units that are plausible for one request (more pends with `question`, unless the service is not
   * approved anyway): `max`, or `maxBilateral` when the service is requested for both sides.
   */
  units: z
    .strictObject({
      max: z.int().min(1),
      maxBilateral: z.int().min(1).optional(),
      question: Text,
      grounds: PassageIds.min(1),
    })
    .optional(),
  /** What the profiles read about the code (fact paths service.attributes.<name>), e.g. target or drug class. */
  attributes: z
    .record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/), z.union([z.string(), z.number(), z.boolean()]))
    .optional(),
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
  /** Codes that look like this family's injectates but are not (never approved here): each says why. */
  notInjectates: z
    .array(z.strictObject({ code: z.string().min(1), label: Text, note: Text, grounds: PassageIds.min(1) }))
    .default([]),
  /** Services included in a procedure of the family when billed with it (not separately reviewed). */
  includedIn: z
    .array(
      z.strictObject({
        codes: z.array(z.string().min(1)).min(1),
        label: Text,
        procedures: z.array(z.string().min(1)).min(1),
        note: Text,
        grounds: PassageIds.min(1),
      }),
    )
    .default([]),
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

/** A field of a list entry, possibly nested ("date", "attributes.target"). */
const FieldSchema = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9]*(\.[a-zA-Z][a-zA-Z0-9]*)*$/, "expected a field name");
const Scalar = z.union([z.string(), z.number(), z.boolean()]);

/** Entries of a list whose fields have the given values (a list of values: any of them). */
export const MatchSchema = z.record(FieldSchema, z.union([Scalar, z.array(Scalar).min(1)]));
export type Match = z.infer<typeof MatchSchema>;

/**
 * How a fact is read from the case. The closed set of readers:
 * - a path: the value there;
 * - count: the length of a list; each: one field of every entry;
 * - path + times: a number scaled (a unit conversion, e.g. months to weeks);
 * - first: the first of several readers that gives a value;
 * - compare + below / atLeast: whether a number is below / at least a value;
 * - countWhere: the entries that match, optionally only those dated within `months` before a date
 *   (an entry without a date, or no date to count from, makes the count a range [min, max]), and
 *   with `distinct`, the distinct values of that field (sessions: entries on one date are one);
 * - some: whether any entry matches (an empty list: false; no list: unknown);
 * - latest: a field of the entry with the latest date (`by`); when undated entries could be the
 *   latest, the range of the values they and the latest dated entry hold.
 */
export type FactReader =
  | string
  | { count: string }
  | { each: string; field: string }
  | { path: string; times: number }
  | { first: FactReader[] }
  | { compare: string; below?: number | undefined; atLeast?: number | undefined }
  | {
      countWhere: string;
      where?: Match | undefined;
      within?: { field: string; months: number; before: string } | undefined;
      distinct?: string | undefined;
    }
  | { some: string; where: Match }
  | { latest: string; by: string; field: string };

export const FactReaderSchema: z.ZodType<FactReader> = z.lazy(() =>
  z.union([
    CasePathSchema,
    z.strictObject({ count: CasePathSchema }),
    z.strictObject({ each: CasePathSchema, field: FieldSchema }),
    z.strictObject({ path: CasePathSchema, times: z.number().positive() }),
    z.strictObject({ first: z.array(FactReaderSchema).min(2) }),
    z
      .strictObject({ compare: CasePathSchema, below: z.number().optional(), atLeast: z.number().optional() })
      .refine(
        (r) => (r.below === undefined) !== (r.atLeast === undefined),
        "expected exactly one of below, atLeast",
      ),
    z.strictObject({
      countWhere: CasePathSchema,
      where: MatchSchema.optional(),
      within: z
        .strictObject({ field: FieldSchema, months: z.int().min(1).max(120), before: CasePathSchema })
        .optional(),
      distinct: FieldSchema.optional(),
    }),
    z.strictObject({ some: CasePathSchema, where: MatchSchema }),
    z.strictObject({ latest: CasePathSchema, by: FieldSchema, field: FieldSchema }),
  ]),
);

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
  /** Absent: the fact comes from the diagnosis codes only (fromDiagnoses). */
  read: FactReaderSchema.optional(),
  fromDiagnoses: FromDiagnosesSchema.optional(),
  /**
   * The value a fact takes when neither the case nor its codes document it, for facts a request
   * records only when they hold (a pregnancy, a minor's age); `why` is shown wherever it is used.
   */
  whenUndocumented: z.strictObject({ value: z.boolean(), why: Text }).optional(),
  description: Text,
  phrase: PhraseSchema.optional(),
  /** Plain words for the values of a list fact, used in {items}. */
  itemLabels: z.record(z.string(), Text).optional(),
});
export type Fact = z.infer<typeof FactSchema>;

/**
 * A check that a case's facts can all be true together (an impossible case is refused, naming its fields):
 * notGreater: fact `fact` is at most fact `than` (e.g. conservative care no longer than the pain);
 * notAfter: the date field of every entry of `list` is on or before the date at `than` (nothing dated after the date of service).
 */
export const CaseCheckSchema = z.discriminatedUnion("rule", [
  z.strictObject({
    rule: z.literal("notGreater"),
    id: IdSchema,
    fact: NameSchema,
    than: NameSchema,
    /** The input fields the two facts come from, named in the error. */
    fields: z.array(CasePathSchema).min(1),
    expected: Text,
  }),
  z.strictObject({
    rule: z.literal("notAfter"),
    id: IdSchema,
    list: CasePathSchema,
    field: NameSchema,
    than: CasePathSchema,
    expected: Text,
  }),
]);
export type CaseCheck = z.infer<typeof CaseCheckSchema>;

export const FactsSchema = z.strictObject({
  version: Text,
  facts: z.array(FactSchema).min(1),
  checks: z.array(CaseCheckSchema).default([]),
});
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
  /** Criteria whose facts are always documented (read from the request, or a stated default): no unknown example exists. */
  neverUnknown: z
    .array(z.strictObject({ profile: IdSchema, criterion: z.string().min(1), why: Text }))
    .default([]),
});
export type WorkedExamples = z.infer<typeof WorkedExamplesSchema>;
