import type { z } from "zod";
import type { VerifiedFiles } from "../corpus/verified-files.js";
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

function load<T>(
  file: string,
  schema: z.ZodType<T>,
  files: VerifiedFiles,
  problems: string[],
): T | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(files.text(file)) as unknown;
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

/** The letter data files, validated. */
export function loadLetterData(files: VerifiedFiles): { data?: LetterData; problems: string[] } {
  const problems: string[] = [];
  const regimes = load(REGIMES_FILE, RegimesFileSchema, files, problems);
  const plain = load(PLAIN_LANGUAGE_FILE, PlainLanguageFileSchema, files, problems);
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
