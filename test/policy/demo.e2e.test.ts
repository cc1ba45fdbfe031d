import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/clients.js";

describe("npm run demo (built)", () => {
  it("runs the reference case end to end over stdio", () => {
    const run = spawnSync(process.execPath, [join(ROOT, "dist", "tools", "demo.js")], {
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("tools: lookupCodes, evaluateSIJointRFA");
    expect(run.stdout).toContain("classification: mechanical / degenerative SI joint or lumbosacral pain");
    expect(run.stdout).toContain("Recommended determination: NOT MEDICALLY NECESSARY");
    expect(run.stdout).toMatch(
      /64625: not-medically-necessary\nJ1100: not-medically-necessary\noverall: not-medically-necessary/,
    );
  });
});
