import { describe, expect, it } from "vitest";
import { runFuzz } from "../../tools/fuzz.js";
import { BUILT_SERVER, SERVER_NODE } from "../support/clients.js";

// The short, seeded form of `npm run fuzz` (which makes at least 10,000 calls per tool).
describe("seeded fuzz of the built server over stdio (short)", () => {
  it("answers 60 fuzzed calls per tool and the protocol noise without a crash or a stray stdout byte", async () => {
    const report = await runFuzz({
      seed: 13,
      callsPerTool: 60,
      maxSeconds: 90,
      node: SERVER_NODE,
      server: BUILT_SERVER,
    });
    expect(report.failures).toEqual([]);
    expect(report.strayStdout).toEqual([]);
    expect(report.alive).toBe(true);
    for (const figures of Object.values(report.tools)) expect(figures.calls).toBe(60);
    expect(report.protocolCalls).toBe(12);
  });
});
