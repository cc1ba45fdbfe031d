// Bundles the built server (dist/src/index.js) into dist/server/: one file for everything a stdio
// start needs, with HTTP, audit and tool-domain code in chunks loaded on first use. Loading one
// module instead of a few hundred small ones is most of the server's cold start (BENCHMARKS.md).
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { BUILT_CORPUS_VERSION_NAME } from "../src/corpus-pin.js";
import { verifyCorpusFiles } from "../src/corpus/integrity.js";
import { corpusDir, packageRoot } from "../src/util/package-root.js";

const root = packageRoot();
// The corpus version the bundle is pinned to: the server refuses any other corpus unless the
// operator names its version (--corpus-version). Taken from the corpus as verified, never from an
// unchecked manifest.
const { files, problems } = verifyCorpusFiles(corpusDir());
if (problems.length > 0) {
  console.error(
    `cannot pin the corpus: ${problems.length} problem(s) in corpus/ (run npm run verify-corpus):`,
  );
  for (const p of problems.slice(0, 20)) console.error(`  - ${p}`);
  process.exit(1);
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
  define: { [BUILT_CORPUS_VERSION_NAME]: JSON.stringify(files.version) },
  // CommonJS dependencies (e.g. the SDK's JSON Schema validator) call require(); ESM has none.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
console.error(`bundled the server into dist/server/index.js (corpus version ${files.version})`);
