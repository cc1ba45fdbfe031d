import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { describeInspection, inspectLog } from "../../../src/audit/audit-chain.js";
import { deriveAuditKeys } from "../../../src/audit/audit-key.js";
import { AuditLog, AuditLogError } from "../../../src/audit/audit-log.js";
import { repairLog } from "../../../src/audit/audit-repair.js";
import { GENESIS_CHAIN } from "../../../src/audit/audit-record.js";
import { canonicalJson } from "../../../src/engine/canonical-json.js";
import { evaluateCase as evaluate } from "../../support/knowledge.js";
import type { TempLog } from "../../support/audit-fixtures.js";
import {
  CASE,
  KEY,
  MARKER,
  OTHER,
  OTHER_KEY,
  plainHashesOf,
  rewriteWithPlainHashes,
  sha256,
  tempLog,
} from "../../support/audit-fixtures.js";

let t: TempLog;
const open: AuditLog[] = [];
beforeEach(() => {
  t = tempLog();
});
afterEach(() => {
  for (const log of open.splice(0)) log.close();
  t.remove();
});

function openLog(key = KEY): AuditLog {
  const { log } = AuditLog.open(t.file, key);
  open.push(log);
  return log;
}
function closeAll(): void {
  for (const log of open.splice(0)) log.close();
}
function logThree(): void {
  const log = openLog();
  log.append(evaluate(CASE), { tool: "evaluateSIJointRFA" });
  log.append(evaluate(OTHER), { tool: "evaluateSIJointRFA" });
  log.append(evaluate(CASE), { tool: "draftDeterminationLetter" });
  closeAll();
}
const inspect = (key = KEY) => inspectLog(t.file, deriveAuditKeys(key));
const records = () => t.lines().map((l) => JSON.parse(l) as Record<string, unknown>);

describe("audit log: keyed chain and head", () => {
  it("writes one canonical, keyed, chained line per answer, naming the tool, and a signed head", () => {
    logThree();
    const rs = records();
    expect(rs.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rs.map((r) => r.tool)).toEqual([
      "evaluateSIJointRFA",
      "evaluateSIJointRFA",
      "draftDeterminationLetter",
    ]);
    expect(rs[0]?.prev).toBe(GENESIS_CHAIN);
    expect(rs[1]?.prev).toBe(rs[0]?.mac);
    expect(rs[2]?.prev).toBe(rs[1]?.mac);
    for (const [i, l] of t.lines().entries()) expect(l).toBe(canonicalJson(rs[i]));
    const head = JSON.parse(readFileSync(`${t.file}.head`, "utf8")) as Record<string, unknown>;
    expect(head).toMatchObject({ v: 2, seq: 3, chain: rs[2]?.mac });
    expect(inspect()).toMatchObject({ verdict: "intact", lines: 3, problems: [], end: { seq: 3 } });
  });

  it("carries no case content and no plain hash of a case: the input hash is keyed", () => {
    logThree();
    const all = t.everything();
    expect(all).not.toContain(MARKER);
    for (const word of ["painDurationMonths", "M53.3", "M46.1", "axial", "priorRFA", "reliefPercent"])
      expect(all).not.toContain(word);
    for (const input of [CASE, OTHER]) {
      expect(evaluate(input).audit.inputSha256).toBe(plainHashesOf(input)[0]);
      for (const h of plainHashesOf(input)) expect(all).not.toContain(h);
    }
    const rs = records();
    expect(Object.keys(rs[0] ?? {}).sort()).toEqual(
      [
        "corpusVersion",
        "determination",
        "engineVersion",
        "inputHmac",
        "kind",
        "mac",
        "policy",
        "prev",
        "seq",
        "services",
        "tool",
        "v",
      ].sort(),
    );
    // The same case gives the same keyed hash under one key (the audit can match it) ...
    expect(rs[0]?.inputHmac).toBe(rs[2]?.inputHmac);
    expect(rs[0]?.inputHmac).not.toBe(rs[1]?.inputHmac);
    expect(rs[0]?.services).toEqual([
      { code: "64625", determination: "not-medically-necessary" },
      { code: "J1100", determination: "not-medically-necessary" },
    ]);
    // ... and another under another key: without the key a guessed case cannot be checked.
    const other = tempLog();
    try {
      const { log } = AuditLog.open(other.file, OTHER_KEY);
      log.append(evaluate(CASE), { tool: "evaluateSIJointRFA" });
      log.close();
      const [r] = other.lines().map((l) => JSON.parse(l) as { inputHmac: string });
      expect(r?.inputHmac).not.toBe(rs[0]?.inputHmac);
    } finally {
      other.remove();
    }
  });

  it("continues the chain across a restart", () => {
    logThree();
    const before = t.lines();
    openLog().append(evaluate(OTHER), { tool: "evaluateSIJointRFA" });
    closeAll();
    const after = t.lines();
    expect(after.slice(0, 3)).toEqual(before);
    expect(records()[3]).toMatchObject({ seq: 4, prev: records()[2]?.mac });
    expect(inspect().verdict).toBe("intact");
  });

  it("creates an empty log and its head at open, before any evaluation", () => {
    openLog();
    closeAll();
    expect(readFileSync(t.file, "utf8")).toBe("");
    expect(JSON.parse(readFileSync(`${t.file}.head`, "utf8"))).toMatchObject({
      seq: 0,
      chain: GENESIS_CHAIN,
    });
    expect(inspect().verdict).toBe("intact");
  });
});

describe("audit log: what verification detects", () => {
  it("the last line removed (the head says one more)", () => {
    logThree();
    t.writeLines(t.lines().slice(0, 2));
    const ins = inspect();
    expect(ins.verdict).toBe("broken");
    expect(ins.problems).toEqual([
      {
        line: 3,
        problem: expect.stringMatching(/head says 3 lines: lines were removed from the end/) as string,
      },
    ]);
    expect(() => openLog()).toThrow(/broken at line 3/);
  });

  it("every line removed", () => {
    logThree();
    t.writeLines([]);
    expect(inspect()).toMatchObject({ verdict: "broken", problems: [{ line: 1 }] });
  });

  it("a line rewritten with recomputed plain (unkeyed) hashes, and every later line re-chained", () => {
    logThree();
    const forged = rewriteWithPlainHashes(t.lines(), 1, (r) => {
      r.determination = "medically-necessary";
    });
    t.writeLines(forged);
    const ins = inspect();
    expect(ins.verdict).toBe("broken");
    expect(ins.problems[0]).toEqual({
      line: 2,
      problem: expect.stringMatching(/chain value does not match/) as string,
    });
    expect(() => openLog()).toThrow(/broken at line 2/);
  });

  it("a line altered without touching its hashes", () => {
    logThree();
    const ls = t.lines();
    ls[1] = (ls[1] ?? "").replace('"insufficient-information"', '"medically-necessary"');
    expect(ls[1]).toContain('"medically-necessary"');
    t.writeLines(ls);
    expect(inspect().problems).toEqual([
      { line: 2, problem: expect.stringMatching(/^its chain value does not match/) as string },
    ]);
  });

  it("a middle line deleted, naming the line after the gap", () => {
    logThree();
    const ls = t.lines();
    t.writeLines([ls[0] ?? "", ls[2] ?? ""]);
    const ins = inspect();
    expect(ins.verdict).toBe("broken");
    expect(ins.problems[0]?.line).toBe(2);
    expect(ins.problems[0]?.problem).toMatch(/seq is 3, expected 2/);
    expect(ins.problems[0]?.problem).toMatch(/does not chain to line 1/);
    expect(() => openLog()).toThrow(/broken at line 2: seq is 3, expected 2/);
  });

  it("lines reordered", () => {
    logThree();
    const ls = t.lines();
    t.writeLines([ls[0] ?? "", ls[2] ?? "", ls[1] ?? ""]);
    expect(inspect()).toMatchObject({ verdict: "broken", problems: [{ line: 2 }, { line: 3 }] });
  });

  it("a whitespace change (the line is no longer the server's canonical form)", () => {
    logThree();
    const ls = t.lines();
    ls[0] = JSON.stringify(JSON.parse(ls[0] ?? "{}"), null, 1).replace(/\n/g, "");
    t.writeLines(ls);
    expect(inspect().problems).toEqual([
      { line: 1, problem: expect.stringMatching(/not in the form/) as string },
    ]);
  });

  it("a head replaced by an older one (lines after it)", () => {
    const log = openLog();
    log.append(evaluate(CASE), { tool: "evaluateSIJointRFA" });
    const oldHead = readFileSync(`${t.file}.head`, "utf8");
    log.append(evaluate(OTHER), { tool: "evaluateSIJointRFA" });
    log.append(evaluate(OTHER), { tool: "evaluateSIJointRFA" });
    closeAll();
    writeFileSync(`${t.file}.head`, oldHead);
    expect(inspect()).toMatchObject({
      verdict: "broken",
      problems: [{ line: 2, problem: expect.stringMatching(/2 lines after its head/) as string }],
    });
  });

  it("a fork: a line from another copy of the log after the same head", () => {
    const log = openLog();
    log.append(evaluate(CASE), { tool: "evaluateSIJointRFA" });
    log.append(evaluate(OTHER), { tool: "evaluateSIJointRFA" });
    closeAll();
    const copy = tempLog();
    try {
      copyFileSync(t.file, copy.file);
      copyFileSync(`${t.file}.head`, `${copy.file}.head`);
      openLog().append(evaluate(CASE), { tool: "evaluateSIJointRFA" });
      closeAll();
      const { log: other } = AuditLog.open(copy.file, KEY);
      other.append(evaluate(OTHER), { tool: "draftDeterminationLetter" });
      other.close();
      // Line 3 of the copy chains to line 2 and carries a valid chain value, but it is not this log's.
      t.writeLines([...t.lines().slice(0, 2), copy.lines()[2] ?? ""]);
    } finally {
      copy.remove();
    }
    const ins = inspect();
    expect(ins.verdict).toBe("broken");
    expect(ins.problems).toEqual([
      { line: 3, problem: expect.stringMatching(/not the head's.*a fork/) as string },
    ]);
  });

  it("a head altered, or written with another key", () => {
    logThree();
    const head = JSON.parse(readFileSync(`${t.file}.head`, "utf8")) as Record<string, unknown>;
    writeFileSync(`${t.file}.head`, `${canonicalJson({ ...head, seq: 2, chain: records()[1]?.mac })}\n`);
    expect(inspect()).toMatchObject({ verdict: "broken", head: { state: "invalid" } });
    expect(() => openLog()).toThrow(/head's signature does not match/);
  });

  it("the wrong key", () => {
    logThree();
    const ins = inspect(OTHER_KEY);
    expect(ins).toMatchObject({ verdict: "broken", head: { state: "wrong-key" } });
    expect(describeInspection(t.file, ins)[0]).toMatch(/the key is not the one this log was written with/);
    expect(() => openLog(OTHER_KEY)).toThrow(/the key is not the one/);
  });

  it("a log of the earlier, unkeyed format", () => {
    t.writeLines([JSON.stringify({ seq: 1, prevHash: "0".repeat(64), hash: "1".repeat(64) })]);
    expect(() => openLog()).toThrow(/format 1/);
  });
});

describe("audit log: crashes, torn lines and repair", () => {
  it("a crash between line and head: the next open moves the head forward and says so", () => {
    const log = openLog();
    log.append(evaluate(CASE), { tool: "evaluateSIJointRFA" });
    const head1 = readFileSync(`${t.file}.head`, "utf8");
    log.append(evaluate(OTHER), { tool: "evaluateSIJointRFA" });
    closeAll();
    writeFileSync(`${t.file}.head`, head1);
    expect(inspect()).toMatchObject({ verdict: "ahead", end: { seq: 2 } });
    const { log: again, notes } = AuditLog.open(t.file, KEY);
    open.push(again);
    expect(notes[0]).toMatch(/line 2 was written but not its head/);
    closeAll();
    expect(inspect()).toMatchObject({ verdict: "intact", end: { seq: 2 } });
  });

  it("a torn last line refuses the open naming --repair; repair quarantines it and records that it did", () => {
    logThree();
    const full = readFileSync(t.file, "utf8");
    const torn = `${t.lines()[2]?.slice(0, 37) ?? ""}`;
    writeFileSync(t.file, full + torn);
    // The head says 3: the torn bytes are line 4, a crash in the middle of its write.
    expect(inspect()).toMatchObject({ verdict: "torn", torn: { line: 4, bytes: 37 } });
    expect(() => openLog()).toThrow(/line 4 \(the last, 37 bytes\) is torn.*verify-audit -- .* --repair/);
    const done = repairLog(t.file, KEY);
    expect(done.join("\n")).toMatch(/moved the torn line 4 \(37 bytes.*quarantine-4/);
    expect(readFileSync(`${t.file}.quarantine-4`, "utf8")).toBe(torn);
    const rs = records();
    expect(rs).toHaveLength(4);
    expect(rs[3]).toMatchObject({
      seq: 4,
      kind: "repair",
      headRebuilt: false,
      quarantined: { file: "audit.jsonl.quarantine-4", bytes: 37 },
    });
    expect(inspect()).toMatchObject({ verdict: "intact", end: { seq: 4 } });
    openLog().append(evaluate(CASE), { tool: "evaluateSIJointRFA" });
    closeAll();
    expect(inspect()).toMatchObject({ verdict: "intact", end: { seq: 5 } });
  });

  it("a damaged complete last line after the head (zeros after a power loss) is torn too", () => {
    logThree();
    writeFileSync(t.file, `${readFileSync(t.file, "utf8")}\0\0\0\0\n`);
    expect(inspect()).toMatchObject({ verdict: "torn", torn: { line: 4, bytes: 5 } });
    repairLog(t.file, KEY);
    expect(inspect().verdict).toBe("intact");
  });

  it("a missing head refuses the open; repair rebuilds it and records that it did", () => {
    logThree();
    writeFileSync(`${t.file}.head`, "");
    expect(inspect().verdict).toBe("broken");
    rmSync(`${t.file}.head`);
    expect(inspect().verdict).toBe("head-missing");
    expect(() => openLog()).toThrow(/head file .* is missing.*--repair/);
    expect(repairLog(t.file, KEY).join("\n")).toMatch(/rebuilt the missing head/);
    expect(records()[3]).toMatchObject({ seq: 4, kind: "repair", headRebuilt: true, quarantined: null });
    expect(inspect().verdict).toBe("intact");
  });

  it("an overlong unterminated tail is not taken for a torn line", () => {
    logThree();
    writeFileSync(t.file, readFileSync(t.file, "utf8") + "x".repeat(70 * 1024));
    expect(inspect()).toMatchObject({
      verdict: "broken",
      problems: [{ line: 4, problem: expect.stringMatching(/longer than/) as string }],
    });
    expect(() => repairLog(t.file, KEY)).toThrow(/not repaired/);
  });

  it("repair refuses a broken log and changes nothing", () => {
    logThree();
    const ls = t.lines();
    t.writeLines([ls[0] ?? "", ls[2] ?? ""]);
    const before = readFileSync(t.file, "utf8");
    expect(() => repairLog(t.file, KEY)).toThrow(/not repaired: the log is broken/);
    expect(readFileSync(t.file, "utf8")).toBe(before);
  });

  it("a failed write refuses every later append (no unrecorded answer)", () => {
    const log = openLog();
    log.append(evaluate(CASE), { tool: "evaluateSIJointRFA" });
    mkdirSync(`${t.file}.head.tmp`); // the head can no longer be replaced
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      expect(() => log.append(evaluate(CASE), { tool: "evaluateSIJointRFA" })).toThrow(
        /^the audit log could not be written, so this server gives no more answers that must be audited/,
      );
      expect(String(stderr.mock.calls[0]?.[0])).toMatch(
        /--audit-log .*: cannot write its head .*\.head: it is a directory; evaluations now fail/,
      );
    } finally {
      stderr.mockRestore();
    }
    expect(() => log.append(evaluate(OTHER), { tool: "evaluateSIJointRFA" })).toThrow(AuditLogError);
    closeAll();
    // The line was written, its head was not: the state a crash between the two leaves.
    expect(inspect().verdict).toBe("ahead");
  });
});

describe("audit log: one writer", () => {
  it("a second open of the same log is refused while the first holds it, and allowed after", () => {
    openLog();
    expect(() => AuditLog.open(t.file, KEY)).toThrow(/already open for writing in this process/);
    closeAll();
    expect(existsSync(`${t.file}.lock`)).toBe(false);
    openLog();
  });

  it("a lock held by another live process is refused, naming its pid", async () => {
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"], { stdio: "ignore" });
    try {
      await new Promise((r) => child.once("spawn", r));
      writeFileSync(`${t.file}.lock`, `${JSON.stringify({ pid: child.pid, host: hostname() })}\n`);
      expect(() => AuditLog.open(t.file, KEY)).toThrow(
        new RegExp(`another process \\(pid ${child.pid}\\) is writing this log`),
      );
      expect(() => repairLog(t.file, KEY)).toThrow(/another process/);
    } finally {
      child.kill();
    }
  });

  it("a stale lock (its pid is gone) is taken over", async () => {
    const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    const pid = child.pid;
    await new Promise((r) => child.once("exit", r));
    writeFileSync(`${t.file}.lock`, `${JSON.stringify({ pid, host: hostname() })}\n`);
    openLog();
    expect(JSON.parse(readFileSync(`${t.file}.lock`, "utf8"))).toEqual({
      pid: process.pid,
      host: hostname(),
    });
    expect(existsSync(`${t.file}.lock.takeover`)).toBe(false);
  });

  it("a lock of this pid not held by this process (a reused pid after a container restart) is stale", () => {
    writeFileSync(`${t.file}.lock`, `${JSON.stringify({ pid: process.pid, host: hostname() })}\n`);
    openLog();
  });

  it("a lock of another host, or one it cannot read, is left to the operator", () => {
    writeFileSync(`${t.file}.lock`, `${JSON.stringify({ pid: 1, host: "elsewhere.example" })}\n`);
    expect(() => AuditLog.open(t.file, KEY)).toThrow(/locked by process 1 on host elsewhere.example.*remove/);
    writeFileSync(`${t.file}.lock`, "");
    expect(() => AuditLog.open(t.file, KEY)).toThrow(/not one this server wrote.*remove/);
  });

  it("a takeover guard left by a crash is left to the operator", () => {
    writeFileSync(`${t.file}.lock`, `${JSON.stringify({ pid: process.pid, host: hostname() })}\n`);
    writeFileSync(`${t.file}.lock.takeover`, "x");
    expect(() => AuditLog.open(t.file, KEY)).toThrow(/taking over the stale lock.*remove .*takeover/);
  });
});

describe("audit log: unwritable paths stop the open with words, not an errno", () => {
  it("a directory as the log", () => {
    mkdirSync(t.file);
    expect(() => AuditLog.open(t.file, KEY)).toThrow(
      /--audit-log .*: cannot (read|open) the log.*it is a directory/,
    );
    expect(existsSync(`${t.file}.lock`)).toBe(false);
  });

  it("a path under a file", () => {
    writeFileSync(`${t.dir}/file`, "");
    const path = `${t.dir}/file/audit.jsonl`;
    let message = "";
    try {
      AuditLog.open(path, KEY);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(
      /^--audit-log .*file\/audit\.jsonl: cannot create the lock file .*: a part of the path is not a directory$/,
    );
    expect(message).not.toMatch(/ENOTDIR|EROFS|EACCES/);
  });

  it("the plain hash of a line is not its chain value", () => {
    logThree();
    const [first] = t.lines();
    const r = JSON.parse(first ?? "{}") as Record<string, unknown>;
    const { mac, ...body } = r;
    expect(mac).not.toBe(sha256(canonicalJson(body)));
  });
});
