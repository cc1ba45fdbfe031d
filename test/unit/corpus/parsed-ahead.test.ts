import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DataParser } from "../../../src/corpus/parsed-ahead.js";
import type { ParsedAheadTable } from "../../../src/corpus/parsed-ahead.js";
import { SHIPPED_FAMILIES } from "../../../src/families/shipped.js";
import { loadKnowledge } from "../../../src/knowledge/knowledge.js";
import type { Knowledge } from "../../../src/knowledge/knowledge.js";
import { CORPUS_DIR } from "../../support/knowledge.js";

function load(options: Parameters<typeof loadKnowledge>[2]): Knowledge {
  const { knowledge, problems } = loadKnowledge(CORPUS_DIR, SHIPPED_FAMILIES, options);
  if (!knowledge) throw new Error(problems.join("\n"));
  return knowledge;
}

/** The knowledge's data (its functions, such as the code-table reader, are new closures on every load). */
function loaded(k: Knowledge) {
  const { sources, passages, origins } = k.corpus;
  return {
    version: k.version,
    corpus: { sources, passages, origins },
    families: k.families.list,
    letters: k.letters,
    rules: k.claimRules,
  };
}

/** A table as the bundle step writes it (tools/bundle-server.ts), JSON and back as the bundle carries it. */
function recorded(): ParsedAheadTable {
  const record: ParsedAheadTable = {};
  load({ record });
  return JSON.parse(JSON.stringify(record)) as ParsedAheadTable;
}

const LETTERS_FILE = "letters/member-wording.json";
const SHIPPED_WORDING = "the pain has lasted at least 3 months";

describe("corpus files parsed ahead by the build", () => {
  it("give the same knowledge as parsing every file with zod", () => {
    const table = recorded();
    // Every JSON file the start reads, but the manifest (the root of the check) and the ICD notes (read on first use).
    expect(Object.keys(table).length).toBeGreaterThan(30);
    expect(table[LETTERS_FILE]).toBeDefined();
    expect(loaded(load({ parsedAhead: table }))).toEqual(loaded(load({})));
  });

  it("are used for a file found with the recorded hash", () => {
    const table = recorded();
    const entry = table[LETTERS_FILE]!;
    const text = JSON.stringify(entry.value);
    expect(text).toContain(SHIPPED_WORDING);
    const value: unknown = JSON.parse(text.replaceAll(SHIPPED_WORDING, "from the table"));
    table[LETTERS_FILE] = { sha256: entry.sha256, value };
    const letters = JSON.stringify(load({ parsedAhead: table }).letters);
    expect(letters).toContain("from the table");
    expect(letters).not.toContain(SHIPPED_WORDING);
  });

  it("are ignored for a file whose bytes have another hash: zod parses it as read", () => {
    const table = recorded();
    const entry = table[LETTERS_FILE]!;
    table[LETTERS_FILE] = { sha256: "0".repeat(64), value: { marker: "from the table" } };
    const knowledge = load({ parsedAhead: table });
    expect(JSON.stringify(knowledge.letters)).not.toContain("from the table");
    expect(loaded(knowledge)).toEqual(loaded(load({})));
    expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("record only outputs JSON keeps exactly", () => {
    const record: ParsedAheadTable = {};
    const parser = new DataParser(undefined, record);
    const sha = "a".repeat(64);
    parser.parse("plain.json", sha, { a: 1 }, z.object({ a: z.number(), b: z.string().default("x") }));
    parser.parse("undefined-key.json", sha, {}, z.object({}).transform(() => ({ a: undefined })));
    parser.parse("date.json", sha, { d: "2026-01-01" }, z.object({ d: z.string().transform((s) => new Date(s)) }));
    parser.parse("invalid.json", sha, { a: "no" }, z.object({ a: z.number() }));
    expect(record).toEqual({ "plain.json": { sha256: sha, value: { a: 1, b: "x" } } });
  });
});
