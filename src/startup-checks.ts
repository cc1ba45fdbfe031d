import { checkCodeFiles } from "./codes/codes-startup-check.js";
import { checkCorpusIntegrity } from "./corpus/integrity.js";
import { checkLetterData } from "./letters/letter-data.js";
import { checkPolicies } from "./policy/policy-check.js";
import { checkVerifyAliases } from "./verify/alias-check.js";

/** Checks run before the server starts; each returns the problems it found (empty when all is well). */
export type StartupCheck = () => string[];

export const startupChecks: StartupCheck[] = [
  checkCorpusIntegrity,
  checkVerifyAliases,
  checkLetterData,
  checkCodeFiles,
  checkPolicies,
];

export function runStartupChecks(): string[] {
  return startupChecks.flatMap((check) => check());
}
