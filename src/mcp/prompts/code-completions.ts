import type { LetterData } from "../../letters/letter-data.js";

/**
 * Completions for a comma-separated code list: the last, partly typed code is completed from the codes
 * this product explains in plain language; earlier codes are kept as typed. Sorted by code.
 */
export function completeCodeList(letters: LetterData, value: string, systems: readonly string[]): string[] {
  // The prompt arguments hold at most 400 characters: nothing longer is completed.
  if (value.length > 400) return [];
  const parts = value.split(",");
  const last = (parts.pop() ?? "").trim().toUpperCase();
  const head = parts.map((p) => p.trim()).filter((p) => p.length > 0);
  const codes = [...letters.plain.values()]
    .filter(
      (e) => systems.includes(e.system) && e.code.toUpperCase().startsWith(last) && !head.includes(e.code),
    )
    .map((e) => e.code)
    .sort();
  return codes.map((code) => [...head, code].join(", "));
}
