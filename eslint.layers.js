// @ts-check
// The layers of src/, enforced by lint: domain code never imports the MCP SDK or src/mcp/, and no
// code under src/ imports the command-line tools in tools/ (ARCHITECTURE.md shows the layers).

/** `tools/` at the repository root, seen from a file `depth` folders below it. */
const toolsFrom = (depth) => ({
  regex: `^${"\\.\\./".repeat(depth)}tools/`,
  message: "src/ never imports the command-line tools in tools/.",
});

const SDK = {
  group: ["@modelcontextprotocol/*", "@modelcontextprotocol/**"],
  message: "Domain code never imports the MCP SDK: only src/mcp/ turns outcomes into MCP results.",
};
const MCP = {
  regex: "(^|/)mcp/",
  message: "Domain code never imports src/mcp/ (the MCP layer sits above the domain).",
};

/** Files of the MCP layer and the process entry points: everything else under src/ is domain code. */
const TOP = [
  "src/mcp/**",
  "src/index.ts",
  "src/main.ts",
  "src/stdio-server.ts",
  "src/http-server.ts",
  "src/cli-args.ts",
];

export const layerRules = [
  {
    files: ["src/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [toolsFrom(1)] }] },
  },
  {
    files: ["src/*/*.ts"],
    ignores: TOP,
    rules: { "no-restricted-imports": ["error", { patterns: [SDK, MCP, toolsFrom(2)] }] },
  },
  {
    files: ["src/*/*/*.ts"],
    ignores: TOP,
    rules: { "no-restricted-imports": ["error", { patterns: [SDK, MCP, toolsFrom(3)] }] },
  },
  {
    files: ["src/mcp/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [toolsFrom(2)] }] },
  },
  {
    files: ["src/mcp/*/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [toolsFrom(3)] }] },
  },
];
