import type { Corpus, Passage } from "../corpus/store.js";
import type { CertaintyLevel, CompiledRules, DirectionValue, StrengthValue } from "./claim-rules.js";
import { levelsInField, factsOf, findCertainty, opposite, sortLevels } from "./claim-facts.js";
import { findConcepts, type ConceptSet } from "./concepts.js";
import { splitParts } from "./claim-parts.js";
import { findNumbers, type NumberFact } from "./numbers.js";
import { findMentions } from "./source-mentions.js";
import { stem } from "../util/stem.js";
import { CLAIM_STOP_WORDS } from "../util/stop-words.js";
import { tokenize } from "./tokens.js";

/** One clause of a passage: what it is about and the direction it states (or inherits from the passage). */
export interface PassageClause {
  text: string;
  concepts: ConceptSet;
  direction?: DirectionValue;
  /** Where the direction comes from: the clause's own words, or the passage's recorded direction. */
  directionFrom?: string;
}

/** What the corpus records for a passage, in the terms a claim is compared on. */
export interface PassageFacts {
  passageId: string;
  sourceId: string;
  coverage: boolean;
  concepts: ConceptSet;
  clauses: PassageClause[];
  strengths: StrengthValue[];
  strengthFrom?: string;
  certainty: CertaintyLevel[];
  certaintyFrom?: string;
  numbers: NumberFact[];
  /** Stems of the passage's text, section and structured fields: what "matching words" are found in. */
  words: ReadonlySet<string>;
  /** Sources the passage's own text speaks about ("The BMJ have no plans…"). */
  mentions: ReadonlySet<string>;
}

function recordedDirection(p: Passage, coverage: boolean, rules: CompiledRules): DirectionValue | undefined {
  switch (p.direction) {
    case "for":
    case "conditional-for":
      return coverage ? "covered" : "for";
    case "against":
    case "conditional-against":
      return coverage ? "not-covered" : "against";
    case "neutral":
      return rules.neutralPassageCue.test(p.text) ? "neutral" : undefined;
    default:
      return undefined;
  }
}

function recordedStrengths(p: Passage, coverage: boolean): StrengthValue[] {
  const field = p.strength ?? "";
  if (/^\s*UNVERIFIED/i.test(field)) return [];
  if (/strong/i.test(field)) return ["strong"];
  if (/weak|conditional/i.test(field)) return ["conditional"];
  if (!coverage && p.direction?.startsWith("conditional-")) return ["conditional"];
  return [];
}

function stemsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const t of tokenize(text)) {
    if (t.norm.length < 2 || CLAIM_STOP_WORDS.has(t.norm)) continue;
    out.add(stem(t.norm));
  }
  return out;
}

/** The fields of a passage read for concepts: analysts' notes such as "(NOT applicable to SI joint)" count as exclusions. */
function fieldsText(p: Passage, rules: CompiledRules): string {
  return [p.population, p.intervention]
    .filter((f): f is string => !!f && f !== "n/a")
    .map((f) => f.replace(rules.fieldNote, " "))
    .join(". ");
}

export function passageFacts(p: Passage, corpus: Corpus, rules: CompiledRules): PassageFacts {
  const coverage = corpus.sources.get(p.sourceId)?.type === "coverage-policy";
  const recorded = recordedDirection(p, coverage, rules);
  const clauses: PassageClause[] = [];
  for (const sentence of p.text.split(/(?<=[.?!])\s+(?=\S)/)) {
    for (const part of splitParts(sentence, [], rules)) {
      const facts = factsOf(part.text, rules);
      // A limit ("No more than two (2) diagnostic sessions") states what is covered up to it, whichever
      // side of it the analyst recorded a direction for.
      const cap = facts.numbers.find((n) => n.bound === "max" && n.unit && rules.capUnits.has(n.unit));
      const inherited = cap
        ? coverage
          ? "covered"
          : "for"
        : part.flipped && recorded
          ? opposite(recorded)
          : recorded;
      const direction = facts.direction ?? inherited;
      clauses.push({
        text: part.text,
        concepts: facts.concepts,
        ...(direction
          ? {
              direction,
              directionFrom: facts.direction
                ? `the passage's words "${facts.directionCue ?? ""}"`
                : cap
                  ? `the passage's limit "${cap.text}" ${cap.unit ?? ""}, read as ${coverage ? "covered" : "allowed"} up to it`
                  : `the direction recorded for the passage ("${p.direction ?? ""}")${part.flipped ? ", reversed for its exception" : ""}`,
            }
          : {}),
      });
    }
  }
  const fields = fieldsText(p, rules);
  const concepts = findConcepts(`${p.text}. ${fields}`, rules);
  // Every strength the passage's words name ("weakly for … strongly against" in a synthesis).
  const textStrengths = rules.strength.filter((s) => new RegExp(s.pattern.source, "i").test(p.text));
  const strengths = [
    ...new Set([...recordedStrengths(p, coverage), ...textStrengths.map((s) => s.strength)]),
  ];
  const fieldLevels = p.certainty ? levelsInField(p.certainty, rules) : [];
  const textLevels = findCertainty(p.text, rules).levels;
  const certainty = sortLevels([...fieldLevels, ...textLevels]);
  const mentions = new Set(
    findMentions(p.text, corpus, false)
      .known.flatMap((m) => m.sourceIds)
      .filter((id) => id !== p.sourceId),
  );
  return {
    passageId: p.id,
    sourceId: p.sourceId,
    coverage,
    concepts,
    clauses,
    strengths,
    ...(strengths.length
      ? {
          strengthFrom:
            p.strength && recordedStrengths(p, coverage).length
              ? `recorded as "${p.strength}"`
              : "the passage's words",
        }
      : {}),
    certainty,
    ...(certainty.length
      ? { certaintyFrom: fieldLevels.length ? `recorded as "${p.certainty ?? ""}"` : "the passage's words" }
      : {}),
    numbers: findNumbers(`${p.text}. ${fields}`, rules),
    words: stemsOf([p.text, p.section, fields].join(" ")),
    mentions,
  };
}

const cache = new WeakMap<Corpus, WeakMap<CompiledRules, Map<string, PassageFacts>>>();

/** Facts of every passage, computed once per corpus and rules. */
export function allPassageFacts(corpus: Corpus, rules: CompiledRules): Map<string, PassageFacts> {
  let byRules = cache.get(corpus);
  if (!byRules) {
    byRules = new WeakMap();
    cache.set(corpus, byRules);
  }
  let facts = byRules.get(rules);
  if (!facts) {
    facts = new Map();
    for (const p of corpus.passages.values()) facts.set(p.id, passageFacts(p, corpus, rules));
    byRules.set(rules, facts);
  }
  return facts;
}
