import type { z } from "zod";
import { readCorpusText } from "../corpus/corpus-files.js";
import { corpusDir } from "../util/package-root.js";
import {
  PlainLanguageFileSchema,
  RegimesFileSchema,
  type PlainLanguageFile,
  type Regime,
  type RegimeId,
} from "./letter-data-schema.js";

export const REGIMES_FILE = "letters/regimes.json";
export const PLAIN_LANGUAGE_FILE = "letters/plain-language.json";

export interface LetterData {
  regimes: ReadonlyMap<RegimeId, Regime>;
  plain: ReadonlyMap<string, PlainLanguageFile["codes"][number]>;
  version: string;
}

function load<T>(file: string, schema: z.ZodType<T>, dir: string, problems: string[]): T | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(readCorpusText(file, dir)) as unknown;
  } catch (error) {
    problems.push(`corpus/${file}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  // Parsed once per process: zod's compiled fast path would cost more than it saves.
  const parsed = schema.safeParse(raw, { jitless: true });
  if (!parsed.success) {
    problems.push(
      ...parsed.error.issues.map((i) => `corpus/${file}: ${i.path.join(".") || "(root)"}: ${i.message}`),
    );
    return undefined;
  }
  return parsed.data;
}

export function loadLetterData(dir: string): { data?: LetterData; problems: string[] } {
  const problems: string[] = [];
  const regimes = load(REGIMES_FILE, RegimesFileSchema, dir, problems);
  const plain = load(PLAIN_LANGUAGE_FILE, PlainLanguageFileSchema, dir, problems);
  if (!regimes || !plain) return { problems };
  return {
    problems,
    data: {
      regimes: new Map(regimes.regimes.map((r) => [r.id, r])),
      plain: new Map(plain.codes.map((c) => [c.code, c])),
      version: `regimes ${regimes.version}, plain language ${plain.version}`,
    },
  };
}

let cached: { dir: string; data: LetterData } | undefined;

function loadOnce(dir: string): { data?: LetterData; problems: string[] } {
  if (cached?.dir === dir) return { data: cached.data, problems: [] };
  const loaded = loadLetterData(dir);
  if (loaded.data) cached = { dir, data: loaded.data };
  return loaded;
}

/** Letter data, loaded and validated once per corpus folder. */
export function getLetterData(): LetterData {
  const { data, problems } = loadOnce(corpusDir());
  if (!data) throw new Error(`letter data failed to load:\n  - ${problems.join("\n  - ")}`);
  return data;
}

/** Start-up check: the letter data files load and validate (the loaded data is kept for the tools). */
export function checkLetterData(): string[] {
  return loadOnce(corpusDir()).problems;
}
