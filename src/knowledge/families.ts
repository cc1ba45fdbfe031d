import { normalizeCode } from "../codes/code-shapes.js";
import type { Family, LoadedProfile } from "../families/load-family.js";

/** The loaded procedure families, and the questions a review asks of them. */
export class Families {
  private readonly byId: ReadonlyMap<string, Family>;

  constructor(readonly list: readonly Family[]) {
    this.byId = new Map(list.map((f) => [f.id, f]));
  }

  get(id: string): Family | undefined {
    return this.byId.get(id);
  }

  /** Every profile id some family declares, sorted. */
  profileIds(): string[] {
    return [...new Set(this.list.flatMap((f) => [...f.profiles.keys()]))].sort();
  }

  /** The default profile of the first family (what a request without `policy` gets, unless its family says otherwise). */
  defaultProfile(): string {
    return this.list[0]?.data.defaultProfile ?? "";
  }

  /** The family whose service groups list a code (dots and case ignored). */
  familyOf(code: string): Family | undefined {
    const bare = normalizeCode(code).bare;
    return this.list.find((f) =>
      f.data.groups.some((g) => g.codes.some((c) => normalizeCode(c.code).bare === bare)),
    );
  }

  /**
   * The versions of a family's profile a review uses: the one in force on the date of service (the
   * newest whose effective date is on or before it; without a date, the newest), and the newest.
   * `inForce` is undefined when the date of service precedes every version.
   */
  profileVersion(
    family: Family,
    profileId: string,
    dateOfService?: string,
  ): { inForce?: LoadedProfile; newest: LoadedProfile } | undefined {
    const versions = family.profiles.get(profileId);
    const newest = versions?.[versions.length - 1];
    if (!versions || !newest) return undefined;
    if (dateOfService === undefined) return { inForce: newest, newest };
    const inForce = [...versions].reverse().find((v) => v.profile.effectiveDate <= dateOfService);
    return inForce ? { inForce, newest } : { newest };
  }
}
