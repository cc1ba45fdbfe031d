import type { Determination, FactValue } from "../engine/evaluation-schema.js";

export const DETERMINATION_LABEL: Record<Determination, string> = {
  "not-medically-necessary": "NOT MEDICALLY NECESSARY",
  "medically-necessary": "MEDICALLY NECESSARY",
  "insufficient-information": "INSUFFICIENT INFORMATION",
  "not-applicable": "NOT APPLICABLE",
};

/** The first sentence of a text (up to a full stop, question or exclamation mark before a capital). */
export function firstSentence(text: string): string {
  const match = /^(.+?[.!?])\s+(?=[A-Z(])/s.exec(text);
  return (match?.[1] ?? text).trim();
}

/** A text ending in a full stop (or its own closing punctuation). */
export function asSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** A fact value as text: null is undocumented; relief ranges as min-max. */
export function factText(value: FactValue): string {
  if (value === null) return "undocumented";
  if (Array.isArray(value)) {
    return `[${value.map((v) => (Array.isArray(v) ? `${v[0]}-${v[1]}` : String(v))).join(", ")}]`;
  }
  return String(value);
}

/** Facts as "name = value; ..." in their own order. */
export function factsText(facts: Record<string, FactValue>): string {
  return Object.entries(facts)
    .map(([name, value]) => `${name} = ${factText(value)}`)
    .join("; ");
}
