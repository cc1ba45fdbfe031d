import { lineLocator, maskCode } from "./mask-code.js";

/**
 * Sentences for the attribution heuristic. Each line is a unit (markdown bullets, heading marks and
 * block-quote marks removed), split further at sentence ends: ". " followed by a capital or an opening mark.
 */
export interface Sentence {
  text: string;
  offset: number;
  line: number;
}

const LINE_PREFIX = /^[ \t]*(?:(?:>[ \t]?)+|#{1,6}[ \t]+|(?:[-*+]|\d{1,3}[.)])[ \t]+)*/;
const ABBREVIATION =
  /(?:\bet al|\be\.g|\bi\.e|\bvs|\bDr|\bMr|\bMs|\bMrs|\bFig|\bNo|\bapprox|\bU\.S|\bp|\bpp|\bVol|\bSt|\bInc|\bLtd|\bCo)\.$/;
const BOUNDARY = /[.!?]["”’)\]]*\s+(?=["“‘(]?[A-Z])/g;

export function splitSentences(text: string): Sentence[] {
  const masked = maskCode(text);
  const lineOf = lineLocator(text);
  const out: Sentence[] = [];
  let lineStart = 0;
  for (const rawLine of masked.split("\n")) {
    const prefix = LINE_PREFIX.exec(rawLine)?.[0] ?? "";
    const body = rawLine.slice(prefix.length);
    const bodyOffset = lineStart + prefix.length;
    let start = 0;
    const push = (end: number) => {
      const piece = text.slice(bodyOffset + start, bodyOffset + end);
      const lead = piece.length - piece.trimStart().length;
      const trimmed = piece.trim();
      if (trimmed.length > 0) {
        const offset = bodyOffset + start + lead;
        out.push({ text: trimmed, offset, line: lineOf(offset) });
      }
    };
    for (const m of body.matchAll(BOUNDARY)) {
      const end = m.index + m[0].trimEnd().length;
      if (ABBREVIATION.test(body.slice(Math.max(0, m.index - 12), m.index + 1))) continue;
      push(end);
      start = m.index + m[0].length;
    }
    push(body.length);
    lineStart += rawLine.length + 1;
  }
  return out;
}
