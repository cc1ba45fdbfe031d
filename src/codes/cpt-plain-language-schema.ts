import { z } from "zod";

/** CPT Level I shape: 5 digits, or 4 digits and F (category II), T (category III) or U (PLA). */
export const CPT_SHAPE = /^(\d{5}|\d{4}[FTU])$/;

const Entry = z.strictObject({
  code: z.string().regex(CPT_SHAPE),
  description: z.string().min(20),
});

const HcpcsNote = z.strictObject({
  code: z.string().regex(/^[A-V]\d{4}$/),
  note: z.string().min(20),
});

function sortedUnique(codes: string[]): boolean {
  return codes.every((code, i) => i === 0 || (codes[i - 1] ?? "") < code);
}

/** corpus/codes/cpt-plain-language.json: our own words for the CPT codes this product meets. */
export const CptPlainLanguageSchema = z.strictObject({
  version: z.string().min(1),
  about: z.string().min(1),
  descriptionSource: z.string().min(1),
  notDescribedReason: z.string().min(1),
  codes: z
    .array(Entry)
    .min(1)
    .refine((list) => sortedUnique(list.map((e) => e.code)), "codes must be sorted by code with no repeats"),
  hcpcsNotes: z
    .array(HcpcsNote)
    .refine(
      (list) => sortedUnique(list.map((e) => e.code)),
      "hcpcsNotes must be sorted by code with no repeats",
    ),
});

export type CptPlainLanguage = z.infer<typeof CptPlainLanguageSchema>;
