import { canonicalJson, sha256Hex } from "../engine/canonical-json.js";
import type { AuditRecord } from "./audit-record.js";
import { AuditRecordSchema, GENESIS_HASH } from "./audit-record.js";

/** The hash of a record: sha256 over the canonical JSON of all its fields except `hash`. */
export function recordHash(record: Omit<AuditRecord, "hash">): string {
  const { seq, prevHash, inputSha256, policy, corpusVersion, engineVersion, determination, services } =
    record;
  return sha256Hex(
    canonicalJson({
      seq,
      prevHash,
      inputSha256,
      policy,
      corpusVersion,
      engineVersion,
      determination,
      services,
    }),
  );
}

export interface ChainProblem {
  /** 1-based line number in the file. */
  line: number;
  problem: string;
}

/**
 * Check a whole log: each line parses, is numbered in order, carries the previous line's hash and
 * its own correct hash. A removed, reordered, inserted or altered line breaks one of these.
 */
export function verifyChain(text: string): { records: number; lastHash: string; problems: ChainProblem[] } {
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const problems: ChainProblem[] = [];
  let prevHash = GENESIS_HASH;
  lines.forEach((line, i) => {
    const n = i + 1;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      problems.push({ line: n, problem: "not valid JSON (the line was altered or truncated)" });
      return;
    }
    const parsed = AuditRecordSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.push({
        line: n,
        problem: `not an audit record (${issue ? `${issue.path.join(".")}: ${issue.message}` : "invalid"})`,
      });
      return;
    }
    const record = parsed.data;
    if (record.seq !== n) {
      problems.push({
        line: n,
        problem: `seq is ${record.seq}, expected ${n} (a line was removed, inserted or reordered)`,
      });
    }
    if (record.prevHash !== prevHash) {
      problems.push({
        line: n,
        problem:
          "prevHash does not match the previous line's hash (a line before it was removed, altered or reordered)",
      });
    }
    if (recordHash(record) !== record.hash) {
      problems.push({ line: n, problem: "hash does not match the line's content (the line was altered)" });
    }
    prevHash = record.hash;
  });
  return { records: lines.length, lastHash: prevHash, problems };
}
