/** Kleene three-valued truth: a fact the case does not document is "unknown", never false. */
export type Tri = "true" | "false" | "unknown";

export function tri(value: boolean): Tri {
  return value ? "true" : "false";
}

/** Kleene AND: false if any is false, else unknown if any is unknown, else true (true for no operands). */
export function and3(values: readonly Tri[]): Tri {
  if (values.includes("false")) return "false";
  if (values.includes("unknown")) return "unknown";
  return "true";
}

/** Kleene OR: true if any is true, else unknown if any is unknown, else false (false for no operands). */
export function or3(values: readonly Tri[]): Tri {
  if (values.includes("true")) return "true";
  if (values.includes("unknown")) return "unknown";
  return "false";
}

export function not3(value: Tri): Tri {
  return value === "true" ? "false" : value === "false" ? "true" : "unknown";
}
