import { join } from "node:path";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
import { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ECHO, TIMED_CALLS } from "../../bench/calls.js";
import { ROOT, SERVER_NODE, connectStdio } from "../support/clients.js";
import type { StdioConnection } from "../support/clients.js";

// The bench's answer floor is only a floor if the floor server returns exactly what our server
// returns for each timed call: same structured content, same text, byte for byte.
const FLOOR_SERVER = join(ROOT, "dist", "bench", "floor-server.js");

describe("bench answer-floor server (built)", () => {
  let ours: StdioConnection;
  let floor: Client;

  beforeAll(async () => {
    ours = await connectStdio();
    floor = new Client({ name: "floor-test", version: "1.0.0" });
    await floor.connect(
      new StdioClientTransport({ command: SERVER_NODE, args: [FLOOR_SERVER], stderr: "ignore" }),
    );
  });
  afterAll(async () => {
    await Promise.all([ours.close(), floor.close()]);
  });

  for (const [name, call] of Object.entries(TIMED_CALLS)) {
    it(`answers the timed call "${name}" byte for byte as our server does`, async () => {
      const mine = await ours.client.callTool(call);
      const fixed = await floor.callTool(call);
      expect(mine.isError ?? false).toBe(false);
      expect(JSON.stringify(fixed)).toBe(JSON.stringify(mine));
    });
  }

  it("answers the echo as the bare server does, and refuses a call the bench does not time", async () => {
    expect(await floor.callTool(ECHO)).toEqual({ content: [{ type: "text", text: "ping" }] });
    const other = await floor.callTool({ name: "lookupCodes", arguments: { codes: ["M46.1"] } });
    expect(other.isError).toBe(true);
  });
});
