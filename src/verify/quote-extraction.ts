import { VERIFY_LIMITS } from "./limits.js";
import { lineLocator, maskCode } from "./mask-code.js";
import { byCodeUnit } from "../util/code-unit-order.js";

/**
 * Finds the quotations in a text: straight "…" and curly “…” double quotes, curly ‘…’ single quotes when
 * they are clearly a quotation (not an apostrophe), and markdown block quotes (lines starting with ">").
 * Code (fenced blocks and `inline code`) is skipped. No quotation spans a blank line.
 */
export type QuoteKind = "double-straight" | "double-curly" | "single-curly" | "block";

export interface ExtractedQuote {
  /** The quoted words without the surrounding marks (block quotes: the lines joined by single spaces). */
  text: string;
  kind: QuoteKind;
  /** Offset of the first quoted character in the input (UTF-16 code units, as JavaScript counts). */
  offset: number;
  /** 1-based line of the first quoted character. */
  line: number;
  /** Longer than VERIFY_LIMITS.itemChars: counted, never checked (its text is left as found). */
  tooLong?: true;
}

/** Paragraphs as [start, end) ranges: text between blank lines. */
function paragraphs(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const re = /\n[ \t]*\n/g;
  let start = 0;
  for (const m of text.matchAll(re)) {
    ranges.push([start, m.index]);
    start = m.index + m[0].length;
  }
  ranges.push([start, text.length]);
  return ranges;
}

function pushInline(out: ExtractedQuote[], text: string, kind: QuoteKind, open: number, close: number): void {
  const inner = text.slice(open + 1, close);
  const lead = inner.length - inner.trimStart().length;
  const trimmed = inner.trim();
  if (trimmed.length === 0) return;
  // A quotation too long to check is only counted: no further pass over its text.
  if (trimmed.length > VERIFY_LIMITS.itemChars) {
    out.push({ text: trimmed, kind, offset: open + 1 + lead, line: 0, tooLong: true });
    return;
  }
  out.push({ text: trimmed.replace(/\s*\n\s*(?:>\s?)*/g, " "), kind, offset: open + 1 + lead, line: 0 });
}

function straightDoubles(masked: string, out: ExtractedQuote[]): void {
  for (const [start, end] of paragraphs(masked)) {
    let open = -1;
    for (let i = start; i < end; i++) {
      if (masked[i] !== '"') continue;
      if (open < 0) open = i;
      else {
        pushInline(out, masked, "double-straight", open, i);
        open = -1;
      }
    }
  }
}

function curlyDoubles(masked: string, out: ExtractedQuote[]): void {
  for (const [start, end] of paragraphs(masked)) {
    let open = -1;
    for (let i = start; i < end; i++) {
      const c = masked[i];
      if (c === "“") open = i;
      else if (c === "”" && open >= 0) {
        pushInline(out, masked, "double-curly", open, i);
        open = -1;
      }
    }
  }
}

const OPENING_CONTEXT = /[\s([{\-–—"“/]/;
const CLOSING_CONTEXT = /[\s.,;:!?)\]}\-–—"”/]/;

/** ‘…’ counts as a quotation only when ‘ opens after a space or bracket and ’ closes before a space or punctuation. */
function curlySingles(masked: string, out: ExtractedQuote[]): void {
  for (const [start, end] of paragraphs(masked)) {
    for (let i = start; i < end; i++) {
      if (masked[i] !== "‘") continue;
      const before = i === start ? " " : (masked[i - 1] ?? " ");
      if (!OPENING_CONTEXT.test(before)) continue;
      for (let j = i + 1; j < end; j++) {
        const c = masked[j];
        if (c === "‘") break;
        if (c !== "’") continue;
        const after = j + 1 >= end ? " " : (masked[j + 1] ?? " ");
        const prev = masked[j - 1] ?? " ";
        if (CLOSING_CONTEXT.test(after) && !/\s/.test(prev)) {
          pushInline(out, masked, "single-curly", i, j);
          i = j;
          break;
        }
      }
    }
  }
}

const BLOCK_LINE = /^ {0,3}>/;

function stripBlockMarkers(line: string): string {
  return line.replace(/^ {0,3}(?:>\s?)+/, "");
}

function blockQuotes(text: string, masked: string, out: ExtractedQuote[]): void {
  const lines = masked.split("\n");
  let offset = 0;
  let block: { offset: number; parts: string[] } | undefined;
  const flush = () => {
    if (!block) return;
    const parts = block.parts.filter((p) => p.trim().length > 0);
    // A last line such as "— Busse et al. 2025" names the source; it is not part of the quotation.
    if (parts.length > 1 && /^\s*(?:—|–|--)\s*\S/.test(parts[parts.length - 1] ?? "")) parts.pop();
    const joined = parts
      .map((p) => p.trim())
      .join(" ")
      .replace(/\*\*|__/g, "")
      .trim();
    const unquoted = joined.replace(/^["“‘](.*)["”’]$/s, "$1").trim();
    if (unquoted.length > 0)
      out.push({
        text: unquoted,
        kind: "block",
        offset: block.offset,
        line: 0,
        ...(unquoted.length > VERIFY_LIMITS.itemChars ? { tooLong: true as const } : {}),
      });
    block = undefined;
  };
  for (const line of lines) {
    if (BLOCK_LINE.test(line)) {
      const content = stripBlockMarkers(line);
      const contentOffset = offset + (line.length - content.length);
      if (!block) block = { offset: contentOffset, parts: [] };
      block.parts.push(text.slice(contentOffset, contentOffset + content.length));
    } else flush();
    offset += line.length + 1;
  }
  flush();
}

/** Every quotation in the text, in order of appearance (offset, then kind). */
export function extractQuotes(text: string): ExtractedQuote[] {
  const masked = maskCode(text);
  const inline: ExtractedQuote[] = [];
  straightDoubles(masked, inline);
  curlyDoubles(masked, inline);
  curlySingles(masked, inline);
  const blocks: ExtractedQuote[] = [];
  blockQuotes(text, masked, blocks);
  // A block quote that is one quotation in quote marks is reported once, as the block.
  const blockTexts = new Set(blocks.map((b) => b.text));
  const kept = inline.filter((q) => !blockTexts.has(q.text));
  const all = [...blocks, ...kept];
  const lineOf = lineLocator(text);
  for (const q of all) q.line = lineOf(q.offset);
  return all.sort((a, b) => a.offset - b.offset || byCodeUnit(a.kind, b.kind));
}
