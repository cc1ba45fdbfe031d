/** Process-level settings handed to every registration. */
export interface ServerOptions {
  /** Append one hash-chained JSON line per evaluation to this file. */
  auditLogPath?: string;
}
