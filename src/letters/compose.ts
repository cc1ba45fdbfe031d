import type { CodeData } from "../codes/load-code-data.js";
import type { Corpus } from "../corpus/store.js";
import type { CaseInput } from "../engine/case-schema.js";
import type { Evaluation } from "../engine/evaluation-schema.js";
import type { Family } from "../families/load-family.js";
import type { Knowledge } from "../knowledge/knowledge.js";
import type { Review } from "../review/review-case.js";
import type { LetterContext } from "./context-schema.js";
import type { Regime } from "./letter-data-schema.js";
import type { LetterData } from "./letter-data.js";
import type { LetterType, Section } from "./letter-schema.js";
import { plainText } from "./plain-text.js";
import type { ChangeSearch } from "./what-could-change.js";

/** A fact only the plan can supply: a marked blank in the letter, listed as missing in the checklist. */
export interface Blank {
  /** Checklist element the blank belongs to. */
  element: number;
  label: string;
}

/** Everything a section builder reads. */
export interface Compose {
  knowledge: Knowledge;
  review: Review;
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
  /** The re-evaluations behind "what could change this decision". */
  changes: ChangeSearch;
  /** Marked blanks, in the order the letter prints them. */
  blanks: Blank[];
}

export function section(id: string, title: string, paragraphs: readonly string[]): Section {
  return { id, title, text: paragraphs.filter((p) => p.length > 0).join("\n\n") };
}

/** A context value as plain text, or a marked blank that the plan fills in (and the checklist lists). */
export function fill(c: Compose, value: string | undefined, element: number, label: string): string {
  if (value !== undefined) return plainText(value);
  c.blanks.push({ element, label });
  return `[FILL IN: ${label}]`;
}

export function bullets(items: readonly string[]): string {
  return items.map((i) => `- ${i}`).join("\n");
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A sentence: capitalised, with a final full stop. */
export function sentence(s: string): string {
  const t = capitalise(s.trim());
  return /[.!?]$/.test(t) ? t : `${t}.`;
}
