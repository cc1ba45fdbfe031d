import {
  closeSync,
  fdatasyncSync,
  fstatSync,
  fsyncSync,
  openSync,
  readSync,
  renameSync,
  unlinkSync,
} from "node:fs";
import { basename, dirname } from "node:path";
import { describeInspection, headText, inspectLog, recordLine, sealRecord, signHead } from "./audit-chain.js";
import { deriveAuditKeys, hmacHex } from "./audit-key.js";
import {
  AuditLogError,
  acquireWriterLock,
  describeFsError,
  fsyncDirectory,
  headPath,
  quarantinePath,
  readIfExists,
  writeAll,
  writeFileAtomic,
} from "./audit-files.js";
import type { RepairRecord } from "./audit-record.js";
import { AUDIT_FORMAT } from "./audit-record.js";

const WHO = "verify-audit --repair";

function readRange(path: string, offset: number, length: number): Buffer {
  const fd = openSync(path, "r");
  try {
    const out = Buffer.alloc(length);
    let done = 0;
    while (done < length) {
      const n = readSync(fd, out, done, length - done, offset + done);
      if (n === 0) break;
      done += n;
    }
    return out.subarray(0, done);
  } finally {
    closeSync(fd);
  }
}

/** Write the torn bytes to their quarantine file (kept as is when an earlier, interrupted repair wrote them). */
function quarantine(file: string, bytes: Buffer): void {
  const existing = readIfExists(file);
  if (existing !== undefined) {
    if (readRange(file, 0, bytes.length + 1).equals(bytes)) return;
    throw new AuditLogError(
      `${WHO}: ${file} exists and holds other bytes than the torn line; move it away and run the repair again`,
    );
  }
  const fd = openSync(file, "wx", 0o600);
  try {
    writeAll(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  fsyncDirectory(dirname(file));
}

/**
 * Replace the log by its first `keep` bytes plus one line, atomically: a copy is written beside it,
 * fsync'd and renamed over it, so a crash leaves either the old log or the repaired one.
 */
function rewriteLog(path: string, keep: number, line: string): void {
  const tmp = `${path}.repair.tmp`;
  const src = openSync(path, "r");
  try {
    const mode = fstatSync(src).mode & 0o777;
    const dst = openSync(tmp, "w", mode);
    try {
      const chunk = Buffer.alloc(64 * 1024);
      let done = 0;
      while (done < keep) {
        const n = readSync(src, chunk, 0, Math.min(chunk.length, keep - done), done);
        if (n === 0) throw new AuditLogError(`${WHO}: ${path} became shorter while it was repaired`);
        writeAll(dst, chunk.subarray(0, n));
        done += n;
      }
      writeAll(dst, Buffer.from(line, "utf8"));
      fsyncSync(dst);
    } finally {
      closeSync(dst);
    }
  } catch (error) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing written
    }
    throw error;
  } finally {
    closeSync(src);
  }
  renameSync(tmp, path);
  fsyncDirectory(dirname(path));
}

/**
 * Repair what a crash can leave, and record it in the log: a torn last line is moved to
 * `<log>.quarantine-<seq>` and a repair line (seq, the quarantine file's name, its size and keyed
 * hash) takes its place; a missing head is rebuilt from the log with a repair line saying so; a head
 * one line behind is moved forward. Anything else (a line altered, removed or reordered, a head that
 * does not match) is refused: that is evidence, not a crash. Takes the writer's lock, so it never
 * runs beside a server on the same log. Returns what it did, one line each.
 */
export function repairLog(path: string, key: Buffer): string[] {
  const keys = deriveAuditKeys(key);
  const lock = acquireWriterLock(path, WHO);
  try {
    const ins = inspectLog(path, keys);
    switch (ins.verdict) {
      case "intact":
        return [`${path}: intact, ${ins.end.seq} records, ends at its head: nothing to repair`];
      case "ahead":
        writeFileAtomic(headPath(path), headText(signHead(ins.end.seq, ins.end.chain, keys)));
        return [
          `${path}: line ${ins.end.seq} was written but not its head (the writer stopped between the two); moved the head to line ${ins.end.seq}`,
        ];
      case "broken":
        throw new AuditLogError(
          [
            `${path}: not repaired: the log is broken, not torn by a crash:`,
            ...describeInspection(path, ins).map((l) => `  ${l}`),
            "keep the log and its head as evidence and start a new log",
          ].join("\n"),
        );
      case "torn":
      case "head-missing": {
        const seq = ins.end.seq + 1;
        const done: string[] = [];
        let quarantined: RepairRecord["quarantined"] = null;
        if (ins.torn) {
          const bytes = readRange(path, ins.torn.offset, ins.torn.bytes);
          const file = quarantinePath(path, seq);
          quarantine(file, bytes);
          quarantined = { file: basename(file), bytes: bytes.length, mac: hmacHex(keys.quarantine, bytes) };
          done.push(
            `moved the torn line ${ins.torn.line} (${bytes.length} bytes: ${ins.torn.why}) to ${file}`,
          );
        }
        const headRebuilt = ins.verdict === "head-missing";
        const record = sealRecord(
          { v: AUDIT_FORMAT, seq, kind: "repair", quarantined, headRebuilt, prev: ins.end.chain },
          keys,
        );
        const line = recordLine(record);
        if (ins.torn) rewriteLog(path, ins.torn.offset, line);
        else {
          const fd = openSync(path, "a");
          try {
            writeAll(fd, Buffer.from(line, "utf8"));
            fdatasyncSync(fd);
          } finally {
            closeSync(fd);
          }
        }
        writeFileAtomic(headPath(path), headText(signHead(seq, record.mac, keys)));
        if (headRebuilt)
          done.push(
            `rebuilt the missing head ${headPath(path)} from the log: lines removed from its end before now cannot be ruled out`,
          );
        done.push(`recorded the repair as line ${seq} of ${path}; the log now ends at its head (seq ${seq})`);
        return done;
      }
    }
  } catch (error) {
    if (error instanceof AuditLogError) throw error;
    throw new AuditLogError(`${WHO}: ${path}: ${describeFsError(error)}`);
  } finally {
    lock.release();
  }
}
