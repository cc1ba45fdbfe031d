import type { TraceNode } from "./evaluation-schema.js";
import type { Expr } from "../families/expr-schema.js";
import type { LeafContext } from "./operators.js";
import { evaluateLeaf } from "./operators.js";
import type { Tri } from "./three-valued.js";
import { and3, not3, or3 } from "./three-valued.js";

export interface ExprContext extends LeafContext {
  /** Results of criteria already evaluated for this service (a `criterion` node reads them). */
  criteria: ReadonlyMap<string, { value: Tri; address: string }>;
  /** Every evaluated node is appended here, parent before children. */
  trace: TraceNode[];
}

/**
 * Evaluate an expression with Kleene logic. Every node is evaluated (no short-circuit) and traced
 * at its address: a child of `.../X` is `.../X/and[0]`, `.../X/or[1]`, `.../X/not[0]`.
 */
export function evaluateExpr(expr: Expr, address: string, ctx: ExprContext): Tri {
  // Pushed before the children (parent first), completed once its value is known.
  const node: TraceNode = { address, op: expr.op, value: "unknown" };
  ctx.trace.push(node);
  let value: Tri;
  let observed: TraceNode["observed"];
  switch (expr.op) {
    case "and":
      value = and3(expr.args.map((arg, i) => evaluateExpr(arg, `${address}/and[${i}]`, ctx)));
      break;
    case "or":
      value = or3(expr.args.map((arg, i) => evaluateExpr(arg, `${address}/or[${i}]`, ctx)));
      break;
    case "not":
      value = not3(evaluateExpr(expr.arg, `${address}/not[0]`, ctx));
      break;
    case "criterion": {
      const result = ctx.criteria.get(expr.id);
      if (!result)
        throw new Error(`criterion "${expr.id}" is referenced at ${address} before it is evaluated`);
      value = result.value;
      // Assigned rather than a computed-key literal (a slow path in V8; see observedFact).
      observed = {};
      observed[expr.id] = result.address;
      break;
    }
    default: {
      const leaf = evaluateLeaf(expr, ctx);
      value = leaf.value;
      observed = leaf.observed;
    }
  }
  node.value = value;
  if (observed) node.observed = observed;
  return value;
}
