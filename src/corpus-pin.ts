/**
 * The corpus version this build was made with. The bundle step (tools/bundle-server.ts) writes it
 * into dist/server/ from the verified corpus/manifest.json; an unbundled run (dist/src/, tsx) has
 * none. The server serves only a corpus whose manifest carries this version, unless the operator
 * names the version it must carry with --corpus-version.
 */
declare const __MNM_BUILT_CORPUS_VERSION__: string | undefined;

export const BUILT_CORPUS_VERSION: string | undefined =
  typeof __MNM_BUILT_CORPUS_VERSION__ === "string" ? __MNM_BUILT_CORPUS_VERSION__ : undefined;

/** The name the bundle step defines (esbuild `define`). */
export const BUILT_CORPUS_VERSION_NAME = "__MNM_BUILT_CORPUS_VERSION__";

export interface CorpusPin {
  /** The version the corpus must carry. */
  expected?: string;
  /** How it was fixed: by the build, by --corpus-version, or not at all (an unbundled run). */
  by: "build" | "option" | "none";
}

/** The pin in force: --corpus-version when given, else the build's version. */
export function corpusPin(
  named: string | undefined,
  built: string | undefined = BUILT_CORPUS_VERSION,
): CorpusPin {
  if (named !== undefined) return { expected: named, by: "option" };
  if (built !== undefined) return { expected: built, by: "build" };
  return { by: "none" };
}

/** Why a verified corpus of version `found` may not be served under `pin`, or undefined. */
export function corpusPinProblem(found: string, pin: CorpusPin, dir: string): string | undefined {
  if (pin.expected === undefined || pin.expected === found) return undefined;
  if (pin.by === "option") {
    return `the corpus in ${dir} has version ${found}, not the version named by --corpus-version (${pin.expected})`;
  }
  return (
    `the corpus in ${dir} has version ${found}, but this build was made with corpus version ${pin.expected}. ` +
    `Serve the corpus the build was made with, rebuild (npm run build) after an intended change, ` +
    `or name the version explicitly: --corpus-version ${found}`
  );
}

/** What the ready line adds about the corpus: nothing when the build's pin holds. */
export function corpusPinShown(version: string, pin: CorpusPin): string | undefined {
  if (pin.by === "option") return `corpus version ${version} (named by --corpus-version)`;
  if (pin.by === "none") return `corpus version ${version} (not pinned: unbundled run)`;
  return undefined;
}
