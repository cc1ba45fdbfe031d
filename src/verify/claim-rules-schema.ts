import { z } from "zod";

/** A regular expression given as a string: it must compile (with the flags it will be used with). */
function regex(flags = "i") {
  return z
    .string()
    .min(1)
    .refine(
      (source) => {
        try {
          new RegExp(source, flags);
          return true;
        } catch {
          return false;
        }
      },
      { message: "not a valid regular expression" },
    );
}

const text = z.string().min(1);

export const SENTENCE_ROLES = ["evidence-claim", "case-fact", "advice", "reasoning", "reference"] as const;
export const SentenceRoleSchema = z.enum(SENTENCE_ROLES);
export type SentenceRole = z.infer<typeof SentenceRoleSchema>;

export const RoleRuleSchema = z.strictObject({
  id: text,
  role: z.enum(["case-fact", "advice", "reasoning"]),
  /** "start": the pattern must match at the start of the sentence part; "anywhere": anywhere in it. */
  where: z.enum(["start", "anywhere"]),
  /** When true the rule does not apply to a part that names a source and uses an attribution verb. */
  unlessAttributed: z.boolean(),
  why: text,
  pattern: regex(),
});
export type RoleRule = z.infer<typeof RoleRuleSchema>;

export const DIRECTIONS = ["for", "against", "neutral", "covered", "not-covered"] as const;
export const DirectionValueSchema = z.enum(DIRECTIONS);
export type DirectionValue = z.infer<typeof DirectionValueSchema>;

export const STRENGTHS = ["strong", "conditional"] as const;
export const StrengthValueSchema = z.enum(STRENGTHS);
export type StrengthValue = z.infer<typeof StrengthValueSchema>;

export const CERTAINTY_LEVELS = ["very low", "low", "moderate", "high"] as const;
export const CertaintyLevelSchema = z.enum(CERTAINTY_LEVELS);
export type CertaintyLevel = z.infer<typeof CertaintyLevelSchema>;

export const CONCEPT_KINDS = ["intervention", "qualifier", "site", "population", "outcome", "topic"] as const;
export const ConceptKindSchema = z.enum(CONCEPT_KINDS);
export type ConceptKind = z.infer<typeof ConceptKindSchema>;

const ConceptSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  kind: ConceptKindSchema,
  label: text,
  /** Plain phrases, matched on normalised text. */
  terms: z.array(text).min(1),
  patterns: z.array(z.strictObject({ pattern: text, caseSensitive: z.boolean() })).optional(),
  /** Concepts that cannot describe the same thing (facet for sacroiliac): finding one instead is a difference. */
  conflicts: z.array(text).optional(),
  /** A generic concept (procedures in general) stands for these. */
  covers: z.array(text).optional(),
});
export type ConceptRule = z.infer<typeof ConceptSchema>;

export const ClaimRulesSchema = z
  .strictObject({
    version: text,
    about: z.array(text),
    roles: z.array(RoleRuleSchema).min(1),
    /** Verbs and phrases by which a text says what a source states. */
    attributionCue: regex(),
    /** A sentence opening that refers back to the source named just before ("The guideline notes…"). */
    anaphora: regex(""),
    segments: z.strictObject({
      leadingSubordinate: regex(),
      breaks: z.array(z.strictObject({ pattern: regex(), flipsDirection: z.boolean() })),
    }),
    direction: z.array(
      z.strictObject({
        direction: DirectionValueSchema,
        weight: z.union([z.literal(1), z.literal(2)]),
        kind: z.enum(["recommendation", "coverage", "finding", "preference"]),
        pattern: regex(),
      }),
    ),
    /** Words by which a neutral passage states its neutrality ("no consistency", "inconclusive"). */
    neutralPassageCue: regex(),
    /** A claim that the evidence agrees ("consistently", "all guidelines"): a neutral passage contradicts it. */
    consistencyCue: regex(),
    strength: z.array(z.strictObject({ strength: StrengthValueSchema, pattern: regex() })),
    certainty: z.strictObject({
      level: regex(),
      range: regex(),
      /** {level} and {range} are replaced by the two patterns above; groups 1 and 2 are the levels. */
      patterns: z.array(text).min(1),
      /** A recorded certainty matching this is not verified, so it counts as not recorded. */
      unverified: regex(),
    }),
    negation: z.strictObject({
      /** Before a concept, on normalised text: negates the concept right after it ("not inflammatory"). */
      immediate: regex(),
      /** Negates the concepts up to the end of the clause ("not associated with cancer or …"). */
      scoped: regex(),
      /** Makes the concepts after it optional ("with or without sciatica"). */
      optional: regex(),
      /** Before an intervention, a directive rather than an exclusion ("no spinal injections"): the intervention stays what the text is about. */
      directive: regex(),
    }),
    /** Analysts' notes in a passage's structured fields that record doubt, not fact ("(… confirm on bmj.com)"): left out. */
    fieldNote: regex(),
    concepts: z.array(ConceptSchema).min(1),
    units: z.array(
      z.strictObject({
        unit: text,
        dimension: z.literal("duration").optional(),
        days: z.number().positive().optional(),
        terms: z.array(text).min(1),
      }),
    ),
    numberWords: z.record(z.string(), z.number()),
    /**
     * Bounds on a figure, read from the words just before it: min ("at least 75%"), max ("no more than four
     * sessions"); up to two filler words may stand between ("at least a consistent 50%"). A negation a few
     * words before the bound reverses it ("did not provide at least 50%" is less than 50%). A max bound on a
     * count in one of capUnits is a limit: "no more than two sessions" is read as covered up to two.
     */
    bounds: z.strictObject({
      min: regex(),
      max: regex(),
      filler: regex(),
      negation: regex(),
      capUnits: z.array(text),
    }),
    /**
     * A claim in which the rules find no subject (no known concept, no figure) is judged only when its
     * closest passage's text holds at least this share of the claim's content words.
     */
    containmentMin: z.number().min(0).max(1),
    /** A claim that names its subject by a pronoun ("recommends against it") is compared on its direction and strength. */
    pronounObject: regex(),
    /** Bibliographic words: a part made only of source names, markers, dates and these is a reference, not a claim. */
    referenceWords: z.array(text),
  })
  .superRefine((rules, ctx) => {
    const ids = new Set<string>();
    for (const [i, c] of rules.concepts.entries()) {
      if (ids.has(c.id))
        ctx.addIssue({ code: "custom", path: ["concepts", i, "id"], message: `duplicate concept "${c.id}"` });
      ids.add(c.id);
    }
    for (const [i, c] of rules.concepts.entries()) {
      for (const key of ["conflicts", "covers"] as const) {
        for (const ref of c[key] ?? []) {
          if (!ids.has(ref))
            ctx.addIssue({
              code: "custom",
              path: ["concepts", i, key],
              message: `names unknown concept "${ref}"`,
            });
        }
      }
      for (const [j, p] of (c.patterns ?? []).entries()) {
        try {
          new RegExp(p.pattern, p.caseSensitive ? "" : "i");
        } catch {
          ctx.addIssue({
            code: "custom",
            path: ["concepts", i, "patterns", j],
            message: "not a valid regular expression",
          });
        }
      }
    }
    for (const [i, p] of rules.certainty.patterns.entries()) {
      try {
        new RegExp(
          p.replaceAll("{level}", rules.certainty.level).replaceAll("{range}", rules.certainty.range),
          "i",
        );
      } catch {
        ctx.addIssue({
          code: "custom",
          path: ["certainty", "patterns", i],
          message: "not a valid regular expression",
        });
      }
    }
  });
export type ClaimRules = z.infer<typeof ClaimRulesSchema>;
