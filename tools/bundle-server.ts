// Bundles the built server (dist/src/index.js) into dist/server/: a small executable that turns on
// Node's compile cache, one chunk for everything else a stdio start needs, and HTTP, audit and
// tool-domain code in chunks loaded on first use. Loading one module instead of a few hundred small
// ones is most of the server's cold start (BENCHMARKS.md). The bundle carries the corpus version it
// is pinned to and the tools' JSON Schemas written ahead for that corpus (src/mcp/built-tool-schemas.ts).
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { BUILT_CORPUS_VERSION_NAME } from "../src/corpus-pin.js";
import { SHIPPED_FAMILIES } from "../src/families/shipped.js";
import { loadKnowledge } from "../src/knowledge/knowledge.js";
import type { Knowledge } from "../src/knowledge/knowledge.js";
import { PARSED_AHEAD_NAME } from "../src/corpus/parsed-ahead.js";
import type { ParsedAheadTable } from "../src/corpus/parsed-ahead.js";
import { BUILT_TOOL_SCHEMAS_NAME } from "../src/mcp/built-tool-schemas.js";
import type { ToolJsonSchemas } from "../src/mcp/built-tool-schemas.js";
import { serverContext } from "../src/mcp/context.js";
import { registrations } from "../src/mcp/registry.js";
import { listedJsonSchema } from "../src/mcp/tool-schemas.js";
import type { McpServer, StandardSchemaWithJSON } from "@modelcontextprotocol/server";
import { corpusDir, packageRoot } from "../src/util/package-root.js";

const root = packageRoot();
// The shipped corpus loaded and verified as the server loads it, writing down zod's output for
// each JSON file (src/corpus/parsed-ahead.ts). Its version is the one the bundle is pinned to: the
// server refuses any other corpus unless the operator names its version (--corpus-version). Taken
// from the corpus as verified, never from an unchecked manifest.
const parsedAhead: ParsedAheadTable = {};
const { knowledge, problems } = loadKnowledge(corpusDir(), SHIPPED_FAMILIES, { record: parsedAhead });
if (!knowledge) {
  console.error(
    `cannot pin the corpus: ${problems.length} problem(s) in corpus/ (run npm run verify-corpus):`,
  );
  for (const p of problems.slice(0, 20)) console.error(`  - ${p}`);
  process.exit(1);
}

/**
 * Each tool's input and output JSON Schema as tools/list shows them with the shipped corpus, written
 * by the same code the server runs (tool-schemas.ts), taken from each tool's registration.
 */
function toolJsonSchemas(knowledge: Knowledge): ToolJsonSchemas {
  const context = serverContext(knowledge);
  const tools: ToolJsonSchemas["tools"] = {};
  type Schema = StandardSchemaWithJSON<unknown, unknown>;
  const recorder = {
    registerTool(name: string, config: { inputSchema: Schema; outputSchema: Schema }) {
      tools[name] = {
        input: listedJsonSchema(config.inputSchema, "input"),
        output: listedJsonSchema(config.outputSchema, "output"),
      };
    },
  };
  for (const r of registrations) if (r.kind === "tool") r.register(recorder as unknown as McpServer, context);
  return { corpusVersion: knowledge.version, tools };
}

// Chunk names carry content hashes: start from an empty folder so that no chunk of an earlier build
// is left behind (the npm package and the .mcpb ship every .js file in it).
rmSync(join(root, "dist", "server"), { recursive: true, force: true });
await build({
  entryPoints: [join(root, "dist", "src", "index.js")],
  outdir: join(root, "dist", "server"),
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
  define: {
    [BUILT_CORPUS_VERSION_NAME]: JSON.stringify(knowledge.version),
    [BUILT_TOOL_SCHEMAS_NAME]: JSON.stringify(JSON.stringify(toolJsonSchemas(knowledge))),
    [PARSED_AHEAD_NAME]: JSON.stringify(JSON.stringify(parsedAhead)),
  },
  // CommonJS dependencies (e.g. the SDK's JSON Schema validator) call require(); ESM has none.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
console.error(`bundled the server into dist/server/index.js (corpus version ${knowledge.version})`);
