import { hash } from "node:crypto";

/** JSON with object keys sorted at every level and no whitespace: the same value always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    const text = JSON.stringify(value);
    if (text === undefined) throw new Error(`canonicalJson: ${typeof value} has no JSON form`);
    return text;
  }
  // Written as loops (no entry tuples, no intermediate arrays): the audit hashes every input with it.
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      out += `${i > 0 ? "," : ""}${canonicalJson(item === undefined ? null : item)}`;
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = "{";
  let separator = "";
  // The default sort orders by UTF-16 code units, as `<` does.
  for (const key of Object.keys(record).sort()) {
    const item = record[key];
    if (item === undefined) continue;
    out += `${separator}${JSON.stringify(key)}:${canonicalJson(item)}`;
    separator = ",";
  }
  return `${out}}`;
}

/** sha256 of the UTF-8 text, in hex. The one-shot hash() (Node 20.12+) skips building a Hash object per input. */
export function sha256Hex(text: string): string {
  return hash("sha256", text, "hex");
}

/** The audit hash of a tool input: sha256 of its canonical JSON, every field included. */
export function inputSha256(input: unknown): string {
  return sha256Hex(canonicalJson(input));
}
