import type { Profile } from "../families/profile-schema.js";

const UNRANKED = Number.MAX_SAFE_INTEGER;

export function sourceIdOf(passageId: string): string {
  const hash = passageId.indexOf("#");
  return hash < 0 ? passageId : passageId.slice(0, hash);
}

const orders = new WeakMap<Profile, (a: string, b: string) => number>();

/**
 * Sort key of evidence lists: the policy's evidence tier of the passage's source (most
 * authoritative first; unranked sources last), then the passage id. One comparator per loaded
 * profile; the passage ids it sorts are the profile's own (its pathways and criteria), so the
 * tiers it has looked up stay few.
 */
export function byEvidenceRank(profile: Profile): (a: string, b: string) => number {
  const existing = orders.get(profile);
  if (existing) return existing;
  const tierOf = new Map<string, number>();
  for (const tier of profile.evidenceRanking)
    for (const source of tier.sources) tierOf.set(source, tier.tier);
  const passageTier = new Map<string, number>();
  const tier = (passageId: string): number => {
    let t = passageTier.get(passageId);
    if (t === undefined) passageTier.set(passageId, (t = tierOf.get(sourceIdOf(passageId)) ?? UNRANKED));
    return t;
  };
  const order = (a: string, b: string): number => {
    const ta = tier(a);
    const tb = tier(b);
    if (ta !== tb) return ta - tb;
    return a < b ? -1 : a > b ? 1 : 0;
  };
  orders.set(profile, order);
  return order;
}
