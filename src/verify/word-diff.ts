import type { Token } from "./tokens.js";

/**
 * Word-level alignment of a quotation against a passage: the quotation must be used whole, the passage
 * only from the best-fitting stretch (a "fitting" alignment). Words the quotation leaves out at an
 * ellipsis are elisions, not differences.
 */
export type DiffOp =
  | { op: "equal"; passage: string; quote: string }
  | { op: "changed"; passage: string; quote: string }
  | { op: "quote-only"; quote: string }
  | { op: "passage-only"; passage: string }
  | { op: "elided"; passage: string };

export interface Alignment {
  /** Index range [first, last] of the passage tokens the quotation aligns to. */
  passageFrom: number;
  passageTo: number;
  /** Words equal after normalisation. */
  matched: number;
  /** Passage words inside the stretch that the quotation skips at an ellipsis. */
  elided: number;
  /** Aligned [quote index, passage index] pairs, in order (equal or changed words). */
  pairs: [number, number][];
  ops: DiffOp[];
}

const MATCH = 2;
const MISMATCH = -1;
const GAP = -1;

type Step = "diag" | "up" | "left" | "left-free" | "start";

/** Best fitting alignment of quote tokens q against passage tokens p (O(|q|·|p|)). */
export function alignWords(q: Token[], p: Token[]): Alignment | undefined {
  const n = q.length;
  const m = p.length;
  if (n === 0 || m === 0) return undefined;
  const score: Float64Array[] = [];
  const step: Step[][] = [];
  for (let i = 0; i <= n; i++) {
    score.push(new Float64Array(m + 1));
    step.push(new Array<Step>(m + 1).fill("start"));
  }
  for (let i = 1; i <= n; i++) {
    const row = score[i]!;
    const up = score[i - 1]!;
    row[0] = up[0]! + GAP;
    step[i]![0] = "up";
    // Skipping passage words after quote word i is free when the quotation has an ellipsis there.
    const freeSkip = i < n && q[i]!.afterEllipsis;
    for (let j = 1; j <= m; j++) {
      const same = q[i - 1]!.norm === p[j - 1]!.norm;
      const diag = up[j - 1]! + (same ? MATCH : MISMATCH);
      const fromUp = up[j]! + GAP;
      const fromLeft = row[j - 1]! + (freeSkip ? 0 : GAP);
      let best = diag;
      let s: Step = "diag";
      if (fromUp > best) {
        best = fromUp;
        s = "up";
      }
      if (fromLeft > best) {
        best = fromLeft;
        s = freeSkip ? "left-free" : "left";
      }
      row[j] = best;
      step[i]![j] = s;
    }
  }
  let endJ = 1;
  const last = score[n]!;
  for (let j = 1; j <= m; j++) if (last[j]! > last[endJ]!) endJ = j;

  const reversed: DiffOp[] = [];
  let i = n;
  let j = endJ;
  let matched = 0;
  let elided = 0;
  let firstJ = endJ;
  const pairs: [number, number][] = [];
  while (i > 0) {
    const s = j === 0 ? "up" : step[i]![j]!;
    if (s === "diag") {
      const qt = q[i - 1]!;
      const pt = p[j - 1]!;
      if (qt.norm === pt.norm) {
        matched++;
        reversed.push({ op: "equal", passage: pt.raw, quote: qt.raw });
      } else reversed.push({ op: "changed", passage: pt.raw, quote: qt.raw });
      firstJ = j;
      pairs.push([i - 1, j - 1]);
      i--;
      j--;
    } else if (s === "up") {
      reversed.push({ op: "quote-only", quote: q[i - 1]!.raw });
      i--;
    } else {
      if (s === "left-free") {
        elided++;
        reversed.push({ op: "elided", passage: p[j - 1]!.raw });
      } else reversed.push({ op: "passage-only", passage: p[j - 1]!.raw });
      j--;
    }
  }
  return {
    passageFrom: firstJ - 1,
    passageTo: endJ - 1,
    matched,
    elided,
    pairs: pairs.reverse(),
    ops: mergeOps(reversed.reverse()),
  };
}

/** Merge neighbouring operations of the same kind into runs of words. */
function mergeOps(ops: DiffOp[]): DiffOp[] {
  const out: DiffOp[] = [];
  for (const op of ops) {
    const prev = out[out.length - 1];
    if (prev && prev.op === op.op) {
      if ("passage" in prev && "passage" in op) prev.passage = `${prev.passage} ${op.passage}`;
      if ("quote" in prev && "quote" in op) prev.quote = `${prev.quote} ${op.quote}`;
    } else out.push({ ...op });
  }
  return out;
}

/** Compact rendering: equal words plain, [-passage words-] and {+quotation words+}, (…elided…). */
export function renderDiff(ops: DiffOp[]): string {
  return ops
    .map((op) => {
      switch (op.op) {
        case "equal":
          return op.quote;
        case "changed":
          return `[-${op.passage}-]{+${op.quote}+}`;
        case "quote-only":
          return `{+${op.quote}+}`;
        case "passage-only":
          return `[-${op.passage}-]`;
        case "elided":
          return `(…${op.passage}…)`;
      }
    })
    .join(" ");
}
