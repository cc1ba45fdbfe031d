import type { AuditLog } from "../audit/audit-log.js";

/** Process-level settings handed to every registration. */
export interface ServerOptions {
  /** Append one hash-chained JSON line per evaluation to this log (opened, and its tail checked, at start). */
  auditLog?: AuditLog;
}
