import type { CodeData } from "../codes/load-code-data.js";
import type { Corpus } from "../corpus/store.js";
import type { CaseInput } from "../engine/case-schema.js";
import type { Evaluation } from "../engine/evaluation-schema.js";
import type { Family } from "../families/load-family.js";
import type { Knowledge } from "../knowledge/knowledge.js";
import type { LetterContext } from "./context-schema.js";
import type { Regime } from "./letter-data-schema.js";
import type { LetterData } from "./letter-data.js";
import type { LetterType, Section } from "./letter-schema.js";

/** Everything a section builder reads. */
export interface Compose {
  knowledge: Knowledge;
  ev: Evaluation;
  ctx: LetterContext;
  /** The reviewed case (it adds side and units). */
  input: CaseInput;
  /** The family the case was reviewed under (its facts say how a letter states them). */
  family: Family;
  regime: Regime;
  letters: LetterData;
  codes: CodeData;
  corpus: Corpus;
  type: LetterType;
}

export function section(id: string, title: string, paragraphs: readonly string[]): Section {
  return { id, title, text: paragraphs.filter((p) => p.length > 0).join("\n\n") };
}

/** A value from the context, or a bracketed placeholder that a person fills in before sending. */
export function or(value: string | undefined, placeholder: string): string {
  return value ?? `[${placeholder}]`;
}

/** Items joined as one sentence ("a; b; and c"), each without its own final full stop. */
export function sentenceList(items: readonly string[]): string {
  const parts = items.map((i) => i.replace(/\.$/, ""));
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join("; ")}; and ${parts[parts.length - 1]}`;
}

export function bullets(items: readonly string[]): string {
  return items.map((i) => `- ${i}`).join("\n");
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Reasons as sentences: each ends with a full stop. */
export function joinSentences(items: readonly string[]): string {
  return items.map((r) => (/[.!?]$/.test(r.trim()) ? r.trim() : `${r.trim()}.`)).join(" ");
}
