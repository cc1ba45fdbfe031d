import { codeData } from "../codes/load-code-data.js";
import { lookupCode } from "../codes/lookup-code.js";
import type { LetterData } from "./letter-data.js";

/** The code set's own description (ICD-10-CM title, HCPCS description or this project's CPT summary), if any. */
function officialDescription(code: string): string | undefined {
  const result = lookupCode(codeData(), code);
  return result.found && result.description ? result.description : undefined;
}

export function codeSystem(code: string): "CPT" | "HCPCS" | "ICD-10-CM" {
  if (/^(\d{5}|\d{4}[FTU])$/.test(code)) return "CPT";
  if (/^[A-V]\d{4}$/.test(code)) return "HCPCS";
  return "ICD-10-CM";
}

/** "a procedure that uses heat … (CPT 64625)", or a marked gap when the product has no plain explanation. */
export function explainCode(code: string, data: LetterData): { text: string; explained: boolean } {
  const entry = data.plain.get(code);
  const system = entry?.system ?? codeSystem(code);
  if (entry) return { text: `${entry.plain} (${system} ${code})`, explained: true };
  // No lay wording of our own: show the code set's description so the reviewer can write one.
  const official = officialDescription(code);
  const hint = official
    ? `; code set description: ${official.replace(/["“”‘]/g, "").replace(/\.$/, "")}`
    : "";
  return { text: `[plain-language explanation needed${hint}] (${system} ${code})`, explained: false };
}
