import { describe, expect, it } from "vitest";
import { BoundedCache, deepFreeze } from "../../src/codes/bounded-cache.js";

describe("BoundedCache", () => {
  it("builds a value once per key and forgets the oldest key when full", () => {
    const built: string[] = [];
    const cache = new BoundedCache<string>(2);
    const get = (key: string) =>
      cache.get(key, () => {
        built.push(key);
        return key.toUpperCase();
      });
    expect([get("a"), get("b"), get("a")]).toEqual(["A", "B", "A"]);
    expect(built).toEqual(["a", "b"]);
    get("c");
    expect(cache.size).toBe(2);
    get("b");
    get("a");
    expect(built).toEqual(["a", "b", "c", "a"]);
  });
});

describe("deepFreeze", () => {
  it("freezes nested objects and arrays", () => {
    const value = deepFreeze({ a: [{ b: 1 }], c: { d: "x" } });
    expect(Object.isFrozen(value)).toBe(true);
    expect(Object.isFrozen(value.a)).toBe(true);
    expect(Object.isFrozen(value.a[0])).toBe(true);
    expect(Object.isFrozen(value.c)).toBe(true);
    expect(() => {
      value.c.d = "y";
    }).toThrow(TypeError);
  });
});
