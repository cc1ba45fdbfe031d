import type { Server } from "node:http";
import { timingSafeEqual } from "node:crypto";
import { createMcpExpressApp } from "@modelcontextprotocol/sdk/server/express.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import type { NextFunction, Request, Response } from "express";
import { createServer } from "./mcp/server.js";
import type { ServerOptions } from "./mcp/server-options.js";

export interface HttpSettings {
  host: string;
  port: number;
  /** Bearer token every request must carry; required off loopback. */
  token?: string;
  /** Host header names accepted off loopback. */
  allowedHosts?: string[];
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Why these settings may not start, or undefined when they may. */
export function httpSettingsProblem(settings: HttpSettings): string | undefined {
  if (!isLoopback(settings.host) && !settings.token) {
    return `refusing to bind to ${settings.host}: a non-loopback address requires a bearer token. Set MNM_HTTP_TOKEN (every request must then send "Authorization: Bearer <token>"), or bind to 127.0.0.1.`;
  }
  if (settings.token !== undefined && settings.token.length < 16) {
    return "MNM_HTTP_TOKEN must be at least 16 characters long.";
  }
  return undefined;
}

function bearerCheck(token: string) {
  const expected = Buffer.from(`Bearer ${token}`);
  return (req: Request, res: Response, next: NextFunction): void => {
    const given = Buffer.from(req.headers.authorization ?? "");
    if (given.length === expected.length && timingSafeEqual(given, expected)) {
      next();
      return;
    }
    res.status(401).set("WWW-Authenticate", "Bearer").json(jsonRpcError(-32001, "Unauthorized: send Authorization: Bearer <MNM_HTTP_TOKEN>"));
  };
}

function jsonRpcError(code: number, message: string) {
  return { jsonrpc: "2.0", error: { code, message }, id: null };
}

/** Start a stateless Streamable HTTP server on /mcp. Resolves once it listens. */
export async function startHttpServer(settings: HttpSettings, options: ServerOptions): Promise<Server> {
  const problem = httpSettingsProblem(settings);
  if (problem) throw new Error(problem);
  const loopback = isLoopback(settings.host);
  const allowedHosts = loopback
    ? undefined
    : (settings.allowedHosts ?? [settings.host, "localhost", "127.0.0.1"]).filter((h) => h !== "0.0.0.0" && h !== "::");
  const app = createMcpExpressApp({ host: loopback ? "127.0.0.1" : settings.host, ...(allowedHosts ? { allowedHosts } : {}) });
  if (settings.token) app.use("/mcp", bearerCheck(settings.token));

  app.post("/mcp", async (req: Request, res: Response) => {
    const server = createServer(options);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on("close", () => {
      void transport.close();
      void server.close();
    });
    try {
      await server.connect(transport);
      await transport.handleRequest(req, res, req.body);
    } catch {
      if (!res.headersSent) res.status(500).json(jsonRpcError(-32603, "Internal server error"));
    }
  });
  const notAllowed = (_req: Request, res: Response): void => {
    res.status(405).set("Allow", "POST").json(jsonRpcError(-32000, "Method not allowed: this server is stateless; use POST /mcp."));
  };
  app.get("/mcp", notAllowed);
  app.delete("/mcp", notAllowed);

  return new Promise((resolve, reject) => {
    const listener = app.listen(settings.port, settings.host, (error?: Error) => {
      if (error) reject(error);
      else resolve(listener);
    });
  });
}
