import { resolve } from "node:path";
import { SHIPPED_FAMILIES } from "../src/families/shipped.js";
import { loadKnowledge } from "../src/knowledge/knowledge.js";
import { corpusDir } from "../src/util/package-root.js";

/**
 * The server's start-up checks, run on a corpus folder:
 *   npm run verify-corpus                  # the repository's corpus/
 *   npm run verify-corpus -- --corpus DIR  # another corpus folder (a plan's own, after ingest)
 * It prints the corpus version: serve another folder with the server's --corpus DIR, naming that
 * version with --corpus-version unless the build was made with it.
 */
const argv = process.argv.slice(2);
const at = argv.indexOf("--corpus");
if (at >= 0 && !argv[at + 1]) {
  console.error("--corpus needs a folder");
  process.exit(2);
}
const dir = at >= 0 ? resolve(argv[at + 1] ?? "") : corpusDir();
const { knowledge, problems } = loadKnowledge(dir, SHIPPED_FAMILIES);
if (problems.length > 0 || !knowledge) {
  console.error(
    `corpus verification failed (${problems.length} problem${problems.length === 1 ? "" : "s"}):`,
  );
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.error(`corpus verified: no problems (corpus version ${knowledge.version})`);
