import { isDeepStrictEqual } from "node:util";
import type { z } from "zod";
import { checkJson } from "./checked-json.js";
import type { CheckedJson } from "./checked-json.js";

/**
 * Zod's output for the shipped corpus's JSON files, computed by the bundle step
 * (tools/bundle-server.ts) and carried in the bundle. Parsing them with zod at start is the largest
 * part of the server's own start-up work (about 40 ms, BENCHMARKS.md), and it can only give what
 * the build got: each value was parsed by the same schemas from bytes with the recorded sha256, and
 * a file is taken from here only when the start-up check found it with that very hash (against the
 * manifest). Any other file, a changed one included, is parsed by zod as it is read. An unbundled
 * run (dist/src/, tsx, the tests) has no table and parses everything.
 * test/unit/corpus/parsed-ahead.test.ts holds knowledge loaded through a table to knowledge parsed
 * live.
 */
declare const __MNM_PARSED_AHEAD__: string | undefined;

/** The name the bundle step defines (esbuild `define`): the table, as JSON text. */
export const PARSED_AHEAD_NAME = "__MNM_PARSED_AHEAD__";

/** By corpus path: the sha256 of the file's bytes and zod's output for them. */
export type ParsedAheadTable = Record<string, { sha256: string; value: unknown }>;

/** A fresh copy of the bundle's table (each load may keep and change the values it is given), or undefined. */
export function builtParsedAhead(): ParsedAheadTable | undefined {
  return typeof __MNM_PARSED_AHEAD__ === "string"
    ? (JSON.parse(__MNM_PARSED_AHEAD__) as ParsedAheadTable)
    : undefined;
}

/**
 * How a loader's JSON file is read and checked against its schema: zod, unless `ahead` holds zod's
 * output for these exact bytes (then the text is not even parsed as JSON). With `record`, every
 * output that JSON keeps exactly (no undefined, no class instances) is written down by path and
 * hash: that is how the bundle step makes its table.
 */
export class DataParser {
  constructor(
    private readonly ahead?: ParsedAheadTable,
    private readonly record?: ParsedAheadTable,
  ) {}

  /** The file at `path`, whose bytes have `sha256`, its text read by `text` only when needed. */
  parse<S extends z.ZodType>(
    path: string,
    sha256: string | undefined,
    text: () => string,
    schema: S,
  ): CheckedJson<z.output<S>> {
    const known = this.ahead?.[path];
    if (known && sha256 !== undefined && known.sha256 === sha256) {
      return { ok: true, value: known.value as z.output<S> };
    }
    const checked = checkJson(text(), schema);
    if (checked.ok && this.record && sha256 !== undefined) {
      const copy: unknown = JSON.parse(JSON.stringify(checked.value));
      if (isDeepStrictEqual(copy, checked.value)) this.record[path] = { sha256, value: copy };
    }
    return checked;
  }
}
