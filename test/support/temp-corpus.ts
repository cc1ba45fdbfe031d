import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { afterEach } from "vitest";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeManifest } from "../../tools/corpus-writer.js";
import { ROOT } from "./clients.js";

/**
 * A private copy of the shipped corpus folder, for tests that alter it. Its manifest is rewritten so
 * the copy starts consistent even while corpus data in the working tree is being edited.
 */
export function copyCorpus(): { dir: string; remove: () => void } {
  const dir = join(mkdtempSync(join(tmpdir(), "mnm-corpus-")), "corpus");
  cpSync(join(ROOT, "corpus"), dir, { recursive: true });
  writeManifest(dir);
  return { dir, remove: () => rmSync(join(dir, ".."), { recursive: true, force: true }) };
}

/**
 * A `corpusCopy()` for a test file: each call makes a private copy of the corpus (see copyCorpus),
 * and every copy is removed after each test.
 */
export function corpusCopies(): () => string {
  const removers: (() => void)[] = [];
  afterEach(() => {
    for (const remove of removers.splice(0)) remove();
  });
  return () => {
    const copy = copyCorpus();
    removers.push(copy.remove);
    return copy.dir;
  };
}

/**
 * An `alteredCorpus(file, edit)` for a test file: a private corpus copy with one JSON file edited and
 * its manifest rewritten, so only the edit's problem shows; removed after each test.
 */
export function alteredCorpora(): (file: string, edit: (json: Record<string, unknown>) => void) => string {
  const corpusCopy = corpusCopies();
  return (file, edit) => {
    const dir = corpusCopy();
    const path = join(dir, ...file.split("/"));
    const json = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
    edit(json);
    writeFileSync(path, `${JSON.stringify(json, null, 2)}\n`);
    writeManifest(dir);
    return dir;
  };
}
