import { CPT_SHAPE } from "../codes/cpt-plain-language-schema.js";
import { HCPCS_SHAPE } from "../codes/code-shapes.js";
import { lookupCode } from "../codes/lookup-code.js";
import type { Compose } from "./compose.js";

export function codeSystem(code: string): "CPT" | "HCPCS" | "ICD-10-CM" {
  if (CPT_SHAPE.test(code)) return "CPT";
  if (HCPCS_SHAPE.test(code)) return "HCPCS";
  return "ICD-10-CM";
}

/** "a procedure that uses heat … (CPT 64625)", or a marked gap when the product has no plain explanation. */
export function explainCode(c: Compose, code: string): { text: string; explained: boolean } {
  const entry = c.letters.plain.get(code);
  const system = entry?.system ?? codeSystem(code);
  if (entry) return { text: `${entry.plain} (${system} ${code})`, explained: true };
  // No lay wording of our own: show the code set's description so the reviewer can write one.
  const result = lookupCode(c.codes, code);
  const official = result.found && result.description ? result.description : undefined;
  const hint = official
    ? `; code set description: ${official.replace(/["“”‘]/g, "").replace(/\.$/, "")}`
    : "";
  return { text: `[plain-language explanation needed${hint}] (${system} ${code})`, explained: false };
}
