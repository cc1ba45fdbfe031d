import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import type { ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../support/clients.js";

/*
 * server.json for the MCP registry, validated offline against the registry's 2025-12-11 schema,
 * kept byte for byte in data/upstream/mcp-registry/ (sha256 in data/upstream/PROVENANCE.md).
 */
const SCHEMA_URL = "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json";
const schema = JSON.parse(
  readFileSync(join(ROOT, "data", "upstream", "mcp-registry", "server.schema.2025-12-11.json"), "utf8"),
) as { $id: string };
const serverJson = JSON.parse(readFileSync(join(ROOT, "server.json"), "utf8")) as Record<string, unknown>;
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  name: string;
  version: string;
  mcpName: string;
};

// ajv-formats is CommonJS: its default export arrives as the module object under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

function validator(): ValidateFunction {
  // strict: false because the schema uses annotation keywords draft-07 does not define (example, discriminator).
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe("server.json (MCP registry entry)", () => {
  const validate = validator();

  it("is valid against the registry's server.json schema of 2025-12-11", () => {
    expect(schema.$id).toBe(SCHEMA_URL);
    expect(serverJson.$schema).toBe(SCHEMA_URL);
    const valid = validate(serverJson);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("describes this npm package over stdio, with the name and version of package.json", () => {
    expect(serverJson.name).toBe(pkg.mcpName);
    expect(serverJson.version).toBe(pkg.version);
    expect(serverJson.packages).toEqual([
      expect.objectContaining({
        registryType: "npm",
        identifier: pkg.name,
        version: pkg.version,
        transport: { type: "stdio" },
      }),
    ]);
  });

  it("the validator rejects what the registry rejects (a long description, a version range, a bad name)", () => {
    const broken = [
      { ...serverJson, description: "x".repeat(101) },
      { ...serverJson, name: "no-namespace" },
      {
        ...serverJson,
        packages: [
          { registryType: "npm", identifier: pkg.name, version: "latest", transport: { type: "stdio" } },
        ],
      },
    ];
    for (const doc of broken) expect(validate(doc)).toBe(false);
  });
});
