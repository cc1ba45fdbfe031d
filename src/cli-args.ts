/** Command-line options of the server process. */
export interface CliOptions {
  help: boolean;
  version: boolean;
  http: boolean;
  host: string;
  port: number;
  auditLogPath?: string;
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
  --audit-log <file>     append one hash-chained JSON line per evaluation to <file>
  --help                 show this help
  --version              show the version

Environment:
  MNM_HTTP_TOKEN         bearer token required on every HTTP request when set (mandatory off loopback)
  MNM_ALLOWED_HOSTS      comma-separated Host header names accepted off loopback
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
        options.auditLogPath = value();
        break;
      default:
        throw new CliError(`unknown option ${JSON.stringify(arg)} (see --help)`);
    }
  }
  return options;
}
