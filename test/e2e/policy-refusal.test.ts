import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { BUILT_SERVER } from "../support/clients.js";
import { alteredCorpora } from "../support/temp-corpus.js";

// The built server checks the policy data at start (test/unit/engine/policy-check.test.ts has the
// checks themselves): a consistently re-hashed corpus with a bad policy still refuses the start.
const EH = "families/si-joint/profiles/evidence-hierarchy.v2.json";
const alteredCorpus = alteredCorpora();
const criterion = (json: Record<string, unknown>, id: string) =>
  (json.criteria as Record<string, unknown>[]).find((c) => c.id === id) as Record<string, unknown>;

describe("the built server and a bad policy", () => {
  it("the built server refuses to start on a bad policy and names the file and the id", () => {
    const dir = alteredCorpus(
      EH,
      (j) => (criterion(j, "EH-not-cancer").grounds = ["nice-ng59#2020-guideline"]),
    );
    const run = spawnSync(process.execPath, [BUILT_SERVER, "--corpus", dir], {
      encoding: "utf8",
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
