import { describe, expect, it } from "vitest";
import { byCodeUnit } from "../../../src/util/code-unit-order.js";

describe("byCodeUnit", () => {
  it("orders by code unit, punctuation and case included, as no locale's collation does", () => {
    const ids = ["ab", "a-b", "B", "a#b", "a", "é"];
    expect([...ids].sort(byCodeUnit)).toEqual(["B", "a", "a#b", "a-b", "ab", "é"]);
    // What the default collation gives here (punctuation ignored at first, case folded), for contrast.
    expect([...ids].sort((x, y) => x.localeCompare(y, "en"))).not.toEqual([...ids].sort(byCodeUnit));
  });

  it("is a total order: equal strings compare 0, and swapping the sides flips the sign", () => {
    expect(byCodeUnit("x", "x")).toBe(0);
    expect(byCodeUnit("a", "b")).toBe(-1);
    expect(byCodeUnit("b", "a")).toBe(1);
  });
});
