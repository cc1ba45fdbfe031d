import { ESLint } from "eslint";
import { parser } from "typescript-eslint";
import { describe, expect, it } from "vitest";
import { layerRules } from "../../eslint.layers.js";

// The layer rules fail on the imports they forbid and pass the ones the layers allow.
const eslint = new ESLint({
  cwd: `${import.meta.dirname}/../..`,
  overrideConfigFile: true,
  overrideConfig: [{ files: ["**/*.ts"], languageOptions: { parser } }, ...layerRules],
});

async function errors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.message);
}

describe("layer rules (eslint.layers.js)", () => {
  it.each([
    [
      "src/engine/x.ts",
      'import { McpServer } from "@modelcontextprotocol/server";',
      /never imports the MCP SDK/,
    ],
    ["src/review/x.ts", 'import { domain } from "../mcp/domain.js";', /never imports src\/mcp/],
    [
      "src/families/si-joint/x.ts",
      'import type { ServerContext } from "../../mcp/context.js";',
      /never imports src\/mcp/,
    ],
    [
      "src/knowledge/x.ts",
      'import { writeManifest } from "../../tools/corpus-writer.js";',
      /never imports the command-line tools/,
    ],
    [
      "src/mcp/tools/x.ts",
      'import { writeManifest } from "../../../tools/corpus-writer.js";',
      /never imports the command-line tools/,
    ],
    ["src/index.ts", 'import { x } from "../tools/demo.js";', /never imports the command-line tools/],
  ])("refuses in %s: %s", async (file, code, message) => {
    expect((await errors(file, code)).join("\n")).toMatch(message);
  });

  it.each([
    ["src/mcp/server.ts", 'import { McpServer } from "@modelcontextprotocol/server";'],
    ["src/mcp/registry.ts", 'import { lookupCodesTool } from "./tools/lookup-codes.js";'],
    ["src/mcp/prompts/x.ts", 'import { t } from "../tools/lookup-codes.js";'],
    ["src/index.ts", 'import { serverContext } from "./mcp/context.js";'],
    ["src/review/x.ts", 'import { evaluate } from "../engine/evaluate.js";'],
  ])("allows in %s: %s", async (file, code) => {
    expect(await errors(file, code)).toEqual([]);
  });
});
