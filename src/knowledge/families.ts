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
   * The version of a family's profile that applies: the newest one. (A date of service does not yet
   * choose among versions: every profile has one version.)
   */
  profileVersion(family: Family, profileId: string): LoadedProfile | undefined {
    const versions = family.profiles.get(profileId);
    return versions?.[versions.length - 1];
  }
}
