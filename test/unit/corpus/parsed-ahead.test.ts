import { describe, expect, it } from "vitest";
import { z } from "zod";
import { jsonProblems } from "../../../src/corpus/checked-json.js";
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
    const text = (value: unknown) => () => JSON.stringify(value);
    parser.parse("plain.json", sha, text({ a: 1 }), z.object({ a: z.number(), b: z.string().default("x") }));
    parser.parse("undefined-key.json", sha, text({}), z.object({}).transform(() => ({ a: undefined })));
    parser.parse(
      "date.json",
      sha,
      text({ d: "2026-01-01" }),
      z.object({ d: z.string().transform((s) => new Date(s)) }),
    );
    parser.parse("invalid.json", sha, text({ a: "no" }), z.object({ a: z.number() }));
    parser.parse("not-json.json", sha, () => "{", z.object({}));
    expect(record).toEqual({ "plain.json": { sha256: sha, value: { a: 1, b: "x" } } });
  });

  it("read a file's text only when the table does not hold its bytes", () => {
    const sha = "b".repeat(64);
    const parser = new DataParser({ "held.json": { sha256: sha, value: { a: 2 } } });
    const schema = z.object({ a: z.number() });
    const reads: string[] = [];
    const text = (path: string) => () => {
      reads.push(path);
      return '{"a": 3}';
    };
    expect(parser.parse("held.json", sha, text("held.json"), schema)).toEqual({ ok: true, value: { a: 2 } });
    expect(parser.parse("held.json", "c".repeat(64), text("held.json"), schema)).toEqual({
      ok: true,
      value: { a: 3 },
    });
    expect(parser.parse("other.json", sha, text("other.json"), schema)).toEqual({ ok: true, value: { a: 3 } });
    expect(reads).toEqual(["held.json", "other.json"]);
  });

  it("word what is wrong with a file one line per problem, naming the file", () => {
    const parser = new DataParser();
    const schema = z.object({ a: z.number(), b: z.object({ c: z.string() }) });
    const notJson = parser.parse("x.json", undefined, () => "{ nope", schema);
    const invalid = parser.parse("x.json", undefined, () => '{"a": "1", "b": {}}', schema);
    const root = parser.parse("x.json", undefined, () => "[]", schema);
    if (notJson.ok || invalid.ok || root.ok) throw new Error("expected failures");
    expect(jsonProblems("corpus/x.json", notJson)).toEqual([
      expect.stringMatching(/^corpus\/x\.json: not valid JSON \(.+\)$/),
    ]);
    expect(jsonProblems("corpus/x.json", invalid)).toEqual([
      expect.stringMatching(/^corpus\/x\.json: a: .*expected number/),
      expect.stringMatching(/^corpus\/x\.json: b\.c: .*expected string/),
    ]);
    expect(jsonProblems("corpus/x.json", root)).toEqual([
      "corpus/x.json: Invalid input: expected object, received array",
    ]);
  });
});
