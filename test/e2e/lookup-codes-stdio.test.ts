import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LookupCodesOutputSchema } from "../../src/codes/lookup-result-schema.js";
import { connectStdio, textOf } from "../support/clients.js";
import type { StdioConnection } from "../support/clients.js";

// Runs the built server (npm run build first; npm test does).
let connection: StdioConnection;

beforeAll(async () => {
  connection = await connectStdio();
});

afterAll(async () => {
  await connection.close();
});

describe("lookupCodes over stdio against the built server", () => {
  it("loads the shipped code data from the package and answers with the output schema", async () => {
    const result = await connection.client.callTool({
      name: "lookupCodes",
      arguments: {
        codes: ["M53.3", "M47.81", "J1100", "64625", "M53.39"],
        query: "sacroiliac joint",
        limit: 3,
        detail: "full",
      },
    });
    expect(result.isError, textOf(result)).toBeFalsy();
    const out = LookupCodesOutputSchema.parse(result.structuredContent);
    expect(out.results.map((r) => [r.code, r.found])).toEqual([
      ["M53.3", true],
      ["M47.81", true],
      ["J1100", true],
      ["64625", true],
      ["M53.39", false],
    ]);
    expect(out.matches).toHaveLength(3);
    expect(connection.stderr()).not.toContain("M53.39");
  });
});
