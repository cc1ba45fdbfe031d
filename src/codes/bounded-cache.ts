/** Freezes a JSON-like value and everything in it, so a cached answer cannot be changed by a reader. */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (Array.isArray(value)) for (const item of value as unknown[]) deepFreeze(item);
  else for (const key in value) deepFreeze(value[key]);
  return value;
}

/**
 * Remembers up to `capacity` values by key; when full, the least recently added key is forgotten.
 * Values must be pure functions of their key, so what is remembered never changes an answer.
 */
export class BoundedCache<V> {
  private readonly values = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get(key: string, make: () => V): V {
    const known = this.values.get(key);
    if (known !== undefined) return known;
    const value = make();
    if (this.values.size >= this.capacity) {
      const oldest = this.values.keys().next();
      if (!oldest.done) this.values.delete(oldest.value);
    }
    this.values.set(key, value);
    return value;
  }

  get size(): number {
    return this.values.size;
  }
}
