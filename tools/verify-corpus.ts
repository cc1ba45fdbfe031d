import { SHIPPED_FAMILIES } from "../src/families/shipped.js";
import { loadKnowledge } from "../src/knowledge/knowledge.js";
import { corpusDir } from "../src/util/package-root.js";

/** The server's start-up checks, run on the corpus folder (the shipped one, or MNM_CORPUS_DIR). */
const { problems } = loadKnowledge(corpusDir(), SHIPPED_FAMILIES);
if (problems.length > 0) {
  console.error(
    `corpus verification failed (${problems.length} problem${problems.length === 1 ? "" : "s"}):`,
  );
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.error("corpus verified: no problems");
