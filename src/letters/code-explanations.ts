import type { LetterData } from "./letter-data.js";

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
  return { text: `[plain-language explanation needed] (${system} ${code})`, explained: false };
}
