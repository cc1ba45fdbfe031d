// The audit trail end to end: the built server (dist/server/index.js) and the built verify-audit CLI
// (dist/tools/verify-audit.js), as an operator runs them. `npm test` builds both first.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BUILT_SERVER, ROOT, SERVER_NODE, connectStdio } from "../support/clients.js";
import { connectHttp, startHttpProcess } from "../support/http-process.js";
import type { TempLog } from "../support/audit-fixtures.js";
import {
  CASE,
  KEY_ENV,
  KEY_HEX,
  MARKER,
  OTHER,
  OTHER_KEY_HEX,
  plainHashesOf,
  rewriteWithPlainHashes,
  tempLog,
} from "../support/audit-fixtures.js";

const VERIFY_CLI = join(ROOT, "dist", "tools", "verify-audit.js");
/** The environment of a spawned process: no audit key unless a test gives one. */
const baseEnv = (): NodeJS.ProcessEnv => {
  const env = { ...process.env };
  delete env.MNM_AUDIT_KEY;
  return env;
};

function serve(args: string[], env: Record<string, string> = KEY_ENV) {
  // stdin closed at once: a server that starts prints its ready line and ends with its input.
  return spawnSync(SERVER_NODE, [BUILT_SERVER, ...args], {
    encoding: "utf8",
    env: { ...baseEnv(), ...env },
    input: "",
    timeout: 20_000,
  });
}
function verify(args: string[], env: Record<string, string> = KEY_ENV) {
  return spawnSync(process.execPath, [VERIFY_CLI, ...args], {
    encoding: "utf8",
    env: { ...baseEnv(), ...env },
    timeout: 20_000,
  });
}

let t: TempLog;
beforeEach(() => {
  t = tempLog();
});
afterEach(() => t.remove());

/** Three evaluations through the built server over stdio; returns the answers' plain input hashes. */
async function evaluateThree(env: Record<string, string> = KEY_ENV, args = ["--audit-log", t.file]) {
  const conn = await connectStdio(args, env);
  const hashes: string[] = [];
  try {
    for (const input of [CASE, OTHER, CASE]) {
      const r = await conn.client.callTool({
        name: "evaluateSIJointRFA",
        arguments: { ...input, detail: "full" },
      });
      expect(r.isError).toBeFalsy();
      hashes.push((r.structuredContent as { audit: { inputSha256: string } }).audit.inputSha256);
    }
    const bad = await conn.client.callTool({
      name: "evaluateSIJointRFA",
      arguments: { ...CASE, clinical: { painDurationMonths: -1 } },
    });
    expect(bad.isError).toBe(true);
    expect(conn.stderr()).not.toContain(MARKER);
  } finally {
    await conn.close();
  }
  return hashes;
}

describe("--audit-log on the built server", () => {
  it("appends one keyed line per evaluation, keeps the chain across restarts, carries no plain hash of a case", async () => {
    const first = await evaluateThree();
    await evaluateThree();
    const text = readFileSync(t.file, "utf8");
    expect(text.trimEnd().split("\n")).toHaveLength(6);
    const all = t.everything();
    expect(all).not.toContain(MARKER);
    // The answer carries the input's plain sha256 (the client's own); the log at rest never does.
    expect(first[0]).toBe(plainHashesOf(CASE)[0]);
    for (const h of [...first, ...plainHashesOf(CASE), ...plainHashesOf(OTHER)]) expect(all).not.toContain(h);
    const r = verify([t.file]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/intact, 6 records, ends exactly at its head \(seq 6, chain [0-9a-f]{64}\)/);
    expect(r.status).toBe(0);
    expect(text).toContain('"tool":"evaluateSIJointRFA"');
  });

  it("reads the key from --audit-key-file as well", async () => {
    const keyFile = join(t.dir, "audit.key");
    writeFileSync(keyFile, `${KEY_HEX}\n`, { mode: 0o600 });
    await evaluateThree({}, ["--audit-log", t.file, "--audit-key-file", keyFile]);
    expect(verify([t.file, "--audit-key-file", keyFile], {}).status).toBe(0);
    expect(verify([t.file, "--audit-key-file", keyFile]).stderr).toMatch(/given twice/);
    expect(verify([t.file]).status).toBe(0); // the same key through MNM_AUDIT_KEY
  });

  it("refuses to start without a key, or with a short one, and says how to make one", () => {
    const none = serve(["--audit-log", t.file], {});
    expect(none.status).toBe(1);
    expect(none.stdout).toBe("");
    expect(none.stderr).toMatch(
      /refusing to start: --audit-log needs a key: set MNM_AUDIT_KEY or pass --audit-key-file/,
    );
    expect(none.stderr).toContain("openssl rand -hex 32");
    const short = serve(["--audit-log", t.file], { MNM_AUDIT_KEY: "ab".repeat(16) });
    expect(short.status).toBe(1);
    expect(short.stderr).toMatch(
      /MNM_AUDIT_KEY is 16 bytes \(32 hex digits\); the audit key must be at least 32 bytes/,
    );
    expect(readdirSync(t.dir)).toEqual([]);
    const keyAlone = serve(["--audit-key-file", "k"]);
    expect(keyAlone.status).toBe(2);
    expect(keyAlone.stderr).toMatch(
      /--audit-key-file is the key of an audit log: give --audit-log <file> too/,
    );
    expect(serve(["--audit-log", ""]).stderr).toMatch(/--audit-log needs a file, received an empty string/);
  });

  it("refuses a log written with another key", async () => {
    await evaluateThree();
    const r = serve(["--audit-log", t.file], { MNM_AUDIT_KEY: OTHER_KEY_HEX });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/the key is not the one this log was written with/);
    const v = verify([t.file], { MNM_AUDIT_KEY: OTHER_KEY_HEX });
    expect(v.status).toBe(2);
    expect(v.stderr).toMatch(
      /cannot be checked: the key is not the one .*; give the key it was written with/,
    );
  });
});

describe("tampering found by verify-audit, and by the start", () => {
  it("the last line removed", async () => {
    await evaluateThree();
    t.writeLines(t.lines().slice(0, 2));
    const r = verify([t.file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/BROKEN/);
    expect(r.stderr).toMatch(
      /line 3: the log ends after line 2 but its head says 3 lines: lines were removed from the end/,
    );
    const s = serve(["--audit-log", t.file]);
    expect(s.status).toBe(1);
    expect(s.stderr).toMatch(/refusing to start: --audit-log .*: the audit log is broken at line 3/);
  });

  it("a line rewritten with recomputed plain hashes", async () => {
    await evaluateThree();
    t.writeLines(
      rewriteWithPlainHashes(t.lines(), 0, (r) => {
        r.determination = "medically-necessary";
      }),
    );
    const r = verify([t.file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/line 1: its chain value does not match its content/);
    expect(serve(["--audit-log", t.file]).stderr).toMatch(/broken at line 1/);
  });

  it("a middle line deleted: verify names it and the server refuses to start", async () => {
    await evaluateThree();
    const ls = t.lines();
    t.writeLines([ls[0] ?? "", ls[2] ?? ""]);
    const r = verify([t.file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/line 2: seq is 3, expected 2/);
    const s = serve(["--audit-log", t.file]);
    expect(s.status).toBe(1);
    expect(s.stdout).toBe("");
    expect(s.stderr).toMatch(
      /refusing to start: --audit-log .*: the audit log is broken at line 2: seq is 3, expected 2/,
    );
    expect(s.stderr).toMatch(/npm run verify-audit -- /);
    expect(s.stderr).not.toMatch(/ready on/);
  });

  it("verify-audit: usage errors and a missing key exit 2", () => {
    expect(verify([]).status).toBe(2);
    expect(verify([join(t.dir, "missing.jsonl")]).status).toBe(2);
    writeFileSync(t.file, "");
    const r = verify([t.file], {});
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/verify-audit needs a key/);
  });
});

describe("one writer per log", () => {
  it("a second server on the same log refuses to start while the first runs, and starts after", async () => {
    const conn = await connectStdio(["--audit-log", t.file], KEY_ENV);
    try {
      await conn.client.callTool({ name: "evaluateSIJointRFA", arguments: CASE });
      const second = serve(["--audit-log", t.file]);
      expect(second.status).toBe(1);
      expect(second.stderr).toMatch(
        /refusing to start: --audit-log .*: another process \(pid \d+\) is writing this log/,
      );
      const repair = verify([t.file, "--repair"]);
      expect(repair.status).toBe(1);
      expect(repair.stderr).toMatch(/another process/);
    } finally {
      await conn.close();
    }
    const again = serve(["--audit-log", t.file]);
    expect(again.stderr).toMatch(/ready on stdio/);
    expect(verify([t.file]).status).toBe(0);
  });

  it("all HTTP requests share the one log: concurrent evaluations make one unbroken chain", async () => {
    const server = await startHttpProcess(["--audit-log", t.file], KEY_ENV);
    try {
      const client = await connectHttp(server.url);
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          client.callTool({ name: "evaluateSIJointRFA", arguments: i % 2 ? CASE : OTHER }),
        ),
      );
      expect(results.every((r) => !r.isError)).toBe(true);
      await client.close();
    } finally {
      await server.stop();
    }
    const r = verify([t.file]);
    expect(r.stdout).toMatch(/intact, 12 records/);
    expect(t.lines().map((l) => (JSON.parse(l) as { seq: number }).seq)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
  });
});

describe("an unwritable log stops the start, naming the option", () => {
  it("a directory given as the log", () => {
    mkdirSync(t.file);
    const r = serve(["--audit-log", t.file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /refusing to start: --audit-log .*audit\.jsonl: cannot (read|open) the log.*: it is a directory/,
    );
    expect(r.stderr).not.toMatch(/EISDIR|errno/);
  });

  it("a path whose directory cannot exist", () => {
    writeFileSync(join(t.dir, "plain-file"), "");
    const r = serve(["--audit-log", join(t.dir, "plain-file", "audit.jsonl")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /refusing to start: --audit-log .*: cannot create the lock file .*: a part of the path is not a directory/,
    );
    expect(r.stderr).not.toMatch(/ENOTDIR/);
  });

  it("a directory the server may not write in", () => {
    // Root writes in any mode-0500 folder; /sys refuses new files even to root.
    const ro = process.getuid?.() === 0 ? "/sys" : join(t.dir, "ro");
    if (ro !== "/sys") mkdirSync(ro, { mode: 0o500 });
    const r = serve(["--audit-log", join(ro, "audit.jsonl")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--audit-log .*: cannot create the lock file .*: permission denied/);
  });
});

describe("a torn last line", () => {
  it("the start refuses naming --repair; repair quarantines it and records that; the start works after", async () => {
    await evaluateThree();
    const torn = (t.lines()[1] ?? "").slice(0, 50);
    writeFileSync(t.file, readFileSync(t.file, "utf8") + torn);
    const v = verify([t.file]);
    expect(v.status).toBe(1);
    expect(v.stderr).toMatch(/line 4 \(the last, 50 bytes\) is torn/);
    const s = serve(["--audit-log", t.file]);
    expect(s.status).toBe(1);
    expect(s.stderr).toMatch(/line 4 \(the last, 50 bytes\) is torn/);
    expect(s.stderr).toContain(`npm run verify-audit -- ${t.file} --repair`);
    const repair = verify([t.file, "--repair"]);
    expect(repair.stderr).toBe("");
    expect(repair.status).toBe(0);
    expect(repair.stdout).toMatch(/moved the torn line 4 \(50 bytes.*quarantine-4/);
    expect(repair.stdout).toMatch(/recorded the repair as line 4/);
    expect(readFileSync(`${t.file}.quarantine-4`, "utf8")).toBe(torn);
    expect(JSON.parse(t.lines()[3] ?? "{}")).toMatchObject({ kind: "repair", seq: 4 });
    await evaluateThree();
    expect(verify([t.file]).stdout).toMatch(/intact, 7 records/);
  });
});

describe("lazy loading", () => {
  it("no module a start loads statically holds audit code: a start without --audit-log loads none", () => {
    const dir = join(ROOT, "dist", "server");
    const marker = "medical-necessity-mcp audit v2";
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(join(dir, file), "utf8");
      // Static imports only (`import ... from "./x.js"`, `import "./x.js"`), not `import("./x.js")`.
      for (const m of text.matchAll(
        /(?:^|[;\n}])\s*(?:import|export)\s*(?:[^"'();]*?\sfrom\s*)?["']\.\/([^"']+\.js)["']/g,
      ))
        if (m[1]) visit(m[1]);
    };
    visit("index.js");
    // The executable turns on the compile cache, then imports the server's main chunk at once.
    const main = /await import\(["']\.\/(main-[^"']+\.js)["']\)/.exec(
      readFileSync(join(dir, "index.js"), "utf8"),
    );
    expect(main?.[1]).toBeDefined();
    visit(main![1]!);
    expect(seen.size).toBeGreaterThan(2);
    for (const file of seen) expect(readFileSync(join(dir, file), "utf8"), file).not.toContain(marker);
    const lazyChunks = readdirSync(dir).filter((f) => f.endsWith(".js") && !seen.has(f));
    expect(lazyChunks.some((f) => readFileSync(join(dir, f), "utf8").includes(marker))).toBe(true);
  });
});
