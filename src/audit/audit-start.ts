import { AuditKeyError, resolveAuditKey } from "./audit-key.js";
import { AuditLog, AuditLogError } from "./audit-log.js";

/**
 * The audit trail of a server start (`--audit-log`), loaded only when that option is given: the
 * key (MNM_AUDIT_KEY or `--audit-key-file`), then the lock, the whole log checked against its head,
 * the log opened for appending and the head written. Returns the open log, or why the server must
 * not start; `notes` are for stderr either way (they carry no case content).
 */
export function openAuditTrail(
  path: string,
  keyFile: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): { notes: string[] } & ({ log: AuditLog } | { refusal: string }) {
  const notes: string[] = [];
  try {
    const key = resolveAuditKey(keyFile, env);
    notes.push(...key.notes);
    const opened = AuditLog.open(path, key.key);
    notes.push(...opened.notes);
    return { notes, log: opened.log };
  } catch (error) {
    if (error instanceof AuditKeyError || error instanceof AuditLogError)
      return { notes, refusal: error.message };
    throw error;
  }
}
