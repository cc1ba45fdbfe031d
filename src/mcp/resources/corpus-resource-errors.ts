import { ProtocolError, ProtocolErrorCode } from "@modelcontextprotocol/server";
import { closestIds } from "../../corpus/closest-ids.js";

/** The protocol error for a corpus URI naming no known id. */
export function unknownIdError(
  kind: "source" | "passage",
  uri: string,
  id: string | undefined,
  known: Iterable<string>,
): ProtocolError {
  const shown =
    id === undefined
      ? "an id that is not valid percent-encoding"
      : `the unknown ${kind} id ${JSON.stringify(id)}`;
  const near = closestIds(id ?? "", known);
  return new ProtocolError(
    ProtocolErrorCode.InvalidParams,
    `${uri} names ${shown}; closest ${kind} ids: ${near.join(", ")}`,
  );
}
