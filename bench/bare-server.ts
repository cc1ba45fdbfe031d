// The baseline for `npm run bench`: a bare SDK server with one echo tool, served the same
// ways as ours (the SDK's stdio entry, or stateless Streamable HTTP with a server per request and
// JSON answers, as ours serves 2025-era requests). Like ours, it loads the HTTP modules (express)
// only in HTTP mode, so its stdio cold start is the SDK's own.
import { McpServer } from "@modelcontextprotocol/server";
import { serveStdio } from "@modelcontextprotocol/server/stdio";
import type { Request, Response } from "express";
import { z } from "zod";

function createBareServer(): McpServer {
  const server = new McpServer({ name: "bare-echo", version: "1.0.0" });
  server.registerTool(
    "echo",
    { description: "Echo the message back.", inputSchema: z.object({ message: z.string() }) },
    ({ message }) => ({ content: [{ type: "text", text: message }] }),
  );
  return server;
}

async function serveHttp(port: number): Promise<void> {
  const { default: express } = await import("express");
  const { NodeStreamableHTTPServerTransport: StreamableHTTPServerTransport, localhostHostValidation } =
    await import("@modelcontextprotocol/node");
  const app = express();
  const validateHost = localhostHostValidation();
  app.use((req, res, next) => {
    if (validateHost(req, res)) next();
  });
  app.use(express.json());
  app.post("/mcp", async (req: Request, res: Response) => {
    const server = createBareServer();
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    res.on("close", () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, req.body);
  });
  await new Promise<void>((resolve) => {
    const listener = app.listen(port, "127.0.0.1", () => {
      const address = listener.address();
      const shown = typeof address === "object" && address ? address.port : port;
      process.stderr.write(`bare-echo ready on http://127.0.0.1:${shown}/mcp\n`);
      resolve();
    });
  });
}

const args = process.argv.slice(2);
if (args.includes("--http")) {
  const portArg = args[args.indexOf("--port") + 1];
  await serveHttp(Number(portArg ?? "0"));
} else {
  serveStdio(() => createBareServer());
  process.stderr.write("bare-echo ready on stdio\n");
}
