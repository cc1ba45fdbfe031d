import { ProtocolError, ProtocolErrorCode } from "@modelcontextprotocol/server";
import { closestIds, MAX_ID_CHARS } from "../../corpus/closest-ids.js";

/** How much of a received URI or id an error message quotes. */
const QUOTED_CHARS = 200;

function quoted(text: string): string {
  return text.length <= QUOTED_CHARS
    ? JSON.stringify(text)
    : `${JSON.stringify(text.slice(0, QUOTED_CHARS))}… (${text.length} characters)`;
}

/**
 * The protocol error for a corpus URI naming no known id. It quotes at most 200 characters of what
 * it received, and suggests ids only for an id of plausible length (ids have at most 200 characters).
 */
export function unknownIdError(
  kind: "source" | "passage",
  uri: string,
  id: string | undefined,
  known: Iterable<string>,
): ProtocolError {
  if (id !== undefined && id.length > MAX_ID_CHARS) {
    return new ProtocolError(
      ProtocolErrorCode.InvalidParams,
      `the URI names a ${kind} id of ${id.length} characters; ${kind} ids have at most ${MAX_ID_CHARS}`,
    );
  }
  const shown =
    id === undefined ? "an id that is not valid percent-encoding" : `the unknown ${kind} id ${quoted(id)}`;
  const near = closestIds(id ?? "", known);
  return new ProtocolError(
    ProtocolErrorCode.InvalidParams,
    `${quoted(uri)} names ${shown}; closest ${kind} ids: ${near.join(", ")}`,
  );
}
