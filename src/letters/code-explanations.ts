import { CPT_SHAPE } from "../codes/cpt-plain-language-schema.js";
import { dottedIcd, HCPCS_SHAPE, normalizeCode } from "../codes/code-shapes.js";
import { lookupCode } from "../codes/lookup-code.js";
import type { Compose } from "./compose.js";

export function codeSystem(code: string): "CPT" | "HCPCS" | "ICD-10-CM" {
  if (CPT_SHAPE.test(code)) return "CPT";
  if (HCPCS_SHAPE.test(code)) return "HCPCS";
  return "ICD-10-CM";
}

/** A code as a letter prints it: upper case, ICD-10-CM with its dot (M533 → M53.3). */
export function canonicalCode(code: string, kind: "service" | "diagnosis"): string {
  const { bare, shape } = normalizeCode(code);
  if (kind === "diagnosis" && (shape === "icd" || shape === "hcpcs")) return dottedIcd(bare);
  return bare;
}

export interface CodeExplanation {
  code: string;
  system: "CPT" | "HCPCS" | "ICD-10-CM";
  plain: string;
  /** A short name for the decision lines (services): the plain text when there is none. */
  short: string;
  /** Where the words come from: our own list, a diagnosis prefix, or the code set's description. */
  from: "plain-language" | "prefix" | "code-set" | "none";
}

/** The plain explanation of a code: our own words, else those of its diagnosis group, else the code set's. */
export function explainCode(c: Compose, raw: string, kind: "service" | "diagnosis"): CodeExplanation {
  const code = canonicalCode(raw, kind);
  const system = kind === "diagnosis" ? "ICD-10-CM" : codeSystem(code);
  const entry = c.letters.plain.get(code);
  if (entry)
    return {
      code,
      system: entry.system,
      plain: entry.plain,
      short: entry.short ?? entry.plain,
      from: "plain-language",
    };
  if (kind === "diagnosis") {
    const prefix = c.letters.diagnosisPrefixes.find((p) => code.startsWith(p.prefix));
    if (prefix) return { code, system, plain: prefix.plain, short: prefix.plain, from: "prefix" };
  }
  const result = lookupCode(c.codes, code);
  const official = result.found && result.description ? result.description : undefined;
  if (official) {
    const words = official.replace(/["“”‘]/g, "").replace(/\.$/, "");
    const plain = `a code described as: ${words.toLowerCase()}`;
    return { code, system, plain, short: plain, from: "code-set" };
  }
  const plain = "a code we could not find in the code lists";
  return { code, system, plain, short: plain, from: "none" };
}
