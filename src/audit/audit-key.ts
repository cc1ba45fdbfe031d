import { createHmac } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { describeFsError } from "./audit-files.js";

/** The environment variable that carries the audit key (hex). */
export const AUDIT_KEY_ENV = "MNM_AUDIT_KEY";
/** The command-line option that names a file holding the audit key (hex). */
export const AUDIT_KEY_FILE_OPTION = "--audit-key-file";
/** The fewest key bytes accepted: 32 bytes, written as 64 hex digits. */
export const MIN_KEY_BYTES = 32;
const MAX_KEY_HEX = 1024;
const HOW_TO_MAKE =
  `make one with \`openssl rand -hex 32 > audit.key && chmod 600 audit.key\` and pass ${AUDIT_KEY_FILE_OPTION} audit.key, ` +
  `or set ${AUDIT_KEY_ENV}="$(openssl rand -hex 32)"`;

export class AuditKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AuditKeyError";
  }
}

/**
 * The keys of one audit log, all derived from the operator's key by HMAC-SHA256 with a fixed label
 * (one key per purpose, so a value computed for one purpose is never valid for another).
 */
export interface AuditKeys {
  /** Chain value of a line: HMAC over the line's canonical JSON, which includes the previous value. */
  chain: Buffer;
  /** The keyed input hash written instead of the input's plain sha256. */
  input: Buffer;
  /** The head file's signature. */
  head: Buffer;
  /** The fingerprint of a quarantined torn line. */
  quarantine: Buffer;
  /** A public fingerprint of the key (16 hex digits), written in the head to tell a wrong key from tampering. */
  keyId: string;
}

const LABEL = "medical-necessity-mcp audit v2 ";

function derive(key: Buffer, purpose: string): Buffer {
  return createHmac("sha256", key).update(`${LABEL}${purpose}`, "utf8").digest();
}

export function hmacHex(key: Buffer, data: string | Buffer): string {
  return createHmac("sha256", key).update(data).digest("hex");
}

export function deriveAuditKeys(key: Buffer): AuditKeys {
  return {
    chain: derive(key, "chain"),
    input: derive(key, "input"),
    head: derive(key, "head"),
    quarantine: derive(key, "quarantine"),
    keyId: derive(key, "key id").toString("hex").slice(0, 16),
  };
}

/**
 * The key bytes of a key string: hex digits only (upper or lower case), an even number of them, at
 * least 64 (32 bytes). Whitespace at either end (the newline `openssl rand -hex 32 > file` leaves) is
 * ignored. Nothing else is accepted: a passphrase or base64 string is refused rather than guessed at,
 * so the byte count is always the number of hex digits divided by two.
 */
export function parseAuditKey(text: string, from: string): Buffer {
  const hex = text.trim();
  if (hex === "") throw new AuditKeyError(`${from} is empty; ${HOW_TO_MAKE}`);
  if (!/^[0-9a-fA-F]+$/.test(hex))
    throw new AuditKeyError(
      `${from} is not hex: the audit key must be written as hex digits (0-9, a-f), at least ${MIN_KEY_BYTES * 2} of them (${MIN_KEY_BYTES} bytes); ${HOW_TO_MAKE}`,
    );
  if (hex.length % 2 !== 0)
    throw new AuditKeyError(
      `${from} has an odd number of hex digits (${hex.length}); two hex digits make one byte; ${HOW_TO_MAKE}`,
    );
  if (hex.length < MIN_KEY_BYTES * 2)
    throw new AuditKeyError(
      `${from} is ${hex.length / 2} bytes (${hex.length} hex digits); the audit key must be at least ${MIN_KEY_BYTES} bytes (${MIN_KEY_BYTES * 2} hex digits); ${HOW_TO_MAKE}`,
    );
  if (hex.length > MAX_KEY_HEX)
    throw new AuditKeyError(`${from} is longer than ${MAX_KEY_HEX} hex digits; ${HOW_TO_MAKE}`);
  return Buffer.from(hex, "hex");
}

function readKeyFile(file: string): { text: string; note?: string } {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (error) {
    throw new AuditKeyError(
      `${AUDIT_KEY_FILE_OPTION} ${file}: cannot read the key file: ${describeFsError(error)}`,
    );
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new AuditKeyError(`${AUDIT_KEY_FILE_OPTION} ${file}: not a regular file`);
    const buffer = Buffer.alloc(MAX_KEY_HEX + 64);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    const note =
      process.platform !== "win32" && (stat.mode & 0o077) !== 0
        ? `${AUDIT_KEY_FILE_OPTION} ${file}: the key file can be read by other users (mode ${(stat.mode & 0o777).toString(8)}); chmod 600 it`
        : undefined;
    return { text: buffer.subarray(0, n).toString("utf8"), ...(note ? { note } : {}) };
  } finally {
    closeSync(fd);
  }
}

/**
 * The operator's audit key, from MNM_AUDIT_KEY or from a key file, never both (which one would win
 * is a question an operator should not have to ask). Throws AuditKeyError saying how to make one.
 */
export function resolveAuditKey(
  keyFile: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  who = "--audit-log",
): { key: Buffer; notes: string[] } {
  const fromEnv = env[AUDIT_KEY_ENV];
  if (keyFile !== undefined && fromEnv !== undefined && fromEnv !== "")
    throw new AuditKeyError(
      `the audit key was given twice (${AUDIT_KEY_ENV} and ${AUDIT_KEY_FILE_OPTION}); give it one way only`,
    );
  if (keyFile !== undefined) {
    const { text, note } = readKeyFile(keyFile);
    return { key: parseAuditKey(text, `the key file ${keyFile}`), notes: note ? [note] : [] };
  }
  if (fromEnv === undefined || fromEnv === "")
    throw new AuditKeyError(
      `${who} needs a key: set ${AUDIT_KEY_ENV} or pass ${AUDIT_KEY_FILE_OPTION} <file> (hex, at least ${MIN_KEY_BYTES} bytes); ${HOW_TO_MAKE}`,
    );
  return { key: parseAuditKey(fromEnv, AUDIT_KEY_ENV), notes: [] };
}
