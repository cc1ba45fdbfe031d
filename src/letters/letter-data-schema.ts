import { z } from "zod";

export const REGIMES = ["medicare-advantage", "commercial-erisa", "aca-individual", "medicaid"] as const;
export const RegimeIdSchema = z.enum(REGIMES);
export type RegimeId = z.infer<typeof RegimeIdSchema>;

/** Letter text never carries double or opening single quotation marks: those are reserved for verified quotes. */
export const NO_QUOTE_MARKS = /^[^"“”‘]*$/;
const text = z.string().min(1).regex(NO_QUOTE_MARKS, "must not contain quotation marks");

export const RegimeSchema = z.strictObject({
  id: RegimeIdSchema,
  label: text,
  appealName: text,
  /** Null when the State sets it (the letter context must then give it). */
  deadline: text.nullable(),
  expedited: text,
  representative: text,
  rightsDuringAppeal: text,
  civilAction: text.nullable(),
  externalReview: text.nullable(),
  fairHearing: text.nullable(),
  publicAssistance: text.nullable(),
  needsConsumerAssistanceContact: z.boolean(),
  needsStateAppealDeadline: z.boolean(),
  /** The coverage rules a letter under this regime must rest on: the profile that applies them, and why. */
  coverageRules: z.strictObject({ name: text, profile: text, note: text }).nullable(),
  standardNotice: z.strictObject({ form: text, instruction: text }).nullable(),
  basis: z.array(text).min(1),
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

/** corpus/letters/plain-language.json: our own lay explanations of codes, sorted by code. */
export const PlainLanguageFileSchema = z.strictObject({
  version: text,
  about: text,
  codes: z
    .array(z.strictObject({ code: text, system: z.enum(["CPT", "HCPCS", "ICD-10-CM"]), plain: text }))
    .refine(
      (list) => list.every((e, i) => i === 0 || (list[i - 1]?.code ?? "") < e.code),
      "codes must be sorted by code with no repeats",
    ),
});
export type PlainLanguageFile = z.infer<typeof PlainLanguageFileSchema>;
