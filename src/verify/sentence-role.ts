import type { SentenceRole } from "./claim-rules-schema.js";
import type { CompiledRules } from "./claim-rules.js";

export interface RoleResult {
  role: SentenceRole;
  /** The id of the rule that decided, or "attributed" for an evidence claim. */
  rule: string;
  why: string;
}

/**
 * The role of a sentence part: the first role rule (corpus/verify/claim-rules.json) that matches it, or an
 * evidence claim. `attributed` is true when the part names a source and uses an attribution verb; rules
 * marked unlessAttributed then do not apply ("the patient" inside "the BMJ guideline recommends …").
 */
export function roleOf(text: string, attributed: boolean, rules: CompiledRules): RoleResult {
  for (const rule of rules.roles) {
    if (rule.unlessAttributed && attributed) continue;
    const m = rule.pattern.exec(text);
    if (!m || (rule.where === "start" && m.index !== 0)) continue;
    return { role: rule.role, rule: rule.id, why: rule.why };
  }
  return {
    role: "evidence-claim",
    rule: "attributed",
    why: "names a source or carries a citation marker, and states what the evidence or a policy says",
  };
}

export function isAttributed(text: string, namesSource: boolean, rules: CompiledRules): boolean {
  return namesSource && rules.attributionCue.test(text);
}
