import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initializeWire, spawnWire } from "../../tools/stdio-wire.js";
import type { StdioWire, WireResponse } from "../../tools/stdio-wire.js";
import { BUILT_SERVER, SERVER_NODE } from "../support/clients.js";

const HUGE = "a".repeat(200_000);
/** No answer may quote more than 200 characters of what it received. */
const ECHO = "a".repeat(201);

function answerText(r: WireResponse): string {
  return JSON.stringify(r);
}

describe("bounded work: a 200,000-character id is refused in under a second, without being echoed", () => {
  let wire: StdioWire;
  beforeAll(async () => {
    wire = spawnWire(SERVER_NODE, BUILT_SERVER);
    await initializeWire(wire);
    // Warm the lazily loaded tool code so the timings below are the work on the input alone.
    await wire.request("tools/call", {
      name: "citeGuideline",
      arguments: { passageId: "busse-bmj-2025#rec-joint-rfa" },
    });
    await wire.request("resources/read", { uri: "corpus://passages/busse-bmj-2025%23rec-joint-rfa" });
  });
  afterAll(async () => {
    if (wire.alive()) await wire.end();
  });

  it.each([
    ["citeGuideline passageId", "tools/call", { name: "citeGuideline", arguments: { passageId: HUGE } }],
    ["citeGuideline sourceId", "tools/call", { name: "citeGuideline", arguments: { sourceId: HUGE } }],
    ["lookupCodes code", "tools/call", { name: "lookupCodes", arguments: { codes: [HUGE] } }],
    [
      "evaluateSIJointRFA diagnosis",
      "tools/call",
      {
        name: "evaluateSIJointRFA",
        arguments: { request: { services: [{ code: "64625" }], diagnoses: [HUGE] }, clinical: {} },
      },
    ],
    ["a tool name", "tools/call", { name: HUGE, arguments: {} }],
    ["a passage resource", "resources/read", { uri: `corpus://passages/${HUGE}` }],
    ["a source resource", "resources/read", { uri: `corpus://sources/${HUGE}` }],
    [
      "a passage resource of 900 characters",
      "resources/read",
      { uri: `corpus://passages/${"a".repeat(900)}` },
    ],
    ["a prompt name", "prompts/get", { name: HUGE }],
  ])("%s", async (_, method, params) => {
    const start = performance.now();
    const answer = await wire.request(method, params);
    const ms = performance.now() - start;
    expect(ms).toBeLessThan(1000);
    const text = answerText(answer);
    expect(answer.error !== undefined || answer.result?.isError === true).toBe(true);
    expect(text).not.toContain(ECHO);
    expect(text.length).toBeLessThan(2000);
  });

  it("suggests close ids for a plausible unknown passage id, quoting it", async () => {
    const answer = await wire.request("resources/read", {
      uri: "corpus://passages/busse-bmj-2025%23rec-joint-rf",
    });
    expect(answer.error?.message).toContain("busse-bmj-2025#rec-joint-rfa");
  });
});
