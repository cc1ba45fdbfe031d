import { spawnSync } from "node:child_process";
import type { SpawnSyncReturns } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, SERVER_NODE } from "../support/clients.js";

const DEMO = join(ROOT, "dist", "tools", "demo.js");

describe("npm run demo (built): the reference case through a real MCP client over stdio", () => {
  let run: SpawnSyncReturns<string>;
  beforeAll(() => {
    run = spawnSync(SERVER_NODE, [DEMO], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  });

  it("exits 0 and writes nothing to stderr", () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe("");
  });

  it("lists the tools and runs every step (none skipped, none failed)", () => {
    for (const tool of [
      "lookupCodes",
      "evaluateSIJointRFA",
      "citeGuideline",
      "verifyCitations",
      "draftDeterminationLetter",
    ]) {
      expect(run.stdout).toMatch(new RegExp(`^- ${tool}: `, "m"));
    }
    expect(run.stdout).not.toContain("(skipped");
    expect(run.stdout).not.toContain("<- isError");
  });

  it("shows the codes, the governing citation, the evaluation, the draft letter and its verification", () => {
    const out = run.stdout;
    expect(out).toContain("- M53.3 ICD-10-CM billable: ");
    expect(out).toContain('"Sacrococcygeal disorders, not elsewhere classified"');
    expect(out).toMatch(/^ {3}1\. busse-bmj-2025#rec-joint-rfa /m);
    expect(out).toContain("Overall: not-medically-necessary (review required: yes)");
    expect(out).toMatch(/^ +64625: not-medically-necessary \(Chronic axial spine pain/m);
    expect(out).toMatch(/^ +J1100: not-medically-necessary \(Chronic axial spine pain/m);
    expect(out).toContain("olivier-pmr-2023#synthesis");
    expect(out).toContain("DRAFT: a licensed clinician must review, edit and sign this letter");
    expect(out).toMatch(/Checklist: \d+ of 14 required elements present/);
    expect(out).toContain("All quotations verified: yes");
    expect(out).toMatch(/^- review-request: /m);
    expect(out).toMatch(/^- draft-denial-letter: /m);
    expect(out).toMatch(
      /^== Summary\n64625: not-medically-necessary\nJ1100: not-medically-necessary\noverall: not-medically-necessary \(review required/m,
    );
    expect(out.trimEnd().split("\n").at(-1)).toBe(
      "Every answer above is a recommendation for a licensed clinician, who makes the determination.",
    );
  });
});
