import { checkCodeFiles } from "./codes/codes-startup-check.js";
import type { HashedFile } from "./corpus/corpus-hashes.js";
import { checkEvidence, checkManifest, checkManifestOf } from "./corpus/integrity.js";
import { checkLetterData } from "./letters/letter-data.js";
import { checkPolicies } from "./policy/policy-check.js";
import { checkVerifyAliases } from "./verify/alias-check.js";

/** Checks run before the server starts; each returns the problems it found (empty when all is well). */
export type StartupCheck = () => string[];

/**
 * The checks of the corpus data, run after the file check (checkManifest), which hands them the bytes
 * it verified: each file is read once. Loaded data is kept for the tools.
 */
export const dataChecks: StartupCheck[] = [
  checkEvidence,
  checkVerifyAliases,
  checkLetterData,
  checkCodeFiles,
  checkPolicies,
];

/** Every start-up check, reading and hashing the corpus on this thread (npm run verify-corpus). */
export function runStartupChecks(): string[] {
  return [...checkManifest(), ...dataChecks.flatMap((check) => check())];
}

/**
 * The same checks, over corpus files read and hashed by `hashing` (hashCorpusFilesInBackground,
 * started before the server's modules were loaded, so that work overlaps).
 */
export async function runStartupChecksOn(hashing: Promise<readonly HashedFile[]>): Promise<string[]> {
  return [...(await checkManifestOf(hashing)), ...dataChecks.flatMap((check) => check())];
}
