import { CPT_SHAPE } from "./cpt-plain-language-schema.js";

/**
 * What an input looks like once trimmed, upper-cased and without its dot:
 * - icd: a letter, a digit and a letter or digit (or, as in QA0, a letter and a digit), then up to
 *   4 letters or digits (ICD-10-CM, 3 to 7 characters)
 * - hcpcs: letter + 4 digits with no dot (HCPCS Level II; may also read as an ICD-10-CM code)
 * - cpt: 5 digits, or 4 digits + F, T or U
 * - modifier: 2 letters/digits with no dot
 * - icd-short: a letter and at most one more character (too short for ICD-10-CM)
 * - unknown: anything else
 */
export type CodeShape = "icd" | "hcpcs" | "cpt" | "modifier" | "icd-short" | "unknown";

export interface NormalizedCode {
  /** Trimmed, upper-cased, without the dot. */
  bare: string;
  shape: CodeShape;
}

export const ICD_SHAPE = /^[A-Z](\d[0-9A-Z]|[A-Z]\d)[0-9A-Z]{0,4}$/;
export const HCPCS_SHAPE = /^[A-Z]\d{4}$/;

export function normalizeCode(input: string): NormalizedCode {
  const upper = input.trim().toUpperCase();
  const dots = upper.split(".").length - 1;
  const bare = dots === 1 ? upper.replace(".", "") : upper;
  const dotted = dots === 1;
  if (dots > 1 || bare === "") return { bare, shape: "unknown" };
  if (!dotted && CPT_SHAPE.test(bare)) return { bare, shape: "cpt" };
  if (!dotted && HCPCS_SHAPE.test(bare)) return { bare, shape: "hcpcs" };
  if (ICD_SHAPE.test(bare)) return { bare, shape: "icd" };
  if (!dotted && /^[A-Z0-9]{2}$/.test(bare)) return { bare, shape: "modifier" };
  if (/^[A-Z][0-9A-Z]?$/.test(bare)) return { bare, shape: "icd-short" };
  return { bare, shape: "unknown" };
}

/** ICD-10-CM display form: the dot after the third character. */
export function dottedIcd(bare: string): string {
  return bare.length > 3 ? `${bare.slice(0, 3)}.${bare.slice(3)}` : bare;
}
