import type { Passage } from "../corpus/store.js";

/** Strength and direction of a recommendation, as a text claims it or as the corpus records it. */
export interface Stance {
  strength?: "strong" | "conditional";
  direction?: "for" | "against";
}

const RECOMMENDS = /\brecommend\w*|\bsupport\w*|\bendorse\w*|\b(?:strongly|weakly)[- ](?:for|against)\b/i;
const FOR =
  /\brecommends?\b(?! against| not)|\brecommended\b|\bsupports?\b|\bsupported\b|\brecommendations? (?:for|in favou?r)\b|\b(?:strongly|weakly|conditionally)[- ]for\b|\bendorse\w*/i;
const STRONG = /\bstrong(?:ly)?\b/i;
const CONDITIONAL = /\b(?:conditional(?:ly)?|weak(?:ly)?)\b/i;
const AGAINST =
  /\bagainst\b|\b(?:does|do|did) not (?:support|recommend)|\bnot (?:be )?(?:recommended|offered|supported)\b|\brecommends? not\b|\bno longer\b|\bno (?:[\w-]+ ){0,3}(?:supports?|recommends?)\b/i;

/** What a sentence claims about a recommendation; empty when it makes no such claim. */
export function claimedStance(sentence: string): Stance {
  if (!RECOMMENDS.test(sentence)) return {};
  const stance: Stance = {};
  const strong = STRONG.test(sentence);
  const conditional = CONDITIONAL.test(sentence);
  // Both words in one sentence is ambiguous (e.g. "strong against … conditional support"): no strength claim.
  if (strong !== conditional) stance.strength = strong ? "strong" : "conditional";
  if (AGAINST.test(sentence)) stance.direction = "against";
  else if (FOR.test(sentence)) stance.direction = "for";
  return stance;
}

/** What the corpus records for a passage; empty for neutral passages. */
export function recordedStance(passage: Pick<Passage, "strength" | "direction">): Stance {
  const stance: Stance = {};
  const strength = passage.strength ?? "";
  if (/strong/i.test(strength)) stance.strength = "strong";
  else if (/conditional|weak/i.test(strength) || passage.direction?.startsWith("conditional-")) {
    stance.strength = "conditional";
  }
  if (passage.direction === "for" || passage.direction === "conditional-for") stance.direction = "for";
  if (passage.direction === "against" || passage.direction === "conditional-against")
    stance.direction = "against";
  return stance;
}
