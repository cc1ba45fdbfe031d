import type { Profile } from "../families/profile-schema.js";
import { fillTemplate, policyParams } from "../families/templates.js";
import type { Determination } from "./determination.js";
import type { CriterionOutcome, PathwayOutcome } from "./evaluate-service.js";

/**
 * The determination of one service: the chosen pathway's outcome (its requirement met, not met or
 * unknown), or insufficient information naming the undocumented applicability criteria and the
 * pathways that could apply.
 */
export function decide(
  policy: Profile,
  chosen: PathwayOutcome | undefined,
  candidates: readonly PathwayOutcome[],
  criteria: readonly CriterionOutcome[],
): { determination: Determination; reasons: string[] } {
  const params = policyParams(policy);
  const fill = (text: string): string => fillTemplate(text, params);
  if (chosen) {
    const p = chosen.pathway;
    const title = fill(p.title);
    if (chosen.requires === undefined || chosen.requires === "true") {
      return { determination: p.determination, reasons: [title, fill(p.reason)] };
    }
    if (chosen.requires === "false") {
      return {
        determination: p.ifNotMet ?? "insufficient-information",
        reasons: [title, fill(p.reasonIfNotMet ?? p.reason)],
      };
    }
    return {
      determination: "insufficient-information",
      reasons: [title, fill(p.reasonIfUnknown ?? "A requirement of this pathway is not documented.")],
    };
  }
  const unknown = criteria.filter((c) => c.status === "unknown" && c.criterion.role === "applicability");
  const reasons = [
    unknown.length > 0
      ? `The evidence that applies cannot be chosen until the case documents: ${unknown
          .map((c) => `${c.criterion.id} (${fill(c.criterion.statement)})`)
          .join("; ")}`
      : "No pathway of this policy applies to the documented facts.",
  ];
  if (candidates.length > 0) {
    reasons.push(
      `Depending on those facts, one of these would apply: ${candidates
        .map(
          (c) =>
            `${c.pathway.id}: ${fill(c.pathway.title)} (${c.pathway.determination}${
              c.pathway.ifNotMet ? ` or ${c.pathway.ifNotMet}` : ""
            })`,
        )
        .join("; ")}.`,
    );
  }
  return { determination: "insufficient-information", reasons };
}
