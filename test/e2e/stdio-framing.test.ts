import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initializeWire, spawnWire } from "../../tools/stdio-wire.js";
import type { StdioWire } from "../../tools/stdio-wire.js";
import { BUILT_SERVER, SERVER_NODE } from "../support/clients.js";
import { waitFor } from "../support/wait.js";

const LIMIT = 10 * 1024 * 1024;
const line = (message: object): string => `${JSON.stringify(message)}\n`;

/** The built server on a raw stdio wire, initialized, for the enclosing describe block. */
function builtServerWire(): () => StdioWire {
  let wire: StdioWire | undefined;
  beforeAll(async () => {
    wire = spawnWire(SERVER_NODE, BUILT_SERVER);
    await initializeWire(wire);
  });
  afterAll(async () => {
    if (wire?.alive()) await wire.end();
  });
  return () => {
    if (!wire) throw new Error("the server wire is not started yet");
    return wire;
  };
}

describe("stdio framing: an oversized message is answered, its tail never executed", () => {
  const wire = builtServerWire();

  it("answers one JSON-RPC error (id null), does not run the request at the end of the line, and keeps serving", async () => {
    // 11 MB of spaces, then a complete request on the same line: over the limit, so all of it is discarded.
    wire().write(" ".repeat(LIMIT + 1024 * 1024));
    wire().write(line({ jsonrpc: "2.0", id: "tail", method: "tools/list" }));
    const after = await wire().request("tools/list", {});
    expect((after.result?.tools as unknown[]).length).toBeGreaterThan(0);
    await waitFor(() => wire().unmatched().length > 0, "the error for the oversized line");
    const [error, ...rest] = wire().unmatched();
    expect(rest).toEqual([]);
    expect(error?.id).toBeNull();
    expect(error?.error?.code).toBe(-32600);
    expect(error?.error?.message).toMatch(/over the 10485760-byte stdio limit was discarded/);
    // No answer ever names the tail's id.
    expect(
      wire()
        .unmatched()
        .some((m) => m.id === "tail"),
    ).toBe(false);
    expect(wire().stray()).toEqual([]);
    expect(wire().alive()).toBe(true);
  });

  it("discards an oversized line sent in one write whose newline comes much later, and answers the next line", async () => {
    const before = wire().unmatched().length;
    wire().write(
      `${"x".repeat(LIMIT + 10)}${line({ jsonrpc: "2.0", id: "tail2", method: "ping" }).trimEnd()}${"y".repeat(1000)}\n`,
    );
    const ping = await wire().request("ping", {});
    expect(ping.result).toEqual({});
    await waitFor(() => wire().unmatched().length > before, "the error for the second oversized line");
    expect(
      wire()
        .unmatched()
        .slice(before)
        .map((m) => m.id),
    ).toEqual([null]);
  });

  it("accepts a message just under the limit", async () => {
    const padding = " ".repeat(LIMIT - 200);
    wire().write(`${padding}${line({ jsonrpc: "2.0", id: "big-ok", method: "ping" })}`);
    await waitFor(
      () =>
        wire()
          .unmatched()
          .some((m) => m.id === "big-ok"),
      "the answer to the large ping",
    );
  });
});

describe("stdio protocol: malformed params get -32602 with a short message", () => {
  const wire = builtServerWire();

  it.each([
    ["missing params", "tools/call", undefined, /tools\/call needs params/],
    ["array params", "tools/call", [1, 2], /params must be an object, received an array of 2 items/],
    [
      "string arguments",
      "tools/call",
      { name: "lookupCodes", arguments: "M53.3" },
      /arguments must be an object/,
    ],
    [
      "array arguments",
      "tools/call",
      { name: "lookupCodes", arguments: ["M53.3"] },
      /arguments must be an object/,
    ],
    [
      "a 200,000-character tool name",
      "tools/call",
      { name: "x".repeat(200_000) },
      /a string of 200000 characters/,
    ],
    ["missing uri", "resources/read", {}, /needs params.uri/],
    [
      "a prompt argument that is not a string",
      "prompts/get",
      { name: "review-request", arguments: { services: 5 } },
      /services: expected string/,
    ],
  ])("%s", async (_, method, params, message) => {
    const answer = await wire().request(method, params);
    expect(answer.error?.code).toBe(-32602);
    expect(answer.error?.message).toMatch(message);
    expect(answer.error?.message.length).toBeLessThanOrEqual(400);
    expect(answer.error?.message).not.toMatch(/\n|"code":/);
  });

  it("answers a request that is not JSON-RPC 2.0 but has an id, and still serves", async () => {
    wire().write(line({ jsonrpc: "1.0", id: "old", method: "ping" }));
    await waitFor(
      () =>
        wire()
          .unmatched()
          .some((m) => m.id === "old"),
      "the answer to the 1.0 request",
    );
    expect(
      wire()
        .unmatched()
        .find((m) => m.id === "old")?.error?.code,
    ).toBe(-32600);
    expect((await wire().request("ping", {})).result).toEqual({});
    expect(wire().stray()).toEqual([]);
  });
});
