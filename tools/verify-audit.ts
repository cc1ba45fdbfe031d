import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { describeInspection, inspectLog } from "../src/audit/audit-chain.js";
import { headPath, liveWriter } from "../src/audit/audit-files.js";
import {
  AUDIT_KEY_ENV,
  AUDIT_KEY_FILE_OPTION,
  deriveAuditKeys,
  resolveAuditKey,
} from "../src/audit/audit-key.js";
import { AuditLogError } from "../src/audit/audit-log.js";
import { repairLog } from "../src/audit/audit-repair.js";

/**
 * npm run verify-audit -- <audit-log> [--repair] [--audit-key-file <file>]
 *
 * Checks an audit log with its key (MNM_AUDIT_KEY, or --audit-key-file): every line's keyed chain
 * value, and that the log ends exactly at its signed head (<log>.head), so lines removed from the
 * end are found too. Exit 0 when intact, 1 when not (each problem names its line), 2 for a usage,
 * key or read error. --repair fixes only what a crash leaves (a torn last line, which it moves to a
 * quarantine file, a missing head, a head one line behind) and records the repair in the log.
 */
const USAGE = `usage: npm run verify-audit -- <audit-log file> [--repair] [${AUDIT_KEY_FILE_OPTION} <file>]
  The key is the server's: ${AUDIT_KEY_ENV} (hex, at least 32 bytes) or ${AUDIT_KEY_FILE_OPTION} <file>.
  --repair   move a torn last line to <log>.quarantine-<seq>, rebuild a missing head, or move a head
             that is one line behind forward; the repair is recorded in the log. A broken log is
             never repaired. Run it with the server stopped (it takes the writer's lock).`;

function usageError(message: string): never {
  console.error(`verify-audit: ${message}\n${USAGE}`);
  process.exit(2);
}

// `npm run` runs a script in the package root; a relative path means the caller's directory.
const here = (path: string): string => resolve(process.env.INIT_CWD ?? process.cwd(), path);
let file: string | undefined;
let keyFile: string | undefined;
let repair = false;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i] ?? "";
  if (arg === "--repair") repair = true;
  else if (arg === AUDIT_KEY_FILE_OPTION) {
    const next = argv[++i];
    if (next === undefined) usageError(`${AUDIT_KEY_FILE_OPTION} needs a file`);
    keyFile = here(next);
  } else if (arg === "--help" || arg === "-h") {
    console.error(USAGE);
    process.exit(0);
  } else if (arg.startsWith("--")) usageError(`unknown option ${JSON.stringify(arg)}`);
  else if (file === undefined) file = here(arg);
  else usageError("give one audit log file");
}
if (file === undefined) usageError("no audit log file given");
const log = file;

let key: Buffer;
try {
  key = resolveAuditKey(keyFile, process.env, "verify-audit").key;
} catch (error) {
  console.error(`verify-audit: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
if (!existsSync(log) && !existsSync(headPath(log))) {
  console.error(`verify-audit: ${log}: no such audit log (and no ${headPath(log)})`);
  process.exit(2);
}

if (repair) {
  try {
    for (const line of repairLog(log, key)) console.log(`verify-audit: ${line}`);
    process.exit(0);
  } catch (error) {
    if (!(error instanceof AuditLogError)) throw error;
    console.error(
      error.message.startsWith(`verify-audit`) ? error.message : `verify-audit: ${error.message}`,
    );
    process.exit(1);
  }
}

let ins;
try {
  ins = inspectLog(log, deriveAuditKeys(key));
} catch (error) {
  console.error(
    `verify-audit: cannot read ${log}: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(2);
}
if (ins.verdict === "intact") {
  const empty = ins.end.seq === 0 && ins.head.state === "missing";
  console.log(
    empty
      ? `audit log ${log}: empty, no head yet (the server writes it when it opens the log)`
      : `audit log ${log}: intact, ${ins.end.seq} record${ins.end.seq === 1 ? "" : "s"}, ends exactly at its head (seq ${ins.end.seq}, chain ${ins.end.chain})`,
  );
  process.exit(0);
}
const writer = ins.verdict === "ahead" ? liveWriter(log) : undefined;
if (writer !== undefined) {
  // Verify read the head, then the log: a running server wrote a line in between.
  console.log(
    `audit log ${log}: intact, ${ins.end.seq} records; the head ends one line earlier because a server (pid ${writer}) is writing the log`,
  );
  process.exit(0);
}
if (ins.head.state === "wrong-key") {
  console.error(`audit log ${log}: cannot be checked: ${ins.head.problem}; give the key it was written with`);
  process.exit(2);
}
const title: Record<Exclude<typeof ins.verdict, "intact">, string> = {
  broken: "BROKEN",
  torn: "NOT intact: its last line is torn",
  "head-missing": "NOT intact: its head is missing",
  ahead: "NOT intact: the head is one line behind",
};
console.error(`audit log ${log}: ${title[ins.verdict]}`);
for (const line of describeInspection(log, ins)) console.error(`  ${line}`);
if (ins.verdict === "broken")
  console.error(
    "  this is not what a crash leaves: keep the log and its head as evidence; --repair does not change a broken log",
  );
else
  console.error(
    `  run \`npm run verify-audit -- ${log} --repair\` with the server stopped${ins.verdict === "ahead" ? " (or start the server: it moves the head forward itself)" : " (the repair is recorded in the log)"}`,
  );
process.exit(1);
