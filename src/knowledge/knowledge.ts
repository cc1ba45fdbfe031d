import { CodeSets } from "../codes/load-code-data.js";
import { checkCodeFiles } from "../codes/codes-startup-check.js";
import { jsonProblems } from "../corpus/checked-json.js";
import { verifyCorpusFiles } from "../corpus/integrity.js";
import { DataParser } from "../corpus/parsed-ahead.js";
import type { ParsedAheadTable } from "../corpus/parsed-ahead.js";
import type { Corpus } from "../corpus/load-evidence.js";
import { loadEvidence } from "../corpus/load-evidence.js";
import { checkFamily } from "../families/check-family.js";
import type { FamilyModule } from "../families/family-module.js";
import type { Family } from "../families/load-family.js";
import { loadFamily } from "../families/load-family.js";
import type { LetterData } from "../letters/letter-data.js";
import { loadLetterData } from "../letters/letter-data.js";
import type { CompiledRules } from "../verify/claim-rules.js";
import { loadClaimRules } from "../verify/claim-rules.js";
import { aliasProblems } from "../verify/source-aliases.js";
import { Families } from "./families.js";

/**
 * Everything the server knows, loaded and verified once at start and passed explicitly to every
 * review: the evidence, the code sets, the procedure families with their profiles, the letter data.
 */
export interface Knowledge {
  /** The corpus folder it was loaded from. */
  dir: string;
  /** The corpus version (manifest hash) every answer carries. */
  version: string;
  corpus: Corpus;
  codes: CodeSets;
  families: Families;
  letters: LetterData;
  /** The rules of verifyCitations' claim check (corpus/verify/claim-rules.json). */
  claimRules: CompiledRules;
}

/** Zod's output for files the build parsed ahead (`parsedAhead`), or a table to write it down in (`record`). */
export interface LoadOptions {
  parsedAhead?: ParsedAheadTable | undefined;
  record?: ParsedAheadTable | undefined;
}

/**
 * Load and verify a corpus folder: file integrity against the manifest, then the evidence, the
 * letter data, the code-set manifests and each family's data. Returns knowledge only when no check
 * found a problem; otherwise every problem, each naming its file.
 */
export function loadKnowledge(
  dir: string,
  modules: readonly FamilyModule[],
  options: LoadOptions = {},
): { knowledge?: Knowledge; problems: string[] } {
  const { files, problems } = verifyCorpusFiles(dir, new DataParser(options.parsedAhead, options.record));
  const evidence = loadEvidence(files);
  problems.push(...evidence.problems);
  const letters = loadLetterData(files);
  problems.push(...letters.problems);
  problems.push(...checkCodeFiles(files));
  const claimRules = loadClaimRules(files);
  problems.push(...claimRules.problems);
  const families: Family[] = [];
  for (const module of modules) {
    const loaded = loadFamily(files, module);
    problems.push(...loaded.problems);
    if (loaded.family) families.push(loaded.family);
  }
  const corpus = evidence.corpus;
  if (corpus) {
    problems.push(...aliasProblems(new Set(corpus.sources.keys())));
    for (const family of families) problems.push(...checkFamily(family, corpus));
  }
  if (
    problems.length > 0 ||
    !corpus ||
    !letters.data ||
    !claimRules.rules ||
    families.length !== modules.length
  ) {
    return { problems };
  }
  return {
    knowledge: {
      dir,
      version: files.version,
      corpus,
      codes: new CodeSets(
        (file) => files.bytes(`codes/${file}`),
        (file, schema) => {
          const parsed = files.json(`codes/${file}`, schema);
          if (!parsed.ok) throw new Error(jsonProblems(`corpus/codes/${file}`, parsed).join("\n"));
          return parsed.value;
        },
      ),
      families: new Families(families),
      letters: letters.data,
      claimRules: claimRules.rules,
    },
    problems,
  };
}
