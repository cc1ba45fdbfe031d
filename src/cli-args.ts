/** Command-line options of the server process. */
export interface CliOptions {
  help: boolean;
  version: boolean;
  http: boolean;
  host: string;
  port: number;
  auditLogPath?: string;
  auditKeyFile?: string;
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
      default:
        throw new CliError(`unknown option ${JSON.stringify(arg)} (see --help)`);
    }
  }
  if (options.auditKeyFile !== undefined && options.auditLogPath === undefined)
    throw new CliError("--audit-key-file is the key of an audit log: give --audit-log <file> too");
  return options;
}
