import { describe, expect, it } from "vitest";
import type { Tri } from "../../../src/engine/three-valued.js";
import { and3, not3, or3 } from "../../../src/engine/three-valued.js";

const T: Tri = "true";
const F: Tri = "false";
const U: Tri = "unknown";

// Kleene's strong three-valued logic, written out in full (rows: left operand, columns: right).
const AND: [Tri, Tri, Tri][] = [
  [T, T, T],
  [T, U, U],
  [T, F, F],
  [U, T, U],
  [U, U, U],
  [U, F, F],
  [F, T, F],
  [F, U, F],
  [F, F, F],
];
const OR: [Tri, Tri, Tri][] = [
  [T, T, T],
  [T, U, T],
  [T, F, T],
  [U, T, T],
  [U, U, U],
  [U, F, U],
  [F, T, T],
  [F, U, U],
  [F, F, F],
];

describe("three-valued logic (Kleene)", () => {
  it.each(AND)("%s AND %s = %s", (a, b, want) => expect(and3([a, b])).toBe(want));
  it.each(OR)("%s OR %s = %s", (a, b, want) => expect(or3([a, b])).toBe(want));
  it.each([
    [T, F],
    [F, T],
    [U, U],
  ] as [Tri, Tri][])("NOT %s = %s", (a, want) => expect(not3(a)).toBe(want));

  it("n-ary forms agree with folding the binary tables", () => {
    const all = [T, F, U];
    for (const a of all)
      for (const b of all)
        for (const c of all) {
          expect(and3([a, b, c])).toBe(and3([and3([a, b]), c]));
          expect(or3([a, b, c])).toBe(or3([or3([a, b]), c]));
        }
  });

  it("empty AND is true and empty OR is false (identities)", () => {
    expect(and3([])).toBe(T);
    expect(or3([])).toBe(F);
  });

  it("De Morgan holds for every pair", () => {
    const all = [T, F, U];
    for (const a of all)
      for (const b of all) {
        expect(not3(and3([a, b]))).toBe(or3([not3(a), not3(b)]));
        expect(not3(or3([a, b]))).toBe(and3([not3(a), not3(b)]));
      }
  });
});
