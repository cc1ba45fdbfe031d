import type { Server } from "node:http";
import { timingSafeEqual } from "node:crypto";
import express from "express";
import type { NextFunction, Request, Response } from "express";
import {
  NodeStreamableHTTPServerTransport,
  hostHeaderValidation,
  toNodeHandler,
} from "@modelcontextprotocol/node";
import type { NodeMcpRequestHandler } from "@modelcontextprotocol/node";
import { createMcpHandler, isLegacyRequest } from "@modelcontextprotocol/server";
import { createServer } from "./mcp/server.js";
import type { ServerContext } from "./mcp/context.js";

export interface HttpSettings {
  host: string;
  port: number;
  /** Bearer token every request must carry; required off loopback. */
  token?: string;
  /** Host header names accepted off loopback. */
  allowedHosts?: string[];
}

/** Largest request body accepted: verifyCitations takes texts up to 200 kB, JSON escaping can double that. */
export const MAX_BODY_BYTES = 1024 * 1024;

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);
const LOOPBACK_HOST_NAMES = ["localhost", "127.0.0.1", "[::1]"];

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

/** Host header names (as URL hostnames: IPv6 in brackets) the server answers. */
export function acceptedHostNames(settings: HttpSettings): string[] {
  if (isLoopback(settings.host)) {
    return settings.host.startsWith("127.") && settings.host !== "127.0.0.1"
      ? [...LOOPBACK_HOST_NAMES, settings.host]
      : LOOPBACK_HOST_NAMES;
  }
  const wildcard = settings.host === "0.0.0.0" || settings.host === "::";
  const names = settings.allowedHosts ?? [...(wildcard ? [] : [settings.host]), ...LOOPBACK_HOST_NAMES];
  return names.map((name) => (name.includes(":") && !name.startsWith("[") ? `[${name}]` : name));
}

function jsonRpcError(code: number, message: string) {
  return { jsonrpc: "2.0", error: { code, message }, id: null };
}

function bearerCheck(token: string) {
  const expected = Buffer.from(`Bearer ${token}`);
  return (req: Request, res: Response, next: NextFunction): void => {
    const given = Buffer.from(req.headers.authorization ?? "");
    if (given.length === expected.length && timingSafeEqual(given, expected)) {
      next();
      return;
    }
    res
      .status(401)
      .set("WWW-Authenticate", "Bearer")
      .json(jsonRpcError(-32001, "Unauthorized: send Authorization: Bearer <MNM_HTTP_TOKEN>"));
  };
}

/** Body-parser failures as JSON-RPC errors (express would answer with an HTML page). */
function bodyErrors(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) {
    next(error);
    return;
  }
  const type = (error as { type?: unknown }).type;
  if (type === "entity.too.large") {
    res.status(413).json(jsonRpcError(-32600, `Request body too large: at most ${MAX_BODY_BYTES} bytes`));
  } else if (type === "entity.parse.failed") {
    res.status(400).json(jsonRpcError(-32700, "Parse error: the request body is not valid JSON"));
  } else {
    res.status(400).json(jsonRpcError(-32600, "Invalid request"));
  }
}

/** Host validation as express middleware: 403 with a JSON-RPC error naming the rejected host. */
function hostCheck(allowedHostNames: string[]) {
  const guard = hostHeaderValidation(allowedHostNames);
  return (req: Request, res: Response, next: NextFunction): void => {
    if (guard(req, res)) next();
  };
}

/** The era classification reads the method, these headers and the (already parsed) body. */
const CLASSIFIED_HEADERS = ["mcp-protocol-version", "mcp-method", "mcp-name"];

function classificationRequest(req: Request): globalThis.Request {
  const headers = new Headers();
  for (const name of CLASSIFIED_HEADERS) {
    const value = req.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  return new globalThis.Request("http://localhost/mcp", { method: "POST", headers });
}

/**
 * One POST to /mcp, stateless (a server and a transport per request, so concurrent requests never
 * share protocol state), in the request's protocol era:
 * - 2026-07-28 (the request carries the _meta protocol-version envelope): the SDK's
 *   createMcpHandler, modern only, answering with one JSON body;
 * - 2025-06-18 and 2025-11-25 (no envelope): the Streamable HTTP transport with JSON responses, as
 *   before v2. createMcpHandler's own legacy leg would answer these clients with an SSE stream.
 */
function mcpEndpoint(context: ServerContext) {
  const modern: NodeMcpRequestHandler = toNodeHandler(
    createMcpHandler(() => createServer(context), { legacy: "reject", responseMode: "json" }),
  );
  return async (req: Request, res: Response): Promise<void> => {
    try {
      if (!(await isLegacyRequest(classificationRequest(req), req.body))) {
        await modern(req, res, req.body);
        return;
      }
      const server = createServer(context);
      const transport = new NodeStreamableHTTPServerTransport({
        sessionIdGenerator: undefined,
        enableJsonResponse: true,
      });
      res.on("close", () => {
        void transport.close();
        void server.close();
      });
      await server.connect(transport);
      await transport.handleRequest(req, res, req.body);
    } catch {
      if (!res.headersSent) res.status(500).json(jsonRpcError(-32603, "Internal server error"));
    }
  };
}

/** The express app: Host validation, then the bearer token, then the body, then MCP. */
export function createHttpApp(settings: HttpSettings, context: ServerContext): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.use(hostCheck(acceptedHostNames(settings)));
  if (settings.token) app.use(bearerCheck(settings.token));
  app.use("/mcp", express.json({ limit: MAX_BODY_BYTES }));
  app.post("/mcp", mcpEndpoint(context));
  const notAllowed = (_req: Request, res: Response): void => {
    res
      .status(405)
      .set("Allow", "POST")
      .json(jsonRpcError(-32000, "Method not allowed: this server is stateless; use POST /mcp."));
  };
  app.all("/mcp", notAllowed);
  app.use((_req: Request, res: Response) => {
    res.status(404).json(jsonRpcError(-32000, "Not found: the MCP endpoint is POST /mcp"));
  });
  app.use(bodyErrors);
  return app;
}

/** Start a stateless Streamable HTTP server on /mcp. Resolves once it listens. */
export async function startHttpServer(settings: HttpSettings, context: ServerContext): Promise<Server> {
  const problem = httpSettingsProblem(settings);
  if (problem) throw new Error(problem);
  const app = createHttpApp(settings, context);
  return new Promise((resolve, reject) => {
    const listener = app.listen(settings.port, settings.host, (error?: Error) => {
      if (error) reject(error);
      else resolve(listener);
    });
  });
}
