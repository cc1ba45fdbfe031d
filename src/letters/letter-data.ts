import { jsonProblems } from "../corpus/checked-json.js";
import type { z } from "zod";
import type { VerifiedFiles } from "../corpus/verified-files.js";
import {
  MemberWordingFileSchema,
  PlainLanguageFileSchema,
  RegimesFileSchema,
  type MemberWordingFile,
  type PlainLanguageFile,
  type Regime,
  type RegimeId,
} from "./letter-data-schema.js";

export const REGIMES_FILE = "letters/regimes.json";
export const PLAIN_LANGUAGE_FILE = "letters/plain-language.json";
export const MEMBER_WORDING_FILE = "letters/member-wording.json";

export interface MemberWording {
  pathways: ReadonlyMap<string, { text: string; denied?: string | undefined }>;
  requirements: ReadonlyMap<string, string>;
  requests: ReadonlyMap<string, string>;
  alternatives: ReadonlyMap<string, string>;
  changes: MemberWordingFile["changes"];
}

export interface LetterData {
  regimes: ReadonlyMap<RegimeId, Regime>;
  plain: ReadonlyMap<string, PlainLanguageFile["codes"][number]>;
  /** Diagnosis prefixes, longest first. */
  diagnosisPrefixes: readonly PlainLanguageFile["diagnosisPrefixes"][number][];
  wording: MemberWording;
  version: string;
}

function load<T>(
  file: string,
  schema: z.ZodType<T>,
  files: VerifiedFiles,
  problems: string[],
): T | undefined {
  const parsed = files.json(file, schema);
  if (!parsed.ok) {
    problems.push(...jsonProblems(`corpus/${file}`, parsed));
    return undefined;
  }
  return parsed.value;
}

/** The letter data files, validated. */
export function loadLetterData(files: VerifiedFiles): { data?: LetterData; problems: string[] } {
  const problems: string[] = [];
  const regimes = load(REGIMES_FILE, RegimesFileSchema, files, problems);
  const plain = load(PLAIN_LANGUAGE_FILE, PlainLanguageFileSchema, files, problems);
  const wording = load(MEMBER_WORDING_FILE, MemberWordingFileSchema, files, problems);
  if (!regimes || !plain || !wording) return { problems };
  return {
    problems,
    data: {
      regimes: new Map(regimes.regimes.map((r) => [r.id, r])),
      plain: new Map(plain.codes.map((c) => [c.code, c])),
      diagnosisPrefixes: [...plain.diagnosisPrefixes].sort(
        (a, b) => b.prefix.length - a.prefix.length || (a.prefix < b.prefix ? -1 : 1),
      ),
      wording: {
        pathways: new Map(wording.pathways.map((p) => [p.id, { text: p.text, denied: p.denied }])),
        requirements: new Map(wording.requirements.map((r) => [r.id, r.text])),
        requests: new Map(wording.requests.map((r) => [r.request, r.text])),
        alternatives: new Map(wording.alternatives.map((a) => [a.id, a.text])),
        changes: wording.changes,
      },
      version: `regimes ${regimes.version}, plain language ${plain.version}, member wording ${wording.version}`,
    },
  };
}
