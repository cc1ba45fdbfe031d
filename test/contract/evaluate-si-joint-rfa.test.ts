import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "@modelcontextprotocol/client";
import { connectInMemory, textOf } from "../support/clients.js";

let client: Client;
beforeAll(async () => {
  client = await connectInMemory();
});
afterAll(async () => {
  await client.close();
});

interface JsonSchema {
  type?: string;
  required?: string[];
  additionalProperties?: unknown;
  properties?: Record<string, JsonSchema>;
}

describe("evaluateSIJointRFA in tools/list", () => {
  it("is listed right after lookupCodes, read-only, idempotent and closed-world", async () => {
    const { tools } = await client.listTools();
    const names = tools.map((t) => t.name);
    expect(names.indexOf("evaluateSIJointRFA")).toBe(names.indexOf("lookupCodes") + 1);
    const tool = tools.find((t) => t.name === "evaluateSIJointRFA");
    expect(tool?.annotations).toMatchObject({
      readOnlyHint: true,
      idempotentHint: true,
      openWorldHint: false,
      destructiveHint: false,
    });
    expect(tool?.description).toMatch(/licensed clinician/);
    expect(tool?.outputSchema).toBeDefined();
  });

  it("has strict input objects with the contract's names", async () => {
    const { tools } = await client.listTools();
    const input = tools.find((t) => t.name === "evaluateSIJointRFA")?.inputSchema as JsonSchema;
    expect(input.required?.sort()).toEqual(["clinical", "request"]);
    expect(input.additionalProperties).toBe(false);
    const request = input.properties?.request;
    const clinical = input.properties?.clinical;
    expect(request?.additionalProperties).toBe(false);
    expect(clinical?.additionalProperties).toBe(false);
    expect(Object.keys(request?.properties ?? {}).sort()).toEqual([
      "dateOfService",
      "diagnoses",
      "policy",
      "services",
    ]);
    expect(Object.keys(clinical?.properties ?? {}).sort()).toEqual(
      [
        // The original contract, unchanged:
        "cancerRelated",
        "conservativeCare",
        "diagnosticBlocks",
        "inflammatorySpondyloarthropathy",
        "notes",
        "painDurationMonths",
        "painType",
        "priorRFA",
        "provocativeTests",
        // Optional additions for the LCD's rules (issue 10):
        "ageYears",
        "contrastAllergy",
        "imageGuidance",
        "otherCauses",
        "painDurationWeeks",
        "painLocation",
        "pregnant",
        "requestType",
        "therapeuticInjections",
      ].sort(),
    );
  });

  it("rejects a bad date of service and a bad policy name with the field and what is expected", async () => {
    const bad = await client.callTool({
      name: "evaluateSIJointRFA",
      arguments: {
        request: {
          services: [{ code: "64625" }],
          diagnoses: [],
          dateOfService: "03/02/2026",
          policy: "aetna",
        },
        clinical: {},
      },
    });
    expect(bad.isError).toBe(true);
    expect(textOf(bad)).toMatch(/request\.dateOfService/);
    expect(textOf(bad)).toMatch(
      /expected one of "evidence-hierarchy", "medicare-lcd", received "aetna" at request\.policy/,
    );
  });

  it("rejects an empty service list and too many diagnoses", async () => {
    const empty = await client.callTool({
      name: "evaluateSIJointRFA",
      arguments: { request: { services: [], diagnoses: [] }, clinical: {} },
    });
    expect(empty.isError).toBe(true);
    expect(textOf(empty)).toMatch(/at least 1 items, received an array of 0 items at request\.services/);
    const many = await client.callTool({
      name: "evaluateSIJointRFA",
      arguments: {
        request: { services: [{ code: "64625" }], diagnoses: Array.from({ length: 26 }, () => "M53.3") },
        clinical: {},
      },
    });
    expect(many.isError).toBe(true);
    expect(textOf(many)).toMatch(/at most 25 items.*request\.diagnoses/);
  });
});

type Json = { properties?: Record<string, Json>; items?: Json; description?: string; [key: string]: unknown };

describe("evaluateSIJointRFA input fields describe themselves", () => {
  it("every field of the case, at every depth, has a description", async () => {
    const client = await connectInMemory();
    try {
      const { tools } = await client.listTools();
      const schema = tools.find((t) => t.name === "evaluateSIJointRFA")?.inputSchema as Json;
      const missing: string[] = [];
      const walk = (node: Json | undefined, path: string): void => {
        if (!node || typeof node !== "object") return;
        for (const [name, child] of Object.entries(node.properties ?? {})) {
          const at = path ? `${path}.${name}` : name;
          if (typeof child.description !== "string" || child.description.length === 0) missing.push(at);
          walk(child, at);
          walk(child.items, `${at}[]`);
        }
      };
      walk(schema.properties?.request, "request");
      walk(schema.properties?.clinical, "clinical");
      expect(missing).toEqual([]);
    } finally {
      await client.close();
    }
  });
});
