import { closeSync, openSync } from "node:fs";
import { canonicalJson } from "../engine/canonical-json.js";
import type { AuditKeys } from "./audit-key.js";
import { hmacHex } from "./audit-key.js";
import { fileLines, headPath, readIfExists } from "./audit-files.js";
import type { AuditHead, AuditRecord } from "./audit-record.js";
import { AUDIT_FORMAT, AuditHeadSchema, AuditRecordSchema, GENESIS_CHAIN } from "./audit-record.js";

/** No line the server writes comes near this; a longer line is reported, not read into memory. */
export const MAX_LINE_BYTES = 64 * 1024;

type Unsealed<T> = T extends unknown ? Omit<T, "mac"> : never;

/** A record with its chain value: HMAC over the canonical JSON of every other field (`prev` included). */
export function sealRecord<B extends Unsealed<AuditRecord>>(body: B, keys: AuditKeys): B & { mac: string } {
  return { ...body, mac: hmacHex(keys.chain, canonicalJson(body)) };
}

/** The exact line written for a record: its canonical JSON and a newline. */
export function recordLine(record: AuditRecord): string {
  return `${canonicalJson(record)}\n`;
}

export function signHead(seq: number, chain: string, keys: AuditKeys): AuditHead {
  const body = { v: AUDIT_FORMAT, seq, chain, keyId: keys.keyId };
  return { ...body, mac: hmacHex(keys.head, canonicalJson(body)) };
}

export function headText(head: AuditHead): string {
  return `${canonicalJson(head)}\n`;
}

export interface LineProblem {
  /** 1-based line number in the log. */
  line: number;
  problem: string;
}

export type HeadState =
  | { state: "missing" }
  | { state: "invalid"; problem: string }
  | { state: "wrong-key"; problem: string }
  | { state: "ok"; seq: number; chain: string };

/**
 * What a log and its head say together:
 * - `intact`: every line checks and the log ends exactly at its head (also: no log and no head yet);
 * - `ahead`: as intact, plus one complete, valid line after the head (the writer stopped between
 *   writing a line and its head); moving the head forward loses nothing;
 * - `torn`: as intact, plus an incomplete or invalid last line after the head (a crash or a full
 *   disk while it was written); `--repair` quarantines it;
 * - `head-missing`: every line checks but there is no head (optionally with a torn last line);
 *   `--repair` rebuilds the head and records that it did;
 * - `broken`: anything else (a line altered, removed, inserted, reordered; lines removed from the
 *   end; a head that is not this log's); never repaired.
 */
export type Verdict = "intact" | "ahead" | "torn" | "head-missing" | "broken";

export interface LogInspection {
  verdict: Verdict;
  /** Complete (newline-terminated) lines. */
  lines: number;
  head: HeadState;
  /** Problems that are not a crash's signature, first first (at most MAX_PROBLEMS kept). */
  problems: LineProblem[];
  /** Count of all such problems. */
  problemCount: number;
  /** Where the checked chain ends: after line `seq` (the head's line, or the line after it when ahead). */
  end: { seq: number; chain: string; bytes: number };
  /** The torn last line, when there is one. */
  torn?: { line: number; offset: number; bytes: number; why: string };
}

const MAX_PROBLEMS = 100;

function readHead(log: string, keys: AuditKeys): HeadState {
  const text = readIfExists(headPath(log));
  if (text === undefined) return { state: "missing" };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { state: "invalid", problem: "the head file is not valid JSON (it was altered)" };
  }
  const parsed = AuditHeadSchema.safeParse(json);
  if (!parsed.success) return { state: "invalid", problem: "the head file is not a head of this version" };
  const head = parsed.data;
  if (head.keyId !== keys.keyId)
    return {
      state: "wrong-key",
      problem: `the key is not the one this log was written with (key id ${keys.keyId}; the head says ${head.keyId})`,
    };
  if (signHead(head.seq, head.chain, keys).mac !== head.mac || text !== headText(head))
    return {
      state: "invalid",
      problem: "the head's signature does not match its content (the head was altered)",
    };
  return { state: "ok", seq: head.seq, chain: head.chain };
}

interface Checked {
  /** seq and mac as written, when the line parses as a record. */
  stored?: { seq: number; mac: string };
  problem?: string;
  /** A record of another format: not damaged bytes, so never taken for a torn write. */
  foreign?: boolean;
}

function checkLine(
  bytes: Buffer,
  tooLong: boolean,
  prev: Checked["stored"] | null,
  n: number,
  keys: AuditKeys,
): Checked {
  // Not what a torn write of a server line leaves (every line is far shorter): never quarantined.
  if (tooLong) return { foreign: true, problem: `longer than ${MAX_LINE_BYTES} bytes: not an audit line` };
  const text = bytes.toString("utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: "not valid JSON (the line was altered or cut short)" };
  }
  if (json && typeof json === "object" && "prevHash" in json && "hash" in json && !("v" in json))
    return {
      foreign: true,
      problem:
        "written by an earlier version without a key (format 1): a keyed log cannot continue it; keep it and start a new log",
    };
  const parsed = AuditRecordSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      problem: `not an audit record (${issue ? `${issue.path.join(".") || "line"}: ${issue.message}` : "invalid"})`,
    };
  }
  const record = parsed.data;
  const stored = { seq: record.seq, mac: record.mac };
  const { mac, ...body } = record;
  const found: string[] = [];
  if (hmacHex(keys.chain, canonicalJson(body)) !== mac)
    found.push(
      "its chain value does not match its content (the line was altered, or written with another key)",
    );
  else if (text !== canonicalJson(record))
    found.push("it is not in the form the server writes (it was altered)");
  if (prev) {
    if (record.seq !== prev.seq + 1)
      found.push(
        `seq is ${record.seq}, expected ${prev.seq + 1} (a line before it was removed, or lines were inserted or reordered)`,
      );
    if (record.prev !== prev.mac)
      found.push(
        `it does not chain to line ${n - 1} (a line before it was removed, altered or reordered, or the log was forked)`,
      );
  }
  return found.length > 0 ? { stored, problem: found.join("; ") } : { stored };
}

/** Check a log and its head with the log's key (a missing log counts as empty). */
export function inspectLog(log: string, keys: AuditKeys): LogInspection {
  const head = readHead(log, keys);
  // Under another key every line would fail: say that once.
  if (head.state === "wrong-key")
    return {
      verdict: "broken",
      lines: 0,
      head,
      problems: [],
      problemCount: 0,
      end: { seq: 0, chain: GENESIS_CHAIN, bytes: 0 },
    };
  const problems: LineProblem[] = [];
  let problemCount = 0;
  const note = (line: number, problem: string): void => {
    problemCount++;
    if (problems.length < MAX_PROBLEMS) problems.push({ line, problem });
  };
  const headSeq = head.state === "ok" ? head.seq : undefined;

  let lines = 0;
  let firstProblem: number | undefined;
  let prev: Checked["stored"] | null = { seq: 0, mac: GENESIS_CHAIN };
  /** Where the chain stands after each line that matters: line headSeq, and the last line. */
  let atHead = headSeq === 0 ? { seq: 0, chain: GENESIS_CHAIN, bytes: 0 } : undefined;
  let last = { seq: 0, chain: GENESIS_CHAIN, bytes: 0, ok: true, damaged: false };
  let beforeLast = last;
  let fragment: { line: number; offset: number; bytes: number } | undefined;
  /** Problems on the last complete line, held back: a bad last line after the head is a torn write. */
  let pending: LineProblem | undefined;

  let fd: number | undefined;
  try {
    fd = openSync(log, "r");
  } catch (error) {
    if ((error as { code?: unknown }).code !== "ENOENT") throw error;
  }
  if (fd !== undefined) {
    try {
      for (const line of fileLines(fd, MAX_LINE_BYTES)) {
        const n = lines + 1;
        if (!line.terminated && !line.tooLong) {
          fragment = { line: n, offset: line.offset, bytes: line.length };
          break;
        }
        lines = n;
        if (pending) {
          note(pending.line, pending.problem);
          pending = undefined;
        }
        const checked = checkLine(line.bytes, line.tooLong, prev, n, keys);
        if (checked.problem) {
          firstProblem ??= n;
          pending = { line: n, problem: checked.problem };
        }
        beforeLast = last;
        last = {
          seq: n,
          chain: checked.stored?.mac ?? "",
          bytes: line.offset + line.length,
          ok: !checked.problem,
          damaged: !checked.stored && !checked.foreign,
        };
        if (n === headSeq) atHead = { seq: n, chain: last.chain, bytes: last.bytes };
        prev = checked.stored ?? null;
      }
    } finally {
      closeSync(fd);
    }
  }
  // A torn write leaves bytes that are not a record at all; a record with a wrong chain value was altered.
  const lastIsOnlyProblem = pending !== undefined && firstProblem === lines && !fragment && last.damaged;
  const flushPending = (): void => {
    if (pending) note(pending.line, pending.problem);
    pending = undefined;
  };
  const result = (
    verdict: Verdict,
    end: LogInspection["end"],
    torn?: LogInspection["torn"],
  ): LogInspection => ({
    verdict,
    lines,
    head,
    problems,
    problemCount,
    end,
    ...(torn ? { torn } : {}),
  });
  const tornFragment = (): LogInspection["torn"] =>
    fragment && { ...fragment, why: "it has no final newline (the write was cut short)" };
  const tornLast = (why: string): LogInspection["torn"] => ({
    line: lines,
    offset: beforeLast.bytes,
    bytes: last.bytes - beforeLast.bytes,
    why,
  });

  if (head.state === "invalid") {
    flushPending();
    return result("broken", { seq: 0, chain: GENESIS_CHAIN, bytes: 0 });
  }
  if (head.state === "missing") {
    if (lines === 0 && !fragment) return result("intact", { seq: 0, chain: GENESIS_CHAIN, bytes: 0 });
    if (firstProblem === undefined) {
      const end = { seq: last.seq, chain: last.chain, bytes: last.bytes };
      return result("head-missing", end, tornFragment());
    }
    if (lastIsOnlyProblem) {
      const why = pending?.problem ?? "";
      pending = undefined;
      const end = { seq: beforeLast.seq, chain: beforeLast.chain, bytes: beforeLast.bytes };
      return result("head-missing", end, tornLast(why));
    }
    flushPending();
    return result("broken", { seq: 0, chain: GENESIS_CHAIN, bytes: 0 });
  }

  // The head is this log's and signed: the log must end exactly at it.
  const H = head.seq;
  const cleanToHead = firstProblem === undefined || firstProblem > H;
  if (!cleanToHead || lines < H || !atHead || atHead.chain !== head.chain) {
    flushPending();
    if (lines < H)
      note(
        lines + 1,
        `the log ends after line ${lines}${fragment ? " (and a torn line)" : ""} but its head says ${H} line${H === 1 ? "" : "s"}: lines were removed from the end`,
      );
    else if (cleanToHead && atHead && atHead.chain !== head.chain)
      note(
        H,
        `line ${H}'s chain value is not the head's: the log was rewritten from line ${H} back, or it is another copy (a fork)`,
      );
    return result("broken", { seq: 0, chain: GENESIS_CHAIN, bytes: 0 });
  }
  const headEnd = atHead;
  if (lines === H) return fragment ? result("torn", headEnd, tornFragment()) : result("intact", headEnd);
  if (lines === H + 1 && !fragment && (last.ok || last.damaged)) {
    if (last.ok) return result("ahead", { seq: last.seq, chain: last.chain, bytes: last.bytes });
    const why = pending?.problem ?? "";
    pending = undefined;
    return result("torn", headEnd, tornLast(why));
  }
  flushPending();
  if (!problems.some((p) => p.line > H))
    note(
      H + 1,
      `the log has ${lines - H}${fragment ? " (and a torn line)" : ""} line${lines - H === 1 ? "" : "s"} after its head (seq ${H}): lines were added after the head, or the head was replaced by an older one`,
    );
  return result("broken", { seq: 0, chain: GENESIS_CHAIN, bytes: 0 });
}

/** The inspection in words, one line each, for verify-audit and the start's refusal. */
export function describeInspection(log: string, ins: LogInspection): string[] {
  const out: string[] = [];
  if (ins.head.state === "wrong-key" || ins.head.state === "invalid") out.push(`head: ${ins.head.problem}`);
  for (const p of ins.problems) out.push(`line ${p.line}: ${p.problem}`);
  if (ins.problemCount > ins.problems.length)
    out.push(`… and ${ins.problemCount - ins.problems.length} more problems`);
  if (ins.torn)
    out.push(
      `line ${ins.torn.line} (the last, ${ins.torn.bytes} bytes) is torn: ${ins.torn.why}; a crash or a full disk while it was written`,
    );
  if (ins.verdict === "head-missing")
    out.push(`the head file ${headPath(log)} is missing: the end of the log cannot be checked`);
  if (ins.verdict === "ahead")
    out.push(
      `line ${ins.end.seq} is complete and valid but the head still says ${ins.end.seq - 1}: the writer stopped between writing the line and its head`,
    );
  return out;
}
