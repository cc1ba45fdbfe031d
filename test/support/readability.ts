import { fleschKincaid } from "flesch-kincaid";
import { syllable } from "syllable";

/**
 * Readability of a member letter as the tests measure it: Flesch-Kincaid grade over the markdown
 * with verbatim quotations (“…”) left out and markup removed; every heading, bullet and line is
 * its own sentence, and sentences also end at . ! or ?.
 */
export function readability(markdown: string): { grade: number; words: number; sentences: number } {
  const text = markdown
    .replace(/“[^”]*”/g, " ")
    .replace(/\*\*|__|\\/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
  let sentences = 0;
  let words = 0;
  let syllables = 0;
  for (const rawLine of text.split("\n")) {
    const line = rawLine.replace(/^\s*(#+|-|\d+\.)\s*/, "").trim();
    if (!line) continue;
    for (const part of line.split(/(?<=[.!?])\s+/)) {
      const tokens = part.match(/[A-Za-z0-9][A-Za-z0-9'’-]*/g) ?? [];
      if (tokens.length === 0) continue;
      sentences += 1;
      words += tokens.length;
      for (const t of tokens) syllables += Math.max(1, syllable(t));
    }
  }
  const grade =
    sentences && words ? fleschKincaid({ sentence: sentences, word: words, syllable: syllables }) : 0;
  return { grade: Math.round(grade * 10) / 10, words, sentences };
}
