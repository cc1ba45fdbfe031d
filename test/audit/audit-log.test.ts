import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyChain } from "../../src/audit/audit-chain.js";
import { AuditLog, AuditLogError } from "../../src/audit/audit-log.js";
import { GENESIS_HASH } from "../../src/audit/audit-record.js";
import type { CaseInput } from "../../src/engine/case-schema.js";
import { review } from "../support/knowledge.js";
import { REFERENCE_CASE } from "../../tools/demo-reference-case.js";
import { ROOT, connectStdio } from "../support/clients.js";

const MARKER = "PATIENT-NOTE-MARKER-7f3a";
const CASE: CaseInput = { ...REFERENCE_CASE, clinical: { ...REFERENCE_CASE.clinical, notes: MARKER } };
const OTHER: CaseInput = {
  request: { services: [{ code: "27096" }], diagnoses: ["M46.1"] },
  clinical: { painDurationMonths: 2, notes: MARKER },
};

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "mnm-audit-"));
  file = join(dir, "audit.jsonl");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function lines(): string[] {
  return readFileSync(file, "utf8").trimEnd().split("\n");
}
function writeLines(ls: string[]): void {
  writeFileSync(file, `${ls.join("\n")}\n`);
}
function logThree(): void {
  const log = new AuditLog(file);
  log.append(review(CASE).evaluation);
  log.append(review(OTHER).evaluation);
  log.append(review(CASE).evaluation);
}

describe("audit log: hash chain", () => {
  it("appends one chained line per evaluation, starting from the genesis hash", () => {
    logThree();
    const records = lines().map((l) => JSON.parse(l) as { seq: number; prevHash: string; hash: string });
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(records[0]?.prevHash).toBe(GENESIS_HASH);
    expect(records[1]?.prevHash).toBe(records[0]?.hash);
    expect(records[2]?.prevHash).toBe(records[1]?.hash);
    expect(verifyChain(readFileSync(file, "utf8"))).toMatchObject({ records: 3, problems: [] });
  });

  it("writes hashes and determinations only, never case content", () => {
    logThree();
    const text = readFileSync(file, "utf8");
    expect(text).not.toContain(MARKER);
    for (const l of lines()) {
      expect(Object.keys(JSON.parse(l) as object).sort()).toEqual(
        [
          "corpusVersion",
          "determination",
          "engineVersion",
          "hash",
          "inputSha256",
          "policy",
          "prevHash",
          "seq",
          "services",
        ].sort(),
      );
    }
    for (const words of ["painDurationMonths", "M53.3", "M46.1", "axial", "priorRFA", "reliefPercent"])
      expect(text).not.toContain(words);
    const first = JSON.parse(lines()[0] ?? "{}") as { inputSha256: string; services: unknown };
    expect(first.inputSha256).toBe(review(CASE).evaluation.audit.inputSha256);
    expect(first.services).toEqual([
      { code: "64625", determination: "not-medically-necessary" },
      { code: "J1100", determination: "not-medically-necessary" },
    ]);
  });

  it("keeps the chain across a restart (a new log object reads the last line)", () => {
    logThree();
    const before = lines();
    new AuditLog(file).append(review(OTHER).evaluation);
    const after = lines();
    expect(after.slice(0, 3)).toEqual(before);
    const last = JSON.parse(after[3] ?? "{}") as { seq: number; prevHash: string };
    expect(last.seq).toBe(4);
    expect(last.prevHash).toBe((JSON.parse(before[2] ?? "{}") as { hash: string }).hash);
    expect(verifyChain(readFileSync(file, "utf8")).problems).toEqual([]);
  });

  it("detects a removed line and says which", () => {
    logThree();
    const ls = lines();
    writeLines([ls[0] ?? "", ls[2] ?? ""]);
    const { problems } = verifyChain(readFileSync(file, "utf8"));
    expect(problems.map((p) => p.line)).toEqual([2, 2]);
    expect(problems[0]?.problem).toMatch(/seq is 3, expected 2/);
    expect(problems[1]?.problem).toMatch(/prevHash/);
  });

  it("detects reordered lines", () => {
    logThree();
    const ls = lines();
    writeLines([ls[0] ?? "", ls[2] ?? "", ls[1] ?? ""]);
    const { problems } = verifyChain(readFileSync(file, "utf8"));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]?.line).toBe(2);
  });

  it("detects an altered line (a changed determination) and names only that line", () => {
    logThree();
    const ls = lines();
    ls[1] = (ls[1] ?? "").replace('"insufficient-information"', '"medically-necessary"');
    expect(ls[1]).toContain('"medically-necessary"');
    writeLines(ls);
    const { problems } = verifyChain(readFileSync(file, "utf8"));
    expect(problems).toEqual([
      { line: 2, problem: "hash does not match the line's content (the line was altered)" },
    ]);
  });

  it("detects a garbled line", () => {
    logThree();
    const ls = lines();
    ls[2] = (ls[2] ?? "").slice(0, 40);
    writeLines(ls);
    expect(verifyChain(readFileSync(file, "utf8")).problems).toEqual([
      { line: 3, problem: "not valid JSON (the line was altered or truncated)" },
    ]);
  });

  it("refuses to extend a log whose last line is broken", () => {
    logThree();
    const ls = lines();
    ls[2] = (ls[2] ?? "").replace('"not-medically-necessary"', '"medically-necessary"');
    writeLines(ls);
    expect(() => new AuditLog(file)).toThrow(AuditLogError);
    writeFileSync(file, readFileSync(file, "utf8").trimEnd());
    expect(() => new AuditLog(file)).toThrow(/incomplete/);
  });
});

describe("npm run verify-audit (the built CLI)", () => {
  const cli = join(ROOT, "dist", "tools", "verify-audit.js");
  const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: "utf8" });

  it("exits 0 for an intact chain and prints the last hash", () => {
    logThree();
    const r = run(file);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/chain intact, 3 records, last hash [0-9a-f]{64}/);
  });

  it("exits 1 naming the line when a line was removed", () => {
    logThree();
    const ls = lines();
    writeLines([ls[0] ?? "", ls[2] ?? ""]);
    const r = run(file);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/chain BROKEN/);
    expect(r.stderr).toMatch(/line 2: seq is 3, expected 2/);
  });

  it("exits 2 on a usage error", () => {
    expect(run().status).toBe(2);
    expect(run(join(dir, "missing.jsonl")).status).toBe(2);
  });
});

describe("--audit-log on the built server over stdio", () => {
  it("appends one line per evaluation, keeps the chain across restarts and never logs case content", async () => {
    for (let round = 0; round < 2; round++) {
      const conn = await connectStdio(["--audit-log", file]);
      try {
        const a = await conn.client.callTool({ name: "evaluateSIJointRFA", arguments: { ...CASE } });
        expect(a.isError).toBeFalsy();
        const bad = await conn.client.callTool({
          name: "evaluateSIJointRFA",
          arguments: { ...CASE, clinical: { painDurationMonths: -1 } },
        });
        expect(bad.isError).toBe(true);
        await conn.client.callTool({ name: "evaluateSIJointRFA", arguments: { ...OTHER } });
        expect(conn.stderr()).not.toContain(MARKER);
      } finally {
        await conn.close();
      }
    }
    const text = readFileSync(file, "utf8");
    expect(verifyChain(text)).toMatchObject({ records: 4, problems: [] });
    expect(text).not.toContain(MARKER);
  });
});
