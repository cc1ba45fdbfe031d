/**
 * Rewrite corpus/manifest.json: the sha256 of EVERY file under the corpus folder (evidence/,
 * codes/, policies/, anything else; only manifest.json itself is skipped) and the corpus version
 * hash. Run it after any change to corpus data:
 *
 *   npm run update-manifest                 # the repo's corpus/
 *   npm run update-manifest -- --corpus DIR # another corpus folder
 *
 * The server refuses to start when a file is unlisted, missing or changed (src/corpus/integrity.ts),
 * so commit the updated manifest together with the data it describes.
 */
import { corpusDir } from "../src/util/package-root.js";
import { writeManifest } from "./corpus-writer.js";

function corpusOption(argv: string[]): string {
  const at = argv.indexOf("--corpus");
  if (at >= 0) {
    const value = argv[at + 1];
    if (!value) throw new Error("--corpus needs a folder");
    return value;
  }
  return corpusDir();
}

const dir = corpusOption(process.argv.slice(2));
const manifest = writeManifest(dir);
console.error(`manifest updated: ${manifest.files.length} files, corpus version ${manifest.version}`);
