/** Command-line options of the server process. */
export interface CliOptions {
  help: boolean;
  version: boolean;
  http: boolean;
  host: string;
  port: number;
  auditLogPath?: string;
  auditKeyFile?: string;
  /** The corpus folder to serve instead of the shipped one. */
  corpusDir?: string;
  /** The corpus version the operator names (instead of the build's). */
  corpusVersion?: string;
}

export class CliError extends Error {}

const USAGE = `medical-necessity-mcp: MCP server for SI joint medical-necessity review

Usage:
  medical-necessity-mcp                 serve MCP over stdio (for Claude Desktop and other clients)
  medical-necessity-mcp --http          serve stateless Streamable HTTP on http://127.0.0.1:3000/mcp

Options:
  --http                 serve over HTTP instead of stdio
  --host <address>       HTTP bind address (default 127.0.0.1). A non-loopback address requires
                         MNM_HTTP_TOKEN; every request must then send "Authorization: Bearer <token>".
  --port <n>             HTTP port (default 3000; 0 picks a free port)
  --audit-log <file>     keep a tamper-evident audit trail: one keyed, hash-chained JSON line per
                         evaluation in <file>, its signed head in <file>.head, one writer at a time
                         (<file>.lock). Needs a key: MNM_AUDIT_KEY or --audit-key-file. The whole log
                         is checked at start: a broken log, a torn last line, another writer or an
                         unwritable path refuses the start. Check it, or repair a torn last line:
                           npm run verify-audit -- <file> [--repair]   (same key)
  --audit-key-file <f>   read the audit key from <f> (hex, at least 32 bytes = 64 hex digits;
                         make one: openssl rand -hex 32 > <f> && chmod 600 <f>)
  --corpus <dir>         serve the corpus in <dir> (a plan's own corpus, e.g. after npm run ingest)
                         instead of the shipped one. Its files are checked against its manifest.json,
                         and its version must be the one this build was made with, unless named:
  --corpus-version <v>   the corpus version (the 64 hex digits of manifest.json's "version") to
                         serve instead of the build's; the start refuses any other, and the ready
                         line shows it
  --help                 show this help
  --version              show the version

Environment:
  MNM_HTTP_TOKEN         bearer token required on every HTTP request when set (mandatory off loopback)
  MNM_ALLOWED_HOSTS      comma-separated Host header names accepted off loopback
  MNM_AUDIT_KEY          the audit key as hex, at least 32 bytes (64 hex digits), instead of a key file
`;

export function usage(): string {
  return USAGE;
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { help: false, version: false, http: false, host: "127.0.0.1", port: 3000 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith("--")) throw new CliError(`${arg} needs a value`);
      i++;
      return next;
    };
    switch (arg) {
      case "--help":
      case "-h":
        options.help = true;
        break;
      case "--version":
      case "-v":
        options.version = true;
        break;
      case "--http":
        options.http = true;
        break;
      case "--host":
        options.host = value();
        break;
      case "--port": {
        const raw = value();
        const port = Number(raw);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new CliError(`--port expects an integer from 0 to 65535, received ${JSON.stringify(raw)}`);
        options.port = port;
        break;
      }
      case "--audit-log":
      case "--audit-key-file": {
        const file = value();
        if (file === "") throw new CliError(`${arg} needs a file, received an empty string`);
        if (arg === "--audit-log") options.auditLogPath = file;
        else options.auditKeyFile = file;
        break;
      }
      case "--corpus": {
        const dir = value();
        if (dir === "") throw new CliError("--corpus needs a folder, received an empty string");
        options.corpusDir = dir;
        break;
      }
      case "--corpus-version": {
        const raw = value();
        if (!/^[0-9a-f]{64}$/.test(raw))
          throw new CliError(
            `--corpus-version expects the 64 lower-case hex digits of a corpus manifest's "version", received ${JSON.stringify(raw.slice(0, 80))}${raw.length > 80 ? "…" : ""}`,
          );
        options.corpusVersion = raw;
        break;
      }
      default:
        throw new CliError(`unknown option ${JSON.stringify(arg?.slice(0, 80))} (see --help)`);
    }
  }
  if (options.auditKeyFile !== undefined && options.auditLogPath === undefined)
    throw new CliError("--audit-key-file is the key of an audit log: give --audit-log <file> too");
  return options;
}
