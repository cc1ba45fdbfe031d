import { afterEach, describe, expect, it } from "vitest";
import type { Client } from "@modelcontextprotocol/client";
import type { ToolJsonSchemas } from "../../../src/mcp/built-tool-schemas.js";
import { serverContext } from "../../../src/mcp/context.js";
import { connectInMemory } from "../../support/clients.js";
import { shippedKnowledge } from "../../support/knowledge.js";

const clients: Client[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) await c.close();
});

async function listed(table?: ToolJsonSchemas) {
  const client = await connectInMemory(serverContext(shippedKnowledge(), { jsonSchemas: table }));
  clients.push(client);
  return (await client.listTools()).tools;
}

/** A table whose lookupCodes input is marked, so a listing shows whether it was used. */
function markedTable(corpusVersion: string, live: Awaited<ReturnType<typeof listed>>): ToolJsonSchemas {
  const tools: ToolJsonSchemas["tools"] = {};
  for (const t of live) tools[t.name] = { input: { ...t.inputSchema }, output: { ...t.outputSchema } };
  tools.lookupCodes = {
    input: { ...tools.lookupCodes!.input, description: "written ahead" },
    output: tools.lookupCodes!.output,
  };
  return { corpusVersion, tools };
}

describe("tool JSON Schemas written ahead by the bundle step", () => {
  it("are listed when they were written with the served corpus version", async () => {
    const live = await listed();
    const tools = await listed(markedTable(shippedKnowledge().version, live));
    expect(tools.find((t) => t.name === "lookupCodes")?.inputSchema.description).toBe("written ahead");
    expect(tools.filter((t) => t.name !== "lookupCodes")).toEqual(
      live.filter((t) => t.name !== "lookupCodes"),
    );
  });

  it("are ignored for any other corpus version: the schemas are written live", async () => {
    const live = await listed();
    expect(await listed(markedTable("another-version", live))).toEqual(live);
  });
});
