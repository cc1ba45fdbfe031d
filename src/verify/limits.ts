/**
 * What one verifyCitations call checks at most, so that its work and its answer stay bounded for any
 * text the input schema accepts (200,000 characters). A text is checked in order of appearance up to the
 * first quotation or sentence beyond a cap; everything from there on is counted as not checked, never
 * dropped silently, and the answer tells the reviewer to split the text.
 */
export const VERIFY_LIMITS = {
  /** Quotations checked per call. */
  quotations: 100,
  /** Sentences judged per call: attributed sentences, and other sentences that raise a source issue. */
  sentences: 100,
  /** Sentences read per call (most are neither attributed nor raise an issue, and cost little). */
  sentencesRead: 2_000,
  /**
   * A quotation or sentence longer than this is not checked (the longest corpus passage is under 700
   * characters, so a longer quotation cannot be verbatim; a longer "sentence" is not one).
   */
  itemChars: 1_000,
  /**
   * Characters of findings (their JSON) the full view lists, in order of appearance: the rest were
   * checked and are counted, but not listed (so the full view stays within its 25,000-token budget).
   */
  fullViewChars: 50_000,
  /** Passages listed with their citation for one verbatim quotation; further ones by id only. */
  verbatimMatchesListed: 3,
  /** Failing quotations, failing claims and source issues each listed in the summary view at most (the full view lists all). */
  summaryListed: 10,
  /** Characters (JSON) of each of those three lists in the summary view at most. */
  summaryListChars: 6_000,
} as const;

export interface NotChecked {
  quotations: number;
  sentences: number;
  tooLong: number;
  fromLine?: number;
}

/** One sentence that says what was not checked and what to do. */
export function notCheckedMessage(n: NotChecked): string {
  const parts: string[] = [];
  if (n.fromLine !== undefined)
    parts.push(
      `one call checks at most ${VERIFY_LIMITS.quotations} quotations and ${VERIFY_LIMITS.sentences} attributed sentences, and reads at most ${VERIFY_LIMITS.sentencesRead.toLocaleString("en-US")} sentences, so nothing from line ${n.fromLine} on was checked`,
    );
  if (n.tooLong > 0)
    parts.push(
      `${n.tooLong} quotation(s) or sentence(s) longer than ${VERIFY_LIMITS.itemChars.toLocaleString("en-US")} characters were not checked`,
    );
  return `NOT CHECKED: ${n.quotations} quotation(s) and ${n.sentences} sentence(s); ${parts.join("; ")}. Split the text into smaller parts (and long quotations or sentences into shorter ones) and check each part; until then the check is incomplete and nothing beyond it counts as verified.`;
}
