/** Resource URIs of the corpus; ids are percent-encoded, so the "#" of a passage id becomes "%23". */
export const SOURCE_URI_TEMPLATE = "corpus://sources/{id}";
export const PASSAGE_URI_TEMPLATE = "corpus://passages/{id}";

export function sourceUri(id: string): string {
  return `corpus://sources/${encodeURIComponent(id)}`;
}

export function passageUri(id: string): string {
  return `corpus://passages/${encodeURIComponent(id)}`;
}

/** The id in a matched URI variable; undefined when it is not valid percent-encoding. */
export function decodeId(value: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(value) ? value.join(",") : value;
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}
