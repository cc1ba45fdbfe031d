import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeManifest } from "../../tools/corpus-writer.js";
import { BUILT_SERVER } from "../support/clients.js";
import { copyCorpus } from "../support/temp-corpus.js";

// The built server checks the policy data at start (test/unit/engine/policy-check.test.ts has the
// checks themselves): a consistently re-hashed corpus with a bad policy still refuses the start.
const EH = "families/si-joint/profiles/evidence-hierarchy.v2.json";
const removers: (() => void)[] = [];
afterEach(() => {
  for (const remove of removers.splice(0)) remove();
});

function alteredCorpus(file: string, edit: (json: Record<string, unknown>) => void): string {
  const copy = copyCorpus();
  removers.push(copy.remove);
  const path = join(copy.dir, ...file.split("/"));
  const json = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  edit(json);
  writeFileSync(path, `${JSON.stringify(json, null, 2)}\n`);
  writeManifest(copy.dir);
  return copy.dir;
}
const criterion = (json: Record<string, unknown>, id: string) =>
  (json.criteria as Record<string, unknown>[]).find((c) => c.id === id) as Record<string, unknown>;

describe("the built server and a bad policy", () => {
  it("the built server refuses to start on a bad policy and names the file and the id", () => {
    const dir = alteredCorpus(
      EH,
      (j) => (criterion(j, "EH-not-cancer").grounds = ["nice-ng59#2020-guideline"]),
    );
    const run = spawnSync(process.execPath, [BUILT_SERVER], {
      encoding: "utf8",
      env: { ...process.env, MNM_CORPUS_DIR: dir },
      input: "",
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/refusing to start/);
    expect(run.stderr).toMatch(
      /evidence-hierarchy\.v2\.json criterion EH-not-cancer: unknown passage id "nice-ng59#2020-guideline"/,
    );
    expect(run.stdout).toBe("");
  });
});
