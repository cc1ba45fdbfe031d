/** Checks run before the server starts; each returns the problems it found (empty when all is well). */
export type StartupCheck = () => string[];

export const startupChecks: StartupCheck[] = [];

export function runStartupChecks(): string[] {
  return startupChecks.flatMap((check) => check());
}
