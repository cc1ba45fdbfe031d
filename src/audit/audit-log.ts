import { closeSync, fdatasyncSync, fsyncSync, openSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { SERVER_NAME } from "../version.js";
import type { Evaluation } from "../engine/evaluation-schema.js";
import type { LogInspection } from "./audit-chain.js";
import { describeInspection, headText, inspectLog, recordLine, sealRecord, signHead } from "./audit-chain.js";
import type { AuditKeys } from "./audit-key.js";
import { deriveAuditKeys, hmacHex } from "./audit-key.js";
import type { WriterLock } from "./audit-files.js";
import {
  AuditLogError,
  acquireWriterLock,
  describeFsError,
  fsyncDirectory,
  headPath,
  writeAll,
  writeFileAtomic,
} from "./audit-files.js";
import type { AuditedTool, EvaluationRecord } from "./audit-record.js";
import { AUDIT_FORMAT } from "./audit-record.js";

export { AuditLogError } from "./audit-files.js";

/** The option that names the log, quoted in every message about it. */
const OPTION = "--audit-log";

export interface AppendOptions {
  /** The tool whose answer this is. */
  tool: AuditedTool;
}

/** The command that checks (or repairs) a log, with its absolute path: npm runs scripts in the package root. */
function verifyCommand(path: string, repair = false): string {
  return `npm run verify-audit -- ${resolve(path)}${repair ? " --repair" : ""}`;
}

/** Why a log in this state cannot be extended, or undefined when it can. */
function refusal(path: string, ins: LogInspection): string | undefined {
  const details = describeInspection(path, ins);
  switch (ins.verdict) {
    case "intact":
    case "ahead":
      return undefined;
    case "torn":
      return `${OPTION} ${path}: ${details.join("; ")}. Nothing is dropped silently: run \`${verifyCommand(path, true)}\` to move the torn line to a quarantine file (the repair is recorded in the log), then start again`;
    case "head-missing":
      return `${OPTION} ${path}: ${details.join("; ")}. Restore ${headPath(path)} from where it was kept, or run \`${verifyCommand(path, true)}\` to rebuild it (the repair is recorded in the log), then start again`;
    case "broken": {
      if (ins.head.state === "wrong-key")
        return `${OPTION} ${path}: ${ins.head.problem}: give the key this log was written with (MNM_AUDIT_KEY or --audit-key-file), or a new --audit-log file for a new key`;
      const first = ins.problems[0];
      const where =
        ins.head.state === "invalid"
          ? `not verifiable: ${ins.head.problem}${first ? `; line ${first.line}: ${first.problem}` : ""}`
          : first
            ? `broken at line ${first.line}: ${first.problem}`
            : "broken";
      return `${OPTION} ${path}: the audit log is ${where}${ins.problemCount > 1 ? ` (${ins.problemCount} problems in its lines)` : ""}. Run \`${verifyCommand(path)}\` for every problem. This is not a crash: keep the log and its head as evidence and give ${OPTION} a new file`;
    }
  }
}

/**
 * The keyed, hash-chained audit log of one server process. Each line is the canonical JSON of one
 * record whose `mac` is an HMAC-SHA256 over the line's other fields, the previous line's `mac`
 * included; the input is written only as an HMAC of its sha256, so a guessed case cannot be checked
 * against the log without the key. `<log>.head` holds the last sequence number and chain value,
 * signed, so lines removed from the end are found. `<log>.lock` keeps a second writer out.
 *
 * Every append is synchronous (one process, one event loop: requests over HTTP never interleave) and
 * durable before the tool answers: the line is written and fdatasync'd, then the head is replaced
 * atomically (temporary file, fsync, rename, fsync of the directory). A crash between the two leaves
 * the log one valid line ahead of its head, which the next open moves the head over; a crash inside
 * the line's write leaves a torn line that the next open refuses until `verify-audit --repair`
 * quarantines it. After a failed write the log refuses every further append: no answer is given
 * that was not recorded.
 */
export class AuditLog {
  private seq: number;
  private chain: string;
  private failure: string | undefined;
  private closed = false;

  private constructor(
    readonly path: string,
    private readonly keys: AuditKeys,
    private readonly fd: number,
    private readonly lock: WriterLock,
    end: { seq: number; chain: string },
  ) {
    this.seq = end.seq;
    this.chain = end.chain;
  }

  /**
   * Lock, check and open a log for appending (creating it when absent) and write its head. Throws
   * AuditLogError, naming the option, the path as given and what to do, when any of it fails: a log
   * broken anywhere, a torn last line, a missing head, another writer, an unwritable path.
   */
  static open(path: string, key: Buffer): { log: AuditLog; notes: string[] } {
    const keys = deriveAuditKeys(key);
    const lock = acquireWriterLock(path, OPTION);
    let fd: number | undefined;
    try {
      let ins: LogInspection;
      try {
        ins = inspectLog(path, keys);
      } catch (error) {
        throw new AuditLogError(`${OPTION} ${path}: cannot read the log: ${describeFsError(error)}`);
      }
      const refused = refusal(path, ins);
      if (refused) throw new AuditLogError(refused);
      const notes =
        ins.verdict === "ahead"
          ? [
              `${OPTION} ${path}: line ${ins.end.seq} was written but not its head (the last writer stopped between the two); the head now ends at line ${ins.end.seq}`,
            ]
          : [];
      try {
        fd = openSync(path, "a", 0o600);
        fsyncSync(fd);
      } catch (error) {
        throw new AuditLogError(
          `${OPTION} ${path}: cannot open the log for appending: ${describeFsError(error)}`,
        );
      }
      fsyncDirectory(dirname(path));
      try {
        writeFileAtomic(headPath(path), headText(signHead(ins.end.seq, ins.end.chain, keys)));
      } catch (error) {
        throw new AuditLogError(
          `${OPTION} ${path}: cannot write the head file ${headPath(path)}: ${describeFsError(error)}`,
        );
      }
      return { log: new AuditLog(path, keys, fd, lock, ins.end), notes };
    } catch (error) {
      if (fd !== undefined) closeSync(fd);
      lock.release();
      throw error;
    }
  }

  /** Sequence number of the last line written (0 for an empty log). */
  get lastSeq(): number {
    return this.seq;
  }

  /** Append the record of one evaluation (or of a letter drafted from one) durably, and return it. */
  append(evaluation: Evaluation, { tool }: AppendOptions): EvaluationRecord {
    if (this.closed) throw new AuditLogError(`the audit log ${this.path} is closed`);
    if (this.failure) throw new AuditLogError(this.failure);
    const record = sealRecord(
      {
        v: AUDIT_FORMAT,
        seq: this.seq + 1,
        kind: "evaluation",
        tool,
        inputHmac: hmacHex(this.keys.input, evaluation.audit.inputSha256),
        policy: {
          id: evaluation.policy.id,
          version: evaluation.policy.version,
          sha256: evaluation.policy.sha256,
        },
        corpusVersion: evaluation.corpusVersion,
        engineVersion: evaluation.audit.engineVersion,
        determination: evaluation.determination,
        services: evaluation.services.map((s) => ({ code: s.code, determination: s.determination })),
        prev: this.chain,
      },
      this.keys,
    );
    this.write("the log", () => {
      writeAll(this.fd, Buffer.from(recordLine(record), "utf8"));
      fdatasyncSync(this.fd);
    });
    this.write(`its head ${headPath(this.path)}`, () =>
      writeFileAtomic(headPath(this.path), headText(signHead(record.seq, record.mac, this.keys))),
    );
    this.seq = record.seq;
    this.chain = record.mac;
    return record;
  }

  private write(what: string, act: () => void): void {
    try {
      act();
    } catch (error) {
      // The client is told no more than that (no path); the operator reads the details on stderr.
      this.failure =
        "the audit log could not be written, so this server gives no more answers that must be audited; the operator must stop it and check the log";
      process.stderr.write(
        `${SERVER_NAME}: ${OPTION} ${this.path}: cannot write ${what}: ${describeFsError(error)}; evaluations now fail until the server is stopped and \`${verifyCommand(this.path)}\` is run\n`,
      );
      throw new AuditLogError(this.failure);
    }
  }

  /** Close the log and release its lock (also done when the process exits). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      closeSync(this.fd);
    } finally {
      this.lock.release();
    }
  }
}
