import { describe, expect, it } from "vitest";
import { extractQuotes } from "../../../src/verify/quote-extraction.js";

describe("extractQuotes", () => {
  it("finds straight, curly double and curly single quotations with their offsets and lines", () => {
    const text = 'One "straight words here".\nTwo “curly words here” and ‘single words here’.';
    const quotes = extractQuotes(text);
    expect(quotes.map((q) => [q.kind, q.text, q.line])).toEqual([
      ["double-straight", "straight words here", 1],
      ["double-curly", "curly words here", 2],
      ["single-curly", "single words here", 2],
    ]);
    for (const q of quotes) expect(text.slice(q.offset, q.offset + q.text.length)).toBe(q.text);
  });

  it("does not take apostrophes or possessives for single quotations", () => {
    expect(extractQuotes("It’s the patient’s choice; the reviewers’ notes don’t count.")).toEqual([]);
  });

  it("joins markdown block quote lines and leaves out a closing attribution line", () => {
    const quotes = extractQuotes(
      "Intro\n> first line of the quote\n> second line\n> — Someone 2020\n\nAfter",
    );
    expect(quotes).toEqual([
      { text: "first line of the quote second line", kind: "block", offset: 8, line: 2 },
    ]);
  });

  it("reports a block quote that is one quotation in quote marks once", () => {
    const quotes = extractQuotes("> “whole block in curly marks”\n");
    expect(quotes.map((q) => [q.kind, q.text])).toEqual([["block", "whole block in curly marks"]]);
  });

  it("skips fenced code and inline code", () => {
    expect(extractQuotes('```\n"in a fence"\n```\nand `"inline"` too')).toEqual([]);
  });

  it("never pairs quotation marks across a blank line", () => {
    expect(extractQuotes('An open " mark\n\nand another " later')).toEqual([]);
  });

  it("keeps a quotation wrapped over two lines as one", () => {
    expect(extractQuotes('He said "words that\nwrap" then').map((q) => q.text)).toEqual(["words that wrap"]);
  });
});
