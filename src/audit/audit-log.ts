import { appendFileSync, closeSync, existsSync, fstatSync, openSync, readSync } from "node:fs";
import type { Evaluation } from "../engine/evaluation-schema.js";
import { recordHash } from "./audit-chain.js";
import type { AuditRecord } from "./audit-record.js";
import { AuditRecordSchema, GENESIS_HASH } from "./audit-record.js";

export class AuditLogError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AuditLogError";
  }
}

const CHUNK = 64 * 1024;

/** The last line of a file without reading all of it ("" for an empty or missing file). */
function lastLine(path: string): string {
  if (!existsSync(path)) return "";
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return "";
    let end = size;
    let tail = Buffer.alloc(0);
    for (;;) {
      const start = Math.max(0, end - CHUNK);
      const chunk = Buffer.alloc(end - start);
      readSync(fd, chunk, 0, chunk.length, start);
      tail = Buffer.concat([chunk, tail]);
      end = start;
      const text = tail.toString("utf8");
      if (!text.endsWith("\n"))
        throw new AuditLogError(`audit log ${path}: the last line is incomplete (no final newline)`);
      const cut = text.lastIndexOf("\n", text.length - 2);
      if (cut >= 0 || start === 0) return text.slice(cut + 1, -1);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * An append-only, hash-chained log of evaluations: one JSON line each, carrying the hash of the
 * line before, so `npm run verify-audit` finds a removed, reordered or altered line. The chain
 * continues across restarts (the tail is read before every append). No case content is written.
 */
export class AuditLog {
  constructor(readonly path: string) {
    this.head();
  }

  /** seq and hash of the last record, checked (a broken tail is never extended). */
  private head(): { seq: number; hash: string } {
    const line = lastLine(this.path);
    if (line === "") return { seq: 0, hash: GENESIS_HASH };
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new AuditLogError(
        `audit log ${this.path}: the last line is not JSON; run npm run verify-audit -- ${this.path}`,
      );
    }
    const parsed = AuditRecordSchema.safeParse(json);
    if (!parsed.success || recordHash(parsed.data) !== parsed.data.hash) {
      throw new AuditLogError(
        `audit log ${this.path}: the last line is not a valid audit record; run npm run verify-audit -- ${this.path}`,
      );
    }
    return { seq: parsed.data.seq, hash: parsed.data.hash };
  }

  /** Append the record of one evaluation synchronously and return it. */
  append(evaluation: Evaluation): AuditRecord {
    const { seq, hash } = this.head();
    const body = {
      seq: seq + 1,
      prevHash: hash,
      inputSha256: evaluation.audit.inputSha256,
      policy: {
        id: evaluation.policy.id,
        version: evaluation.policy.version,
        sha256: evaluation.policy.sha256,
      },
      corpusVersion: evaluation.corpusVersion,
      engineVersion: evaluation.audit.engineVersion,
      determination: evaluation.determination,
      services: evaluation.services.map((s) => ({ code: s.code, determination: s.determination })),
    };
    const record: AuditRecord = { ...body, hash: recordHash(body) };
    appendFileSync(this.path, `${JSON.stringify(record)}\n`, { encoding: "utf8", mode: 0o600 });
    return record;
  }
}
