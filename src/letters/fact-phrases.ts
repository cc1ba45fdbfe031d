import type { FactValue } from "../engine/evaluation-schema.js";
import type { Fact } from "../families/family-schema.js";

/*
 * Plain-language statements of documented case facts, from each fact's phrase in the family's
 * facts.json. Values are restated as documented (a range stays a range); a fact the case does not
 * document (null) yields nothing, never a guess.
 */

function item(fact: Fact, value: unknown): string {
  const percent = fact.unit === "percent" ? "%" : "";
  if (Array.isArray(value)) return `${value.map(String).join("-")}${percent}`;
  if (typeof value === "string") return fact.itemLabels?.[value] ?? value;
  return `${String(value)}${percent}`;
}

function template(fact: Fact, value: FactValue): string | undefined {
  const phrase = fact.phrase;
  if (phrase === undefined || typeof phrase === "string") return phrase;
  if (typeof value === "number") return phrase[value === 1 ? "one" : "other"];
  return phrase[String(value)];
}

/** The plain statement of one documented fact, or undefined when it is not documented or has no phrase. */
export function factPhrase(fact: Fact | undefined, value: FactValue): string | undefined {
  if (!fact || value === null) return undefined;
  if (fact.type === "number" && Array.isArray(value)) {
    // A count that dates cannot settle, as a range.
    const text = typeof fact.phrase === "string" ? fact.phrase : fact.phrase?.other;
    return text?.replace("{value}", value.map(String).join(" to "));
  }
  const text = template(fact, value);
  if (text === undefined) return undefined;
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    const separator = fact.type === "string-list" ? ", " : " and ";
    return text.replace("{items}", value.map((v) => item(fact, v)).join(separator));
  }
  return text.replace("{value}", String(value));
}

/** The distinct plain statements for a set of facts, in the order given (each fact once). */
export function factPhrases(
  facts: ReadonlyMap<string, Fact>,
  entries: Iterable<[string, FactValue]>,
): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const [name, value] of entries) {
    if (seen.has(name)) continue;
    seen.add(name);
    const phrase = factPhrase(facts.get(name), value);
    if (phrase) out.push(phrase);
  }
  return out;
}
