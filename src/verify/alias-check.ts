import { getCorpus } from "../corpus/store.js";
import { aliasProblems } from "./source-aliases.js";

/** Start-up check: every source alias of verifyCitations names a source in the corpus. */
export function checkVerifyAliases(): string[] {
  try {
    return aliasProblems(new Set(getCorpus().sources.keys()));
  } catch {
    // A corpus that fails to load is reported by the corpus integrity check.
    return [];
  }
}
