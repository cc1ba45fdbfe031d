import type { HcpcsRelease, Icd10cmRelease } from "./release-manifest.js";

/**
 * How a release fits the date of service it answers for:
 * - in-force: the date falls inside the release's window
 * - outside: no shipped release of the system covers the date; the nearest one answers
 * - no-date: no date of service was given; the newest shipped release answers
 */
export type DateFit = "in-force" | "outside" | "no-date";

/** The release of one code system chosen for a date of service, with one plain sentence saying so. */
export interface ReleaseFit {
  label: string;
  inForceFrom: string;
  inForceTo: string;
  fit: DateFit;
  /** For `outside`: whether the date of service is before or after the release's window. */
  side?: "before" | "after";
  note: string;
}

/** The releases chosen for a date of service (dates are inputs: no clock is read). */
export interface CodeDating {
  dateOfService: string | null;
  icd10cm: ReleaseFit;
  hcpcs: ReleaseFit;
}

interface Windowed {
  inForceFrom: string;
  inForceTo: string;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date (calendar arithmetic only). */
function dayNumber(iso: string): number {
  const [y = 0, m = 1, d = 1] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/**
 * Index of the release whose window holds the date, else of the nearest window (ties: the newer),
 * else (no date) of the newest. `releases` are oldest first.
 */
export function chooseRelease(
  releases: readonly Windowed[],
  date: string | undefined,
): { index: number; fit: DateFit; side?: "before" | "after" } {
  const newest = releases.length - 1;
  if (date === undefined) return { index: newest, fit: "no-date" };
  const inside = releases.findIndex((r) => r.inForceFrom <= date && date <= r.inForceTo);
  if (inside >= 0) return { index: inside, fit: "in-force" };
  const day = dayNumber(date);
  let best = newest;
  let bestDistance = Infinity;
  releases.forEach((r, i) => {
    const distance = date < r.inForceFrom ? dayNumber(r.inForceFrom) - day : day - dayNumber(r.inForceTo);
    if (distance <= bestDistance) {
      best = i;
      bestDistance = distance;
    }
  });
  const chosen = releases[best];
  return { index: best, fit: "outside", side: chosen && date < chosen.inForceFrom ? "before" : "after" };
}

function icdNote(r: Icd10cmRelease, date: string | undefined, fit: DateFit, several: boolean): string {
  const window = `${r.inForceFrom} to ${r.inForceTo}`;
  if (fit === "no-date")
    return `No date of service given: ${r.label} (in force ${window}), the newest shipped ICD-10-CM release, is used.`;
  if (fit === "in-force")
    return `${r.label} (in force ${window}) is the release in force on the date of service ${date}.`;
  const nearest = several
    ? " (no shipped release covers that date; this is the nearest)"
    : " (no shipped release covers that date)";
  return `${r.label} was in force ${window}; the date of service ${date} is outside it: codes valid then may differ${nearest}.`;
}

function hcpcsNote(
  r: HcpcsRelease,
  date: string | undefined,
  fit: DateFit,
  side: "before" | "after" | undefined,
): string {
  const what = `the CMS annual file for ${r.year}${r.fileDate ? `, dated ${r.fileDate}` : ""}`;
  if (fit === "no-date")
    return `No date of service given: ${r.label} (${what}), the newest shipped HCPCS file, is used.`;
  if (fit === "in-force")
    return `${r.label} (${what}) covers the date of service ${date}; changes made during ${r.year} may be missing from it.`;
  if (side === "before")
    return `${r.label} is ${what}; the date of service ${date} is before it: a code it lists may not have existed then (see its added date).`;
  return `${r.label} is ${what}; the date of service ${date} is after it: codes added, revised or terminated since are not in it.`;
}

/** The ICD-10-CM and HCPCS releases that answer for a date of service (or, without one, the newest). */
export function datingFor(
  icd10cm: readonly Icd10cmRelease[],
  hcpcs: readonly HcpcsRelease[],
  date: string | undefined,
): { icdIndex: number; hcpcsIndex: number; dating: CodeDating } {
  const icdChoice = chooseRelease(icd10cm, date);
  const hcpcsChoice = chooseRelease(hcpcs, date);
  const icd = icd10cm[icdChoice.index];
  const file = hcpcs[hcpcsChoice.index];
  if (!icd || !file) throw new Error("no shipped code-set release");
  const fit = (
    r: Windowed & { label: string },
    choice: ReturnType<typeof chooseRelease>,
    note: string,
  ): ReleaseFit => ({
    label: r.label,
    inForceFrom: r.inForceFrom,
    inForceTo: r.inForceTo,
    fit: choice.fit,
    ...(choice.side ? { side: choice.side } : {}),
    note,
  });
  return {
    icdIndex: icdChoice.index,
    hcpcsIndex: hcpcsChoice.index,
    dating: {
      dateOfService: date ?? null,
      icd10cm: fit(icd, icdChoice, icdNote(icd, date, icdChoice.fit, icd10cm.length > 1)),
      hcpcs: fit(file, hcpcsChoice, hcpcsNote(file, date, hcpcsChoice.fit, hcpcsChoice.side)),
    },
  };
}
