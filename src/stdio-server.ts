import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { createServer } from "./mcp/server.js";
import type { ServerContext } from "./mcp/context.js";

/**
 * A transport error as one line for stderr. Error messages can quote the offending input
 * (case content), so only the kind of problem is reported.
 */
export function describeStdioError(error: Error): string {
  if (error instanceof SyntaxError) return "ignored an input line that is not JSON";
  if (error.name === "ZodError") return "ignored an input line that is not a JSON-RPC message";
  if (error.message.startsWith("ReadBuffer exceeded maximum size"))
    return "discarded an input message larger than the 10 MB stdio limit";
  return `ignored a protocol error (${error.name})`;
}

/**
 * Serve MCP on stdin/stdout. The SDK transport closes itself when one input line exceeds its
 * buffer limit; the server then reconnects on a fresh transport so one oversized message does not
 * end the session.
 */
export async function serveStdio(context: ServerContext, log: (line: string) => void): Promise<void> {
  const server = createServer(context);
  const connect = async (): Promise<void> => {
    await server.connect(new StdioServerTransport());
    process.stdin.resume();
  };
  server.server.onerror = (error) => log(describeStdioError(error));
  server.server.onclose = () => {
    connect().catch((error: unknown) => {
      log(`cannot reopen stdio (${error instanceof Error ? error.name : "error"}); exiting`);
      process.exitCode = 1;
    });
  };
  await connect();
}
