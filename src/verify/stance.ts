import type { Passage } from "../corpus/store.js";

/** Strength and direction of a recommendation as the corpus records it (read by the letters). */
export interface Stance {
  strength?: "strong" | "conditional";
  direction?: "for" | "against";
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
