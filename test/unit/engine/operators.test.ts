import { describe, expect, it } from "vitest";
import type { TraceNode } from "../../../src/engine/evaluation-schema.js";
import { evaluateExpr } from "../../../src/engine/evaluate-expr.js";
import { LEAF_OPERATORS, evaluateLeaf, reliefAtLeast } from "../../../src/engine/operators.js";
import type { LeafContext } from "../../../src/engine/operators.js";
import type { Expr } from "../../../src/families/expr-schema.js";
import { ExprSchema } from "../../../src/families/expr-schema.js";

const params = { min: 3, pct: 75, two: 2 };
function ctx(facts: LeafContext["facts"]): LeafContext {
  return { facts, params };
}

describe("closed operator table", () => {
  it("has exactly the documented leaf operators", () => {
    expect(Object.keys(LEAF_OPERATORS).sort()).toEqual(
      ["always", "countAtLeast", "documented", "eq", "gt", "gte", "in", "includes", "lt", "lte"].sort(),
    );
  });

  it("rejects an operator outside the table when a policy is parsed", () => {
    expect(ExprSchema.safeParse({ op: "matches", fact: "painType", value: "x" }).success).toBe(false);
    expect(ExprSchema.safeParse({ op: "gte", fact: "painDurationMonths", value: 3 }).success).toBe(false);
  });

  it.each([
    ["gte", 3, "true"],
    ["gte", 2.9, "false"],
    ["gt", 3, "false"],
    ["lte", 3, "true"],
    ["lt", 3, "false"],
    ["lt", 2, "true"],
  ] as const)("%s painDurationMonths=%s vs min=3 → %s", (op, value, want) => {
    const result = evaluateLeaf({ op, fact: "n", param: "min" }, ctx({ n: value }));
    expect(result.value).toBe(want);
    expect(result.observed).toEqual({ n: value, min: 3 });
  });

  it("comparisons of an undocumented fact are unknown, never false", () => {
    for (const op of ["gte", "gt", "lte", "lt"] as const) {
      const result = evaluateLeaf({ op, fact: "n", param: "min" }, ctx({}));
      expect(result).toEqual({ value: "unknown", observed: { n: null, min: 3 } });
    }
  });

  it("eq, in, includes and documented read the fact three-valued", () => {
    expect(evaluateLeaf({ op: "eq", fact: "b", value: false }, ctx({ b: false })).value).toBe("true");
    expect(evaluateLeaf({ op: "eq", fact: "b", value: false }, ctx({ b: true })).value).toBe("false");
    expect(evaluateLeaf({ op: "eq", fact: "b", value: false }, ctx({})).value).toBe("unknown");
    expect(evaluateLeaf({ op: "in", fact: "s", values: ["axial", "mixed"] }, ctx({ s: "mixed" })).value).toBe(
      "true",
    );
    expect(
      evaluateLeaf({ op: "in", fact: "s", values: ["axial", "mixed"] }, ctx({ s: "radicular" })).value,
    ).toBe("false");
    expect(evaluateLeaf({ op: "in", fact: "s", values: ["axial"] }, ctx({})).value).toBe("unknown");
    expect(
      evaluateLeaf({ op: "includes", fact: "l", value: "nsaids" }, ctx({ l: ["exercise", "nsaids"] })).value,
    ).toBe("true");
    expect(evaluateLeaf({ op: "includes", fact: "l", value: "nsaids" }, ctx({ l: ["exercise"] })).value).toBe(
      "false",
    );
    expect(evaluateLeaf({ op: "includes", fact: "l", value: "nsaids" }, ctx({})).value).toBe("unknown");
    expect(evaluateLeaf({ op: "documented", fact: "l" }, ctx({ l: [] })).value).toBe("true");
    expect(evaluateLeaf({ op: "documented", fact: "l" }, ctx({})).value).toBe("false");
    expect(evaluateLeaf({ op: "always" }, ctx({})).value).toBe("true");
  });

  it("a relief range counts only when its lower bound reaches the threshold", () => {
    expect(reliefAtLeast(80, 75)).toBe("true");
    expect(reliefAtLeast(74.9, 75)).toBe("false");
    expect(reliefAtLeast([75, 90], 75)).toBe("true");
    expect(reliefAtLeast([40, 50], 75)).toBe("false");
    expect(reliefAtLeast([70, 80], 75)).toBe("unknown");
  });

  // A documented list is the whole record: blocks it does not hold were not done.
  it.each([
    [[80, 90], "true"],
    [[80], "false"],
    [[80, 50], "false"],
    [[50], "false"],
    [[], "false"],
    [[[70, 80], 90], "unknown"],
    [
      [
        [40, 50],
        [40, 50],
      ],
      "false",
    ],
    [[80, 90, 20], "true"],
  ] as const)("countAtLeast(%j, each >= 75, count 2) → %s", (blocks, want) => {
    const facts = { blocks: blocks as unknown as number[] };
    expect(
      evaluateLeaf({ op: "countAtLeast", fact: "blocks", minEach: "pct", count: "two" }, ctx(facts)).value,
    ).toBe(want);
  });

  it("countAtLeast of undocumented blocks is unknown", () => {
    expect(
      evaluateLeaf({ op: "countAtLeast", fact: "blocks", minEach: "pct", count: "two" }, ctx({})).value,
    ).toBe("unknown");
  });
});

describe("expression evaluation", () => {
  const expr: Expr = {
    op: "and",
    args: [
      { op: "gte", fact: "n", param: "min" },
      { op: "not", arg: { op: "eq", fact: "b", value: true } },
      {
        op: "or",
        args: [
          { op: "criterion", id: "C-x" },
          { op: "documented", fact: "l" },
        ],
      },
    ],
  };

  it("evaluates every node (no short-circuit) and gives each an address", () => {
    const trace: TraceNode[] = [];
    const criteria = new Map([["C-x", { value: "true" as const, address: "p@1/64625/C-x" }]]);
    const value = evaluateExpr(expr, "p@1/64625/C-y", { facts: { n: 1, b: false }, params, criteria, trace });
    expect(value).toBe("false");
    expect(trace.map((n) => [n.address, n.op, n.value])).toEqual([
      ["p@1/64625/C-y", "and", "false"],
      ["p@1/64625/C-y/and[0]", "gte", "false"],
      ["p@1/64625/C-y/and[1]", "not", "true"],
      ["p@1/64625/C-y/and[1]/not[0]", "eq", "false"],
      ["p@1/64625/C-y/and[2]", "or", "true"],
      ["p@1/64625/C-y/and[2]/or[0]", "criterion", "true"],
      ["p@1/64625/C-y/and[2]/or[1]", "documented", "false"],
    ]);
    expect(trace[1]?.observed).toEqual({ n: 1, min: 3 });
    expect(trace[5]?.observed).toEqual({ "C-x": "p@1/64625/C-x" });
  });

  it("missing data propagates as unknown through the tree", () => {
    const trace: TraceNode[] = [];
    const criteria = new Map([["C-x", { value: "unknown" as const, address: "a" }]]);
    expect(evaluateExpr(expr, "r", { facts: {}, params, criteria, trace })).toBe("unknown");
    expect(trace.every((n) => n.op === "documented" || n.value === "unknown")).toBe(true);
  });
});
