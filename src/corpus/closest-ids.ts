/** Edit distance (Levenshtein) between two strings. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Longest id the corpus has or accepts (the tools' schemas bound ids to it). */
export const MAX_ID_CHARS = 200;

/**
 * The known ids nearest to `wanted`: ids containing it (or contained in it) first, then by edit
 * distance, ties by id. Deterministic. Bounded in cost: only the first MAX_ID_CHARS characters of
 * `wanted` are compared (no id is longer), so one call costs at most 200 × (id length) per id.
 */
export function closestIds(wanted: string, known: Iterable<string>, count = 3): string[] {
  const needle = wanted.slice(0, MAX_ID_CHARS).toLowerCase();
  return [...known]
    .map((id) => {
      const hay = id.toLowerCase();
      const contains = needle.length > 0 && (hay.includes(needle) || needle.includes(hay));
      return { id, rank: contains ? 0 : 1, d: distance(needle, hay) };
    })
    .sort((x, y) => x.rank - y.rank || x.d - y.d || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
    .slice(0, count)
    .map((x) => x.id);
}
