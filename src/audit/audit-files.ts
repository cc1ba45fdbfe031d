import {
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { hostname } from "node:os";
import { dirname, resolve } from "node:path";

/** The files kept beside an audit log. */
export function headPath(log: string): string {
  return `${log}.head`;
}
export function lockPath(log: string): string {
  return `${log}.lock`;
}
/** Where a repair moves a torn last line; `seq` is the sequence number of the repair line. */
export function quarantinePath(log: string, seq: number): string {
  return `${log}.quarantine-${seq}`;
}

/** An error the audit trail reports to the operator as it is (no stack, no errno codes). */
export class AuditLogError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AuditLogError";
  }
}

/** A file-system error in words (the operator sees the option and the path they gave, not an errno). */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EROFS":
      return "the file system is read-only";
    case "ENOENT":
      return "no such file or directory";
    case "ENOTDIR":
      return "a part of the path is not a directory";
    case "EISDIR":
      return "it is a directory";
    case "ENOSPC":
      return "no space left on the device";
    case "EDQUOT":
      return "the disk quota is exceeded";
    case "EMFILE":
    case "ENFILE":
      return "too many open files";
    case "ENAMETOOLONG":
      return "the path is too long";
    case "ELOOP":
      return "too many symbolic links in the path";
    case "EIO":
      return "an input/output error";
    default:
      return "the operating system refused it";
  }
}

/** Write all of `data` at the end of an append-mode descriptor (a short write is continued). */
export function writeAll(fd: number, data: Buffer): void {
  let done = 0;
  while (done < data.length) done += writeSync(fd, data, done, data.length - done);
}

/** fsync a directory so that a rename or a new file in it survives a power loss (best effort: not on Windows). */
export function fsyncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
    // Windows cannot open a directory; some file systems refuse fsync on one. The rename is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Replace a file's content atomically and durably: write a temporary file, fsync it, rename it over. */
export function writeFileAtomic(path: string, content: string): void {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, "w", 0o600);
  try {
    writeAll(fd, Buffer.from(content, "utf8"));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  fsyncDirectory(dirname(path));
}

/** A file's text, or undefined when it does not exist (any other error is thrown). */
export function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT") return undefined;
    throw error;
  }
}

export interface FileLine {
  /** The line's bytes without its newline (at most `maxLine` of them when `tooLong`). */
  bytes: Buffer;
  /** Byte offset of the line's first byte in the file. */
  offset: number;
  /** Byte length of the line in the file, newline included. */
  length: number;
  /** false for the last piece of a file that does not end with a newline. */
  terminated: boolean;
  /** The line is longer than `maxLine` bytes; `bytes` holds only its start. */
  tooLong: boolean;
}

/** The lines of a file read in chunks, so a large log is never held in memory at once. */
export function* fileLines(fd: number, maxLine: number): Generator<FileLine> {
  const chunk = Buffer.alloc(64 * 1024);
  let parts: Buffer[] = [];
  let kept = 0;
  let lineStart = 0;
  let position = 0;
  let tooLong = false;
  for (;;) {
    const n = readSync(fd, chunk, 0, chunk.length, position);
    if (n === 0) break;
    let from = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, from);
      const end = nl === -1 || nl >= n ? n : nl;
      const room = maxLine - kept;
      if (end - from > room) tooLong = true;
      const take = Math.max(0, Math.min(end - from, room));
      if (take > 0) {
        parts.push(Buffer.from(chunk.subarray(from, from + take)));
        kept += take;
      }
      if (nl === -1 || nl >= n) break;
      const lineEnd = position + nl + 1;
      yield {
        bytes: Buffer.concat(parts),
        offset: lineStart,
        length: lineEnd - lineStart,
        terminated: true,
        tooLong,
      };
      parts = [];
      kept = 0;
      tooLong = false;
      lineStart = lineEnd;
      from = nl + 1;
    }
    position += n;
  }
  if (position > lineStart)
    yield {
      bytes: Buffer.concat(parts),
      offset: lineStart,
      length: position - lineStart,
      terminated: false,
      tooLong,
    };
}

// --- the writer's lock -------------------------------------------------------------------------

interface LockOwner {
  pid: number;
  host: string;
}

const HELD = new Set<string>();

function ownerText(owner: LockOwner): string {
  return `${JSON.stringify({ pid: owner.pid, host: owner.host })}\n`;
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const json = JSON.parse(text) as { pid?: unknown; host?: unknown };
    if (Number.isInteger(json.pid) && (json.pid as number) > 0 && typeof json.host === "string")
      return { pid: json.pid as number, host: json.host };
  } catch {
    // not a lock this program wrote
  }
  return undefined;
}

/** Create a file that must not exist yet (O_CREAT | O_EXCL); false when it exists. */
function createExclusive(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, "wx", 0o600);
  } catch (error) {
    if ((error as { code?: unknown }).code === "EEXIST") return false;
    throw error;
  }
  try {
    writeAll(fd, Buffer.from(content, "utf8"));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as { code?: unknown }).code === "EPERM";
  }
}

/** The live writer of a log on this host, if one holds its lock (for verify-audit's report). */
export function liveWriter(log: string): number | undefined {
  let text: string | undefined;
  try {
    text = readIfExists(lockPath(log));
  } catch {
    return undefined;
  }
  const owner = text === undefined ? undefined : parseOwner(text);
  return owner && owner.host === hostname() && owner.pid !== process.pid && isAlive(owner.pid)
    ? owner.pid
    : undefined;
}

export interface WriterLock {
  readonly path: string;
  release(): void;
}

/**
 * Take the one-writer lock of a log: `<log>.lock`, created with O_EXCL and holding this process's
 * pid and host name. A lock left by a process that no longer runs (same host, pid not alive, or this
 * process's own pid, which a container restart can hand out again) is stale and is taken over, under
 * a second exclusive file (`<log>.lock.takeover`) so that two starters cannot both take it. A lock of
 * another host, or an unreadable one, is never taken over: the operator removes it by hand.
 */
export function acquireWriterLock(log: string, option: string): WriterLock {
  const path = lockPath(log);
  const key = resolve(path);
  const ours: LockOwner = { pid: process.pid, host: hostname() };
  if (HELD.has(key))
    throw new AuditLogError(`${option} ${log}: the log is already open for writing in this process`);
  const fail = (error: unknown, what: string): never => {
    if (error instanceof AuditLogError) throw error;
    throw new AuditLogError(`${option} ${log}: cannot ${what} ${path}: ${describeFsError(error)}`);
  };
  let created = false;
  try {
    created = createExclusive(path, ownerText(ours));
  } catch (error) {
    fail(error, "create the lock file");
  }
  if (!created) {
    let text: string | undefined;
    try {
      text = readIfExists(path);
    } catch (error) {
      fail(error, "read the lock file");
    }
    const owner = text === undefined ? undefined : parseOwner(text);
    if (text !== undefined && !owner)
      throw new AuditLogError(
        `${option} ${log}: the lock file ${path} is not one this server wrote (or was cut short by a crash while it was created); if no server is writing this log, remove ${path} and start again`,
      );
    if (owner && owner.host !== ours.host)
      throw new AuditLogError(
        `${option} ${log}: the log is locked by process ${owner.pid} on host ${owner.host} (${path}); one writer per log. If that server is gone, remove ${path} and start again`,
      );
    if (owner && owner.pid !== ours.pid && isAlive(owner.pid))
      throw new AuditLogError(
        `${option} ${log}: another process (pid ${owner.pid}) is writing this log (${path}); one writer per log. If pid ${owner.pid} is not a medical-necessity-mcp server (a reused pid), remove ${path} and start again`,
      );
    // Stale (or gone between our two looks): take it over under the takeover guard.
    const guard = `${path}.takeover`;
    let guarded = false;
    try {
      guarded = createExclusive(guard, ownerText(ours));
    } catch (error) {
      fail(error, "create the lock file");
    }
    if (!guarded)
      throw new AuditLogError(
        `${option} ${log}: another process is taking over the stale lock ${path} (${guard} exists); if none is, remove ${guard} and start again`,
      );
    try {
      const now = readIfExists(path);
      if (now !== text)
        throw new AuditLogError(
          `${option} ${log}: another process took the lock ${path} first; one writer per log`,
        );
      if (now !== undefined) unlinkSync(path);
      if (!createExclusive(path, ownerText(ours)))
        throw new AuditLogError(
          `${option} ${log}: another process took the lock ${path} first; one writer per log`,
        );
    } catch (error) {
      fail(error, "take over the stale lock");
    } finally {
      try {
        unlinkSync(guard);
      } catch {
        // already gone
      }
    }
  }
  HELD.add(key);
  const onExit = (): void => release();
  process.once("exit", onExit);
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    process.removeListener("exit", onExit);
    HELD.delete(key);
    try {
      const owner = parseOwner(readIfExists(path) ?? "");
      if (owner && owner.pid === ours.pid && owner.host === ours.host) unlinkSync(path);
    } catch {
      // the next start finds a stale lock and takes it over
    }
  };
  return { path, release };
}
