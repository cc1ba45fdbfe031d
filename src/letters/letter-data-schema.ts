import { z } from "zod";

export const REGIMES = ["medicare-advantage", "commercial-erisa", "aca-individual", "medicaid"] as const;
export const RegimeIdSchema = z.enum(REGIMES);
export type RegimeId = z.infer<typeof RegimeIdSchema>;

/** Letter text never carries double or opening single quotation marks: those are reserved for verified quotes. */
export const NO_QUOTE_MARKS = /^[^"“”‘]*$/;
const text = z.string().min(1).regex(NO_QUOTE_MARKS, "must not contain quotation marks");

/** A regime fact: member text in plain language and the rule it rests on. */
export const RegimeFactSchema = z.strictObject({ text, source: text });
export type RegimeFact = z.infer<typeof RegimeFactSchema>;

export const RegimeSchema = z.strictObject({
  id: RegimeIdSchema,
  label: text,
  appealName: text,
  appealDeadline: RegimeFactSchema,
  expedited: RegimeFactSchema,
  representative: RegimeFactSchema,
  appealReview: RegimeFactSchema,
  /** External review, State fair hearing, independent review, civil action: in order. */
  furtherReview: z.array(RegimeFactSchema),
  helpLine: RegimeFactSchema.nullable(),
  /** True when the letter must name a consumer assistance program (a marked blank when the context has none). */
  needsConsumerAssistanceContact: z.boolean(),
  informationRequest: z.strictObject({
    /** Null when only the plan can set the response deadline (the context must give it). */
    respondWithin: RegimeFactSchema.nullable(),
    withoutResponse: RegimeFactSchema,
  }),
  /** The coverage rules a letter under this regime must rest on: the profile that applies them, and why. */
  coverageRules: z.strictObject({ name: text, profile: text, note: text }).nullable(),
  standardNotice: z.strictObject({ form: text, instruction: text }).nullable(),
});
export type Regime = z.infer<typeof RegimeSchema>;

/** corpus/letters/regimes.json: one entry per regime, sorted by id. */
export const RegimesFileSchema = z.strictObject({
  version: text,
  about: text,
  regimes: z
    .array(RegimeSchema)
    .refine(
      (list) => list.map((r) => r.id).join(",") === [...REGIMES].sort().join(","),
      `expected exactly one entry per regime, sorted by id: ${[...REGIMES].sort().join(", ")}`,
    ),
});

function sortedBy<T>(key: (e: T) => string): (list: readonly T[]) => boolean {
  return (list) => list.every((e, i) => i === 0 || key(list[i - 1] as T) < key(e));
}

/** corpus/letters/plain-language.json: our own lay explanations of codes, sorted by code. */
export const PlainLanguageFileSchema = z.strictObject({
  version: text,
  about: text,
  codes: z
    .array(
      z.strictObject({
        code: text,
        system: z.enum(["CPT", "HCPCS", "ICD-10-CM"]),
        plain: text,
        short: text.optional(),
      }),
    )
    .refine(
      sortedBy((e: { code: string }) => e.code),
      "codes must be sorted by code with no repeats",
    ),
  diagnosisPrefixes: z.array(z.strictObject({ prefix: text, plain: text })).refine(
    sortedBy((e: { prefix: string }) => e.prefix),
    "prefixes must be sorted with no repeats",
  ),
});
export type PlainLanguageFile = z.infer<typeof PlainLanguageFileSchema>;

/** corpus/letters/member-wording.json: plain words for what a policy decides, asks for and suggests. */
export const MemberWordingFileSchema = z.strictObject({
  version: text,
  about: text,
  pathways: z.array(z.strictObject({ id: text, text, denied: text.optional() })),
  requirements: z.array(z.strictObject({ id: text, text })),
  requests: z.array(z.strictObject({ request: text, text })),
  alternatives: z.array(z.strictObject({ id: text, text })),
  /** Candidate changes of the clinical facts: objects merge, null removes a field, anything else replaces. */
  changes: z.array(z.strictObject({ id: text, clinical: z.record(z.string(), z.unknown()), text })).max(40),
});
export type MemberWordingFile = z.infer<typeof MemberWordingFileSchema>;
