import type { CompiledRules } from "./claim-rules.js";
import type { Span } from "./match-text.js";

/** One claim of a sentence that makes several ("ACR strongly recommends against X 1, and while Y …"). */
export interface ClaimPart {
  text: string;
  /** Offset in the sentence. */
  start: number;
  /** True after "except …": the part states the opposite direction of the part before it. */
  flipped: boolean;
}

/** Bounded work: a sentence is split into at most this many claims; the rest stays in the last one. */
export const MAX_PARTS = 8;

interface Cut {
  end: number;
  next: number;
  flip: boolean;
}

/**
 * Split a sentence into its claims: after a citation marker inside the sentence, at the clause breaks of
 * the rules (";", ", but", ", while", ", and recommends", ", except"), and after a leading "While …,".
 */
export function splitParts(sentence: string, markers: readonly Span[], rules: CompiledRules): ClaimPart[] {
  const cuts: Cut[] = [];
  // Parenthesis depth at each offset: clause breaks inside parentheses do not end a claim.
  const depth: number[] = [];
  let d = 0;
  for (const ch of sentence) {
    if (ch === "(" || ch === "[") d++;
    for (let i = 0; i < ch.length; i++) depth.push(d);
    if ((ch === ")" || ch === "]") && d > 0) d--;
  }
  for (const m of markers) {
    // A marker ends a claim when a comma or semicolon follows it ("… spondyloarthropathy 1, and while …");
    // "Source (Busse et al. 2025): …" is a label, not the end of a claim.
    const gap = /^\s*[,;][\s,;]*/.exec(sentence.slice(m.end))?.[0].length ?? 0;
    if (gap > 0 && /\p{L}/u.test(sentence.slice(m.end + gap)))
      cuts.push({ end: m.end, next: m.end + gap, flip: false });
  }
  for (const b of rules.breaks) {
    for (const m of sentence.matchAll(b.pattern)) {
      if (m.index === 0 || (depth[m.index] ?? 0) > 0) continue;
      cuts.push({ end: m.index, next: m.index + m[0].length, flip: b.flipsDirection });
    }
  }
  const lead = rules.leadingSubordinate.exec(sentence);
  if (lead) {
    const comma = lead[0].lastIndexOf(",");
    cuts.push({ end: comma, next: lead[0].length, flip: false });
  }
  cuts.sort((a, b) => a.end - b.end || a.next - b.next);
  const parts: ClaimPart[] = [];
  let start = 0;
  let flipped = false;
  const push = (end: number) => {
    const raw = sentence.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (/\p{L}/u.test(text)) parts.push({ text, start: start + lead, flipped });
  };
  for (const cut of cuts) {
    if (cut.end < start) continue;
    if (parts.length >= MAX_PARTS - 1) break;
    push(cut.end);
    start = cut.next;
    flipped = cut.flip;
  }
  push(sentence.length);
  return parts;
}
