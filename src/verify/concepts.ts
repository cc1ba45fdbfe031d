import type { CompiledRules } from "./claim-rules.js";
import { conceptText } from "./match-text.js";

/** How a text mentions a concept: as what it is about, as what it excludes, or as an option. */
export type Polarity = "included" | "excluded" | "optional";

export type ConceptSet = Map<string, Polarity>;

function polarityBefore(before: string, rules: CompiledRules, intervention: boolean): Polarity {
  // The clause so far: scoped negations may run across commas, options stop at them.
  const clause = before.slice(before.lastIndexOf("|") + 1);
  const phrase = clause.slice(clause.lastIndexOf(",") + 1).trimEnd();
  if (rules.negation.optional.test(phrase)) return "optional";
  if (intervention && rules.negation.directive.test(phrase)) return "included";
  if (rules.negation.immediate.test(phrase)) return "excluded";
  if (rules.negation.scoped.test(clause.trimEnd())) return "excluded";
  return "included";
}

function merge(set: ConceptSet, id: string, polarity: Polarity): void {
  const old = set.get(id);
  if (old === "included" || old === polarity) return;
  if (polarity === "included" || old === undefined) set.set(id, polarity);
  else if (polarity === "optional") set.set(id, "optional");
}

/** The concepts a text mentions, with how it mentions each (included wins over optional over excluded). */
export function findConcepts(text: string, rules: CompiledRules): ConceptSet {
  const norm = conceptText(text);
  const out: ConceptSet = new Map();
  for (const concept of rules.concepts.values()) {
    const intervention = concept.kind === "intervention";
    for (const m of norm.matchAll(concept.termPattern)) {
      merge(out, concept.id, polarityBefore(norm.slice(0, m.index), rules, intervention));
    }
    for (const pattern of concept.rawPatterns) {
      for (const m of text.matchAll(pattern)) {
        merge(out, concept.id, polarityBefore(conceptText(text.slice(0, m.index)), rules, intervention));
      }
    }
  }
  return out;
}

/** Concepts mentioned as what the text is about. */
export function included(set: ConceptSet): string[] {
  return [...set].filter(([, p]) => p === "included").map(([id]) => id);
}
