import { createServer as createHttpServer } from "node:http";
import type { IncomingHttpHeaders, IncomingMessage, Server } from "node:http";
import type { Socket } from "node:net";
import { createHash, timingSafeEqual } from "node:crypto";
import express from "express";
import type { NextFunction, Request, Response } from "express";
import {
  NodeStreamableHTTPServerTransport,
  hostHeaderValidation,
  toNodeHandler,
} from "@modelcontextprotocol/node";
import type { NodeMcpRequestHandler } from "@modelcontextprotocol/node";
import { classifyInboundRequest, createMcpHandler } from "@modelcontextprotocol/server";
import { createServer } from "./mcp/server.js";
import type { ServerContext } from "./mcp/context.js";
import { guardRequest } from "./request-guard.js";

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

/** Most connections open at once; more are closed as they arrive. */
export const MAX_CONNECTIONS = 64;
/** Time to receive a request's headers, and the whole request with its body (seconds, not minutes). */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 20_000;
/** An idle kept-alive connection is closed after this long. */
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;

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

const sha256 = (text: string): Buffer => createHash("sha256").update(text).digest();

/** The token of an "Authorization: Bearer <token>" header (the scheme in any case, RFC 9110), or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^bearer[ \t]+([^ \t]+)[ \t]*$/i.exec(header ?? "");
  return match?.[1];
}

function bearerCheck(token: string) {
  // Compared as hashes: equal lengths for timingSafeEqual, whatever was sent.
  const expected = sha256(token);
  return (req: Request, res: Response, next: NextFunction): void => {
    const given = bearerToken(req.headers.authorization);
    if (given !== undefined && timingSafeEqual(sha256(given), expected)) {
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

/** How many times a header was sent (Node keeps only the first Host of several). */
function headerCount(req: Request, name: string): number {
  let count = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) if (req.rawHeaders[i]?.toLowerCase() === name) count++;
  return count;
}

/**
 * Why the request target may not be served, or undefined: only origin-form targets ("/mcp") and
 * absolute-form targets naming the Host header's own accepted host are served.
 */
export function targetProblem(
  url: string,
  hostHeader: string | undefined,
  allowedHostNames: string[],
): string | undefined {
  if (url.startsWith("/")) return undefined;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return "the request target must be a path such as /mcp";
  }
  if (target.protocol !== "http:" && target.protocol !== "https:")
    return "the request target must be a path such as /mcp";
  if (!allowedHostNames.includes(target.hostname) || target.host !== (hostHeader ?? "").toLowerCase())
    return "an absolute-form request target must name this server's own host, as the Host header does";
  return undefined;
}

/**
 * Host validation as express middleware: exactly one Host header, an accepted host (403 with a
 * JSON-RPC error naming the rejected host), and no absolute-form target for another host.
 */
function hostCheck(allowedHostNames: string[]) {
  const guard = hostHeaderValidation(allowedHostNames);
  return (req: Request, res: Response, next: NextFunction): void => {
    if (headerCount(req, "host") > 1) {
      res.status(400).json(jsonRpcError(-32600, "Bad request: more than one Host header"));
      return;
    }
    if (!guard(req, res)) return;
    const problem = targetProblem(req.url, req.headers.host, allowedHostNames);
    if (problem) {
      res.status(400).json(jsonRpcError(-32600, `Bad request: ${problem}`));
      return;
    }
    next();
  };
}

/**
 * Whether a POST, its body already parsed, belongs to the 2025 era: what the SDK's isLegacyRequest
 * answers (from the MCP headers and the body), without building a fetch Request for every call. A
 * body express did not parse as JSON is legacy, as isLegacyRequest has it.
 */
export function isLegacyPost(headers: IncomingHttpHeaders, body: unknown): boolean {
  if (body === undefined) return true;
  const one = (name: string): string | undefined => {
    const value = headers[name];
    return typeof value === "string" ? value : undefined;
  };
  const protocolVersionHeader = one("mcp-protocol-version");
  const mcpMethodHeader = one("mcp-method");
  const mcpNameHeader = one("mcp-name");
  const outcome = classifyInboundRequest({
    httpMethod: "POST",
    body,
    ...(protocolVersionHeader !== undefined ? { protocolVersionHeader } : {}),
    ...(mcpMethodHeader !== undefined ? { mcpMethodHeader } : {}),
    ...(mcpNameHeader !== undefined ? { mcpNameHeader } : {}),
  });
  return outcome.kind === "legacy";
}

/**
 * One POST to /mcp, stateless (a server and a transport per request, so concurrent requests never
 * share protocol state), in the request's protocol era:
 * - 2026-07-28 (the request carries the _meta protocol-version envelope): the SDK's
 *   createMcpHandler, modern only, answering with one JSON body;
 * - 2025-06-18 and 2025-11-25 (no envelope): the Streamable HTTP transport with JSON responses, as
 *   before v2. createMcpHandler's own legacy leg would answer these clients with an SSE stream.
 *
 * Requests are not queued: the tools' work is synchronous on the one JavaScript thread, so calls run
 * one at a time anyway, in the order their requests are read, and each one's work is bounded (the
 * heaviest, verifyCitations on a 200,000-character text, is capped per call: src/verify/limits.ts).
 * A request waits at most for the calls read before it. A queue ordering calls by size did not
 * shorten that wait measurably (the calls ahead had been read already) and cost throughput.
 */
function mcpEndpoint(context: ServerContext) {
  const modern: NodeMcpRequestHandler = toNodeHandler(
    createMcpHandler(() => createServer(context), { legacy: "reject", responseMode: "json" }),
  );
  return async (req: Request, res: Response): Promise<void> => {
    // Malformed params are answered here, in one short sentence (request-guard.ts), as over stdio.
    const refused = guardRequest(req.body);
    if (refused) {
      res.status(200).json(refused);
      return;
    }
    try {
      if (!isLegacyPost(req.headers, req.body)) {
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

/**
 * Start a stateless Streamable HTTP server on /mcp. Resolves once it listens. At most
 * MAX_CONNECTIONS connections; headers must arrive within HEADERS_TIMEOUT_MS and the whole
 * request within REQUEST_TIMEOUT_MS (checked every second), or the connection is closed.
 */
export async function startHttpServer(settings: HttpSettings, context: ServerContext): Promise<Server> {
  const problem = httpSettingsProblem(settings);
  if (problem) throw new Error(problem);
  const app = createHttpApp(settings, context);
  const listener = createHttpServer(
    {
      headersTimeout: HEADERS_TIMEOUT_MS,
      requestTimeout: REQUEST_TIMEOUT_MS,
      keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
      connectionsCheckingInterval: 1_000,
      maxHeaderSize: 16 * 1024,
    },
    app,
  );
  listener.maxConnections = MAX_CONNECTIONS;
  // Node's headersTimeout only runs once a request has begun: a connection that sends nothing
  // would hold its place under the cap. It must complete its first request's headers in time.
  const silent = new WeakMap<Socket, NodeJS.Timeout>();
  listener.on("connection", (socket: Socket) => {
    const timer = setTimeout(() => socket.destroy(), HEADERS_TIMEOUT_MS);
    timer.unref();
    silent.set(socket, timer);
    socket.once("close", () => clearTimeout(timer));
  });
  listener.on("request", (req: IncomingMessage) => {
    const timer = silent.get(req.socket);
    if (timer) {
      clearTimeout(timer);
      silent.delete(req.socket);
    }
  });
  // A response the client does not read is not kept forever either.
  listener.setTimeout(REQUEST_TIMEOUT_MS * 6);
  return new Promise((resolve, reject) => {
    listener.once("error", reject);
    listener.listen(settings.port, settings.host, () => {
      listener.off("error", reject);
      resolve(listener);
    });
  });
}
