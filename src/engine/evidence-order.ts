import type { Profile } from "../families/profile-schema.js";

const UNRANKED = Number.MAX_SAFE_INTEGER;

export function sourceIdOf(passageId: string): string {
  const hash = passageId.indexOf("#");
  return hash < 0 ? passageId : passageId.slice(0, hash);
}

/**
 * Sort key of evidence lists: the policy's evidence tier of the passage's source (most
 * authoritative first; unranked sources last), then the passage id.
 */
export function byEvidenceRank(profile: Profile): (a: string, b: string) => number {
  const tierOf = new Map<string, number>();
  for (const tier of profile.evidenceRanking)
    for (const source of tier.sources) tierOf.set(source, tier.tier);
  return (a, b) => {
    const ta = tierOf.get(sourceIdOf(a)) ?? UNRANKED;
    const tb = tierOf.get(sourceIdOf(b)) ?? UNRANKED;
    if (ta !== tb) return ta - tb;
    return a < b ? -1 : a > b ? 1 : 0;
  };
}
