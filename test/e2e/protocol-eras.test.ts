// Clients of protocol 2025-06-18, 2025-11-25 and 2026-07-28 are each served over stdio and over
// stateless HTTP by the built server, and every answer is the same whatever the era: the same
// tools and schemas, the same tool answers byte for byte, the same resources, prompts and
// completions. The reference is a v2 client connected in memory.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { passageUri } from "../../src/corpus/uris.js";
import { REFERENCE_CASE, REFERENCE_CODES } from "../../tools/demo-reference-case.js";
import { connectInMemory } from "../support/clients.js";
import type { Answer, EraClient, Where } from "../support/eras.js";
import { ERA_CASES, eraClient } from "../support/eras.js";
import type { HttpProcess } from "../support/http-process.js";
import { startHttpProcess } from "../support/http-process.js";

const TOOLS = [
  "lookupCodes",
  "evaluateSIJointRFA",
  "citeGuideline",
  "verifyCitations",
  "draftDeterminationLetter",
];
const PASSAGE = passageUri("busse-bmj-2025#rec-joint-rfa");
const PROMPT_ARGS = { services: "64625, J1100", diagnoses: "M53.3" };

/** Everything the era tests compare, asked of one client. */
interface Observed {
  tools: { name: string; inputSchema: unknown; outputSchema?: unknown }[];
  lookup: Answer;
  evaluation: Answer;
  badInput: Answer;
  passage: unknown[];
  prompt: unknown[];
  completion: string[];
}

async function observe(
  client: Pick<EraClient, Exclude<keyof EraClient, "protocolVersion" | "serverName" | "ping" | "close">>,
): Promise<Observed> {
  return {
    tools: await client.listTools(),
    lookup: await client.callTool("lookupCodes", { codes: [...REFERENCE_CODES, "M53.39"] }),
    evaluation: await client.callTool("evaluateSIJointRFA", REFERENCE_CASE),
    badInput: await client.callTool("lookupCodes", { codes: [5325], limit: 0 }),
    passage: await client.readResource(PASSAGE),
    prompt: await client.getPrompt("review-request", PROMPT_ARGS),
    completion: await client.complete("review-request", "services", "646"),
  };
}

let reference: Observed;
beforeAll(async () => {
  const client = await connectInMemory();
  reference = await observe(eraClient(client, undefined, undefined));
  await client.close();
});

function eraSuite(transport: string, where: () => Where): void {
  describe.each(ERA_CASES)(`${transport}: $label`, ({ protocolVersion, connect }) => {
    let client: EraClient;
    let observed: Observed;
    beforeAll(async () => {
      client = await connect(where());
      observed = await observe(client);
    });
    afterAll(async () => {
      await client?.close();
    });

    it(`negotiates ${protocolVersion} with the server`, () => {
      expect(client.protocolVersion).toBe(protocolVersion);
      expect(client.serverName).toBe("medical-necessity-mcp");
    });

    it("lists the same tools with the same input and output schemas", () => {
      expect(observed.tools.map((t) => t.name)).toEqual(TOOLS);
      expect(observed.tools.map((t) => [t.inputSchema, t.outputSchema])).toEqual(
        reference.tools.map((t) => [t.inputSchema, t.outputSchema]),
      );
    });

    it("answers lookupCodes and evaluateSIJointRFA byte for byte as in memory", () => {
      expect(observed.lookup.isError).toBe(false);
      expect(JSON.stringify(observed.lookup)).toBe(JSON.stringify(reference.lookup));
      expect(observed.evaluation.isError).toBe(false);
      expect(JSON.stringify(observed.evaluation)).toBe(JSON.stringify(reference.evaluation));
    });

    it("answers bad input with the same isError text naming the fields", () => {
      expect(observed.badInput.isError).toBe(true);
      expect(JSON.stringify(observed.badInput.content)).toMatch(
        /expected string, received number 5325 at codes\[0\].*at limit/,
      );
      expect(observed.badInput).toEqual(reference.badInput);
    });

    it("serves the same passage, prompt and completions", () => {
      expect(observed.passage).toEqual(reference.passage);
      expect(observed.prompt).toEqual(reference.prompt);
      expect(observed.completion).toEqual(["64625", "64635", "64636"]);
    });

    if (protocolVersion !== "2026-07-28") {
      it("answers ping", async () => {
        await expect(client.ping()).resolves.toEqual({});
      });
    }
  });
}

eraSuite("stdio", () => ({ stdio: true }));

let http: HttpProcess;
beforeAll(async () => {
  http = await startHttpProcess();
});
afterAll(async () => {
  await http?.stop();
});
eraSuite("HTTP", () => ({ url: http.url }));
