/**
 * Strings in code-unit order, the same on every machine. `localeCompare` without a locale follows
 * the process's ICU default locale (from LANG and friends) and its collation ignores punctuation at
 * first, so the order of ids such as "a-b" and "ab" would depend on where the server runs, and every
 * call pays for the collator.
 */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
