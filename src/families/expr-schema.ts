import { z } from "zod";

/**
 * The closed expression language of policy criteria and rules. Leaves read one declared case fact
 * (thresholds always come from named policy parameters); `criterion` reuses another criterion's result.
 */
export type Expr =
  | { op: "and"; args: Expr[] }
  | { op: "or"; args: Expr[] }
  | { op: "not"; arg: Expr }
  | { op: "always" }
  | { op: "criterion"; id: string }
  | { op: "gte" | "gt" | "lte" | "lt"; fact: string; param: string }
  | { op: "eq"; fact: string; value: boolean | string }
  | { op: "in"; fact: string; values: string[] }
  | { op: "includes"; fact: string; value: string }
  | { op: "documented"; fact: string }
  | { op: "countAtLeast"; fact: string; minEach: string; count: string };

export type ExprOp = Expr["op"];

const Name = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, "expected a camelCase name");
const CriterionId = z.string().regex(/^[A-Z][A-Za-z0-9-]*$/, "expected a criterion id such as EH-chronic");

export const ExprSchema: z.ZodType<Expr> = z.lazy(() =>
  z.discriminatedUnion("op", [
    z.strictObject({ op: z.literal("and"), args: z.array(ExprSchema).min(1) }),
    z.strictObject({ op: z.literal("or"), args: z.array(ExprSchema).min(1) }),
    z.strictObject({ op: z.literal("not"), arg: ExprSchema }),
    z.strictObject({ op: z.literal("always") }),
    z.strictObject({ op: z.literal("criterion"), id: CriterionId }),
    z.strictObject({ op: z.enum(["gte", "gt", "lte", "lt"]), fact: Name, param: Name }),
    z.strictObject({ op: z.literal("eq"), fact: Name, value: z.union([z.boolean(), z.string()]) }),
    z.strictObject({ op: z.literal("in"), fact: Name, values: z.array(z.string()).min(1) }),
    z.strictObject({ op: z.literal("includes"), fact: Name, value: z.string() }),
    z.strictObject({ op: z.literal("documented"), fact: Name }),
    z.strictObject({ op: z.literal("countAtLeast"), fact: Name, minEach: Name, count: Name }),
  ]),
);

/** Every node of an expression, depth first, parent before children. */
export function exprNodes(expr: Expr): Expr[] {
  switch (expr.op) {
    case "and":
    case "or":
      return [expr, ...expr.args.flatMap(exprNodes)];
    case "not":
      return [expr, ...exprNodes(expr.arg)];
    default:
      return [expr];
  }
}
