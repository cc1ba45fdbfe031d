import { getCorpus } from "../corpus/store.js";
import { checkClaimRules } from "./claim-rules.js";
import { aliasProblems } from "./source-aliases.js";

/**
 * Start-up check of verifyCitations: every source alias names a source in the corpus, and the claim
 * rules (corpus/verify/claim-rules.json) load and validate.
 */
export function checkVerifyAliases(): string[] {
  let aliases: string[] = [];
  try {
    aliases = aliasProblems(new Set(getCorpus().sources.keys()));
  } catch {
    // A corpus that fails to load is reported by the corpus integrity check.
  }
  return [...aliases, ...checkClaimRules()];
}
