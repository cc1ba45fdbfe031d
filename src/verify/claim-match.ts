import type { CertaintyLevel, CompiledRules, DirectionValue } from "./claim-rules.js";
import { directionFamily, type TextFacts } from "./claim-facts.js";
import type { Polarity } from "./concepts.js";
import { describeBound, describeFigure, sameDimension, sameFigure, type NumberFact } from "./numbers.js";
import type { PassageFacts } from "./passage-facts.js";

export type Field =
  | "direction"
  | "strength"
  | "certainty"
  | "intervention"
  | "population"
  | "outcome"
  | "number"
  | "date"
  | "quotation"
  | "source"
  | "wording";

export interface Difference {
  field: Field;
  claimed: string;
  recorded: string;
  message: string;
}

export interface Absence {
  field: Field;
  claimed: string;
  message: string;
  /** For a concept the passage does not mention: its id (used to look for it in a sibling passage). */
  concept?: string;
}

export interface Comparison {
  passage: PassageFacts;
  /** How much of what the claim is about (its interventions) the passage is about: ranks first. */
  subject: number;
  relevance: number;
  differences: Difference[];
  absences: Absence[];
  matchedConcepts: string[];
  /** Claim concepts the passage covers only through a generic concept ("interventional procedures"). */
  genericOnly: { concept: string; generic: string }[];
  clauseDirection?: { direction: DirectionValue; from: string };
}

const WEIGHT: Record<string, number> = {
  intervention: 2,
  site: 2,
  qualifier: 1,
  population: 1,
  outcome: 1,
  topic: 0.5,
};

function fieldOf(kind: string): Field {
  if (kind === "population") return "population";
  if (kind === "outcome") return "outcome";
  return "intervention";
}

export function directionWords(d: DirectionValue): string {
  switch (d) {
    case "for":
      return "for";
    case "against":
      return "against";
    case "neutral":
      return "neither for nor against";
    case "covered":
      return "covered";
    case "not-covered":
      return "not covered";
  }
}

function levels(l: readonly CertaintyLevel[]): string {
  return l.length === 0 ? "none" : l.join(", ");
}

/** Does the passage speak of the claim's subject (one of its interventions or sites)? */
function subjectMatched(
  claim: TextFacts,
  matched: readonly string[],
  generic: readonly { concept: string }[],
  rules: CompiledRules,
): boolean {
  const subject = [...claim.concepts]
    .filter(
      ([id, p]) => p === "included" && ["intervention", "site"].includes(rules.concepts.get(id)?.kind ?? ""),
    )
    .map(([id]) => id);
  if (subject.length === 0) return true;
  return subject.some((id) => matched.includes(id) || generic.some((g) => g.concept === id));
}

/** A figure both give, bounded the other way ("at least 50%" in the claim, "less than 50%" in the passage). */
interface BoundConflict {
  claimed: NumberFact;
  recorded: NumberFact;
}

function compareNumbers(claim: NumberFact[], passage: NumberFact[], out: Comparison): BoundConflict[] {
  const conflicts: BoundConflict[] = [];
  for (const n of claim) {
    if (!n.unit) {
      if (passage.some((p) => p.value === n.value)) out.relevance += 0.5;
      else
        out.absences.push({
          field: "number",
          claimed: n.text,
          message: `the passage gives no figure ${n.text}`,
        });
      continue;
    }
    const same = passage.filter((p) => sameDimension(p, n));
    const about = n.about.length ? same.filter((p) => p.about.some((a) => n.about.includes(a))) : [];
    const near = about.length ? about : same;
    // A bounded claim ("no more than two sessions") is compared with the passage's bounded figures first.
    const bounded = n.bound ? near.filter((p) => p.bound) : [];
    const pool = bounded.length ? bounded : near;
    if (pool.length === 0) {
      if (passage.some((p) => !p.unit && p.value === n.value)) {
        out.relevance += 0.5;
        continue;
      }
      out.absences.push({
        field: "number",
        claimed: describeFigure(n),
        message: `the passage gives no figure in ${n.unit === "percent" ? "percent" : `${n.unit}s`.replace(/ss$/, "s")}`,
      });
      continue;
    }
    out.relevance += 1;
    const equal = pool.filter((p) => sameFigure(p, n));
    if (equal.length) {
      const reversed = equal.filter((p) => p.bound && n.bound && p.bound !== n.bound);
      if (reversed.length === equal.length) conflicts.push({ claimed: n, recorded: reversed[0]! });
      continue;
    }
    const recorded = [...new Set(pool.map(describeFigure))].join(", ");
    out.differences.push({
      field: "number",
      claimed: describeFigure(n),
      recorded,
      message: `the passage says ${recorded}, not ${describeFigure(n)}`,
    });
  }
  return conflicts;
}

/** Compare what a claim states with what the corpus records for one passage. */
export function comparePassage(claim: TextFacts, p: PassageFacts, rules: CompiledRules): Comparison {
  const out: Comparison = {
    passage: p,
    subject: 0,
    relevance: 0,
    differences: [],
    absences: [],
    matchedConcepts: [],
    genericOnly: [],
  };
  const has = (id: string, pol: Polarity = "included") => p.concepts.get(id) === pol;
  const label = (id: string) => rules.concepts.get(id)?.label ?? id;
  for (const [id, pol] of claim.concepts) {
    const c = rules.concepts.get(id);
    if (!c || pol === "optional") continue;
    // A generic concept ("procedures") says less about what the claim is about than a specific one.
    const generic = c.covers.length > 0 ? 0.5 : 1;
    const w = (WEIGHT[c.kind] ?? 1) * generic;
    const subject = c.kind === "intervention" && pol === "included" ? generic : 0;
    if (c.kind === "topic") {
      if (has(id) || has(id, "optional")) out.relevance += w;
      continue;
    }
    if (pol === "excluded") {
      if (has(id)) {
        out.relevance += w / 4;
        out.differences.push({
          field: fieldOf(c.kind),
          claimed: `not ${c.label}`,
          recorded: c.label,
          message: `the passage includes ${c.label}, which the claim excludes`,
        });
      } else if (has(id, "excluded")) out.relevance += w / 2;
      continue;
    }
    if (has(id)) {
      out.matchedConcepts.push(id);
      out.relevance += w;
      out.subject += subject;
      continue;
    }
    if (has(id, "optional")) {
      // "with or without X": the passage allows X but is not about it.
      out.matchedConcepts.push(id);
      out.relevance += w / 2;
      out.subject += subject / 2;
      continue;
    }
    // A passage that excludes or contradicts the claim's concept is comparable, but less relevant than one about it.
    if (has(id, "excluded")) {
      out.relevance += w / 4;
      out.differences.push({
        field: fieldOf(c.kind),
        claimed: c.label,
        recorded: `not ${c.label}`,
        message: `the passage excludes ${c.label}`,
      });
      continue;
    }
    const conflict = c.conflicts.find((x) => has(x));
    if (conflict) {
      out.relevance += w / 4;
      out.differences.push({
        field: fieldOf(c.kind),
        claimed: c.label,
        recorded: label(conflict),
        message: `the passage is about ${label(conflict)}, not ${c.label}`,
      });
      continue;
    }
    const cover = [...p.concepts].find(
      ([g, gp]) => gp !== "excluded" && (rules.concepts.get(g)?.covers ?? []).includes(id),
    );
    if (cover) {
      out.relevance += w / 2;
      out.subject += subject / 2;
      out.genericOnly.push({ concept: id, generic: cover[0] });
      continue;
    }
    if (c.covers.some((x) => has(x))) {
      // A generic claim ("these procedures") is about whatever specific procedure the passage names.
      out.matchedConcepts.push(id);
      out.relevance += w;
      out.subject += subject;
      continue;
    }
    out.absences.push({
      field: fieldOf(c.kind),
      claimed: c.label,
      message: `the passage does not mention ${c.label}`,
      concept: id,
    });
  }
  // A passage about more interventions than the claim names is a looser fit (a tie-break, capped).
  const extra = [...p.concepts].filter(
    ([id, pol]) =>
      pol === "included" &&
      rules.concepts.get(id)?.kind === "intervention" &&
      (rules.concepts.get(id)?.covers.length ?? 0) === 0 &&
      !claim.concepts.has(id),
  ).length;
  out.relevance -= Math.min(1, extra * 0.25);
  if (!subjectMatched(claim, out.matchedConcepts, out.genericOnly, rules)) return out;

  const numberStart = out.differences.length;
  const conflicts = compareNumbers(claim.numbers, p.numbers, out);
  const numberDifferences = out.differences.splice(numberStart);
  // "Not covered when relief is less than 50%" states the rule "covered when at least 50%" the other way round.
  let complementary = false;
  if (claim.direction) {
    const claimed = claim.direction;
    const withDirection = p.clauses.filter((c) => c.direction);
    if (withDirection.length === 0) {
      out.absences.push({
        field: "direction",
        claimed: directionWords(claimed),
        message: "the passage states no direction (it is neither a recommendation nor a coverage decision)",
      });
    } else {
      const overlap = (cl: (typeof withDirection)[number]) =>
        [...claim.concepts].filter(([id, pol]) => pol === "included" && cl.concepts.get(id) === "included")
          .length;
      const best = Math.max(...withDirection.map(overlap));
      const closest = withDirection.filter((c) => overlap(c) === best);
      const agreeing = closest.find((c) => directionFamily(c.direction!) === directionFamily(claimed));
      const chosen = agreeing ?? closest[0]!;
      out.relevance += 1;
      out.clauseDirection = { direction: chosen.direction!, from: chosen.directionFrom ?? "" };
      if (!agreeing && chosen.direction === "neutral" && !claim.consistency) {
        // "No consistency for or against" does not deny that some recommendations go one way; it
        // contradicts only a claim that the evidence agrees.
        out.absences.push({
          field: "direction",
          claimed: directionWords(claimed),
          message: `the passage records no consistent direction (${chosen.directionFrom ?? ""}), so it does not establish a recommendation ${directionWords(claimed)}`,
        });
      } else if (!agreeing && conflicts.length > 0 && chosen.direction !== "neutral") {
        complementary = true;
        out.relevance -= 0.5;
      } else if (!agreeing) {
        out.differences.push({
          field: "direction",
          claimed: directionWords(claimed),
          recorded: directionWords(chosen.direction!),
          message: `the passage says ${directionWords(chosen.direction!)} (${chosen.directionFrom ?? ""}), not ${directionWords(claimed)}`,
        });
      }
    }
  }
  if (claim.strength) {
    if (p.strengths.length === 0) {
      out.absences.push({
        field: "strength",
        claimed: claim.strength,
        message: "the passage records no strength of recommendation",
      });
    } else {
      out.relevance += 1;
      if (!p.strengths.includes(claim.strength)) {
        out.differences.push({
          field: "strength",
          claimed: claim.strength,
          recorded: p.strengths.join(", "),
          message: `the passage says a ${p.strengths.join(" or ")} recommendation (${p.strengthFrom ?? ""}), not ${claim.strength}`,
        });
      }
    }
  }
  if (claim.certainty.length) {
    if (p.certainty.length === 0) {
      out.absences.push({
        field: "certainty",
        claimed: levels(claim.certainty),
        message: "the corpus records no verified certainty of evidence for the passage",
      });
    } else {
      out.relevance += 1;
      const missing = claim.certainty.filter((l) => !p.certainty.includes(l));
      if (missing.length) {
        out.differences.push({
          field: "certainty",
          claimed: levels(claim.certainty),
          recorded: levels(p.certainty),
          message: `the passage says ${levels(p.certainty)} certainty (${p.certaintyFrom ?? ""}), not ${levels(missing)}`,
        });
      }
    }
  }
  out.differences.push(...numberDifferences);
  if (!complementary) {
    for (const c of conflicts) {
      out.differences.push({
        field: "number",
        claimed: describeBound(c.claimed),
        recorded: describeBound(c.recorded),
        message: `the passage says ${describeBound(c.recorded)}, not ${describeBound(c.claimed)}`,
      });
    }
  }
  return out;
}
