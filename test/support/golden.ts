import { join } from "node:path";
import { expect } from "vitest";
import { shippedKnowledge } from "./knowledge.js";

/*
 * The one golden mechanism: vitest file snapshots under test/golden/, after one normalisation. The
 * corpus version changes with any corpus file and a profile's sha256 with any edit of it, so both are
 * replaced by placeholders (the tests check them separately): a golden pins the answer, not the
 * data's fingerprint. Regenerate deliberately with `npx vitest run test/golden -u` (or
 * UPDATE_GOLDEN=1, which vitest.config.ts maps to the same update mode); CI never writes a golden.
 */
export const GOLDEN_DIR = join(import.meta.dirname, "..", "golden");
export const CORPUS_VERSION_MARK = "<corpus-version>";
export const POLICY_SHA_MARK = "<policy-sha256>";

/** The shipped corpus version and every shipped profile's sha256, replaced by their placeholders. */
export function normalise(text: string): string {
  const knowledge = shippedKnowledge();
  let out = text.replaceAll(knowledge.corpus.version, CORPUS_VERSION_MARK);
  for (const family of knowledge.families.list)
    for (const versions of family.profiles.values())
      for (const { sha256 } of versions) out = out.replaceAll(sha256, POLICY_SHA_MARK);
  return out;
}

/** Compare `actual` (normalised, newline-terminated) with the golden file `test/golden/<file>`. */
export async function expectGolden(file: string, actual: string): Promise<void> {
  const text = normalise(actual);
  await expect(text.endsWith("\n") ? text : `${text}\n`).toMatchFileSnapshot(join(GOLDEN_DIR, file));
}
