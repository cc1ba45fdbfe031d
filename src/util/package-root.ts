import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let root: string | undefined;

/** The folder holding this package's package.json, found from this file (works from src/ and dist/). */
export function packageRoot(): string {
  root ??= findPackageRoot();
  return root;
}

// Walks up with existsSync: found once per process, since tools ask for corpusDir() on every call.
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "corpus"))) return dir;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error("medical-necessity-mcp: cannot find the package root (package.json + corpus/)");
    dir = parent;
  }
}

/** The shipped corpus folder (the server's --corpus and the tools' --corpus name another). */
export function corpusDir(): string {
  return join(packageRoot(), "corpus");
}
