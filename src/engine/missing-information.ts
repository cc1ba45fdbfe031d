import type { Expr } from "../families/expr-schema.js";
import type { Criterion } from "../families/profile-schema.js";
import type { CriterionOutcome } from "./evaluate-service.js";
import type { Tri } from "./three-valued.js";

export interface Walk {
  byId: ReadonlyMap<string, CriterionOutcome>;
  valueAt: ReadonlyMap<string, Tri>;
  /** Which node values to follow: unknown ones, or every value that is not "true". */
  follow: (value: Tri) => boolean;
  requests: Set<string>;
  fallback: readonly string[];
}

/**
 * Collect the documents that would settle the followed nodes: for each criterion reached, its own
 * requests when one of its own fact leaves is followed; nested criteria are followed into.
 */
export function collectRequests(expr: Expr, address: string, walk: Walk, owner?: Criterion): void {
  const value = walk.valueAt.get(address);
  if (value === undefined || !walk.follow(value)) return;
  switch (expr.op) {
    case "and":
    case "or":
      expr.args.forEach((arg, i) => collectRequests(arg, `${address}/${expr.op}[${i}]`, walk, owner));
      return;
    case "not":
      collectRequests(expr.arg, `${address}/not[0]`, walk, owner);
      return;
    case "criterion": {
      const target = walk.byId.get(expr.id);
      if (target) collectRequests(target.criterion.expr, target.address, walk, target.criterion);
      return;
    }
    case "always":
      return;
    default:
      for (const request of owner ? owner.request : walk.fallback) walk.requests.add(request);
  }
}
