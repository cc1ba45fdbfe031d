import { checkCorpusIntegrity } from "./corpus/integrity.js";

/** Checks run before the server starts; each returns the problems it found (empty when all is well). */
export type StartupCheck = () => string[];

export const startupChecks: StartupCheck[] = [checkCorpusIntegrity];

export function runStartupChecks(): string[] {
  return startupChecks.flatMap((check) => check());
}
