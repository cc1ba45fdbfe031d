import type { FactValue } from "./evaluation-schema.js";
import type { Expr } from "../families/expr-schema.js";
import type { Tri } from "./three-valued.js";
import { tri } from "./three-valued.js";

export type LeafExpr = Exclude<Expr, { op: "and" | "or" | "not" | "criterion" }>;
export type LeafOp = LeafExpr["op"];

export interface LeafContext {
  facts: Readonly<Record<string, FactValue | undefined>>;
  params: Readonly<Record<string, number>>;
}

export interface LeafResult {
  value: Tri;
  /** The fact and parameter values the operator read (null = undocumented). */
  observed: Record<string, FactValue>;
}

/**
 * What a leaf read: its fact's value (null = undocumented), under the fact's name. Built by
 * assignment, not as a literal with a computed key, which V8 builds on a slow path several times
 * slower: every leaf of every evaluation builds one. (Fact and parameter names are camelCase, never
 * `__proto__`.)
 */
function observedFact(name: string, value: FactValue | undefined): Record<string, FactValue> {
  const observed: Record<string, FactValue> = {};
  observed[name] = value ?? null;
  return observed;
}

function param(ctx: LeafContext, name: string): number {
  const value = ctx.params[name];
  if (value === undefined) throw new Error(`unknown policy parameter "${name}"`);
  return value;
}

/**
 * A comparison with a threshold. A number fact may be a range [min, max] (a count that dates cannot
 * settle): the comparison is true or false only when it holds, or fails, at both ends.
 */
function compare(test: (a: number, b: number) => boolean) {
  return (expr: LeafExpr & { fact: string; param: string }, ctx: LeafContext): LeafResult => {
    const fact = ctx.facts[expr.fact];
    const threshold = param(ctx, expr.param);
    const observed = observedFact(expr.fact, fact);
    observed[expr.param] = threshold;
    if (typeof fact === "number") return { value: tri(test(fact, threshold)), observed };
    if (Array.isArray(fact) && typeof fact[0] === "number" && typeof fact[1] === "number") {
      const low = test(fact[0], threshold);
      const high = test(fact[1], threshold);
      return { value: low === high ? tri(low) : "unknown", observed };
    }
    return { value: "unknown", observed };
  };
}

/** One documented relief against a threshold: a range counts as met only when its lower bound reaches it. */
export function reliefAtLeast(relief: unknown, threshold: number): Tri {
  if (typeof relief === "number") return tri(relief >= threshold);
  if (Array.isArray(relief) && typeof relief[0] === "number" && typeof relief[1] === "number") {
    if (relief[0] >= threshold) return "true";
    if (relief[1] < threshold) return "false";
  }
  return "unknown";
}

/** The closed operator table: a policy can use these leaves and nothing else. */
export const LEAF_OPERATORS: {
  [K in LeafOp]: (expr: Extract<LeafExpr, { op: K }>, ctx: LeafContext) => LeafResult;
} = {
  always: () => ({ value: "true", observed: {} }),
  gte: compare((a, b) => a >= b),
  gt: compare((a, b) => a > b),
  lte: compare((a, b) => a <= b),
  lt: compare((a, b) => a < b),
  eq: (expr, ctx) => {
    const fact = ctx.facts[expr.fact];
    const observed = observedFact(expr.fact, fact);
    if (fact === undefined) return { value: "unknown", observed };
    return { value: tri(fact === expr.value), observed };
  },
  in: (expr, ctx) => {
    const fact = ctx.facts[expr.fact];
    const observed = observedFact(expr.fact, fact);
    if (typeof fact !== "string") return { value: "unknown", observed };
    return { value: tri(expr.values.includes(fact)), observed };
  },
  includes: (expr, ctx) => {
    const fact = ctx.facts[expr.fact];
    const observed = observedFact(expr.fact, fact);
    if (!Array.isArray(fact)) return { value: "unknown", observed };
    return { value: tri(fact.some((item) => item === expr.value)), observed };
  },
  documented: (expr, ctx) => {
    const fact = ctx.facts[expr.fact];
    return { value: tri(fact !== undefined), observed: observedFact(expr.fact, fact) };
  },
  countAtLeast: (expr, ctx) => {
    const fact = ctx.facts[expr.fact];
    const minEach = param(ctx, expr.minEach);
    const count = param(ctx, expr.count);
    const observed = observedFact(expr.fact, fact);
    observed[expr.minEach] = minEach;
    observed[expr.count] = count;
    if (!Array.isArray(fact)) return { value: "unknown", observed };
    const each = fact.map((relief) => reliefAtLeast(relief, minEach));
    const definite = each.filter((v) => v === "true").length;
    // A documented list is the whole record (the input asks for [] when none): only entries whose
    // relief is undocumented could still qualify.
    const possible = definite + each.filter((v) => v === "unknown").length;
    if (definite >= count) return { value: "true", observed };
    if (possible < count) return { value: "false", observed };
    return { value: "unknown", observed };
  },
};

export function evaluateLeaf(expr: LeafExpr, ctx: LeafContext): LeafResult {
  const operator = LEAF_OPERATORS[expr.op] as (e: LeafExpr, c: LeafContext) => LeafResult;
  return operator(expr, ctx);
}
