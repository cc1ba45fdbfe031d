import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerToken, targetProblem } from "../../src/http-server.js";
import { MCP_POST_HEADERS, rawRequest, startHttpProcess } from "../support/http-process.js";
import type { HttpProcess } from "../support/http-process.js";

const TOKEN = "test-token-0123456789abcdef";

/** One raw HTTP/1.1 exchange on a fresh connection: the status line and the body. */
function rawExchange(port: number, head: string, body = ""): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let text = "";
    socket.on("data", (c: Buffer) => (text += c.toString("utf8")));
    socket.on("error", reject);
    socket.on("close", () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, body: text.slice(text.indexOf("\r\n\r\n") + 4) });
    });
    socket.end(
      `${head.replace(/\n/g, "\r\n")}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

const PING = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" });
const ACCEPT =
  "Content-Type: application/json\nAccept: application/json, text/event-stream\nMCP-Protocol-Version: 2025-06-18";

describe("HTTP request targets and Host headers", () => {
  let server: HttpProcess;
  beforeAll(async () => {
    server = await startHttpProcess();
  });
  afterAll(async () => {
    await server.stop();
  });

  it("refuses duplicate Host headers", async () => {
    const r = await rawExchange(
      server.port,
      `POST /mcp HTTP/1.1\nHost: 127.0.0.1:${server.port}\nHost: evil.example\n${ACCEPT}`,
      PING,
    );
    expect(r.status).toBe(400);
    expect(r.body).toContain("more than one Host header");
  });

  it("refuses an absolute-form target for another host, and serves one for its own host", async () => {
    const other = await rawExchange(
      server.port,
      `POST http://evil.example/mcp HTTP/1.1\nHost: 127.0.0.1:${server.port}\n${ACCEPT}`,
      PING,
    );
    expect(other.status).toBe(400);
    expect(other.body).toContain("absolute-form request target");
    const own = await rawExchange(
      server.port,
      `POST http://127.0.0.1:${server.port}/mcp HTTP/1.1\nHost: 127.0.0.1:${server.port}\n${ACCEPT}`,
      PING,
    );
    expect(own.status).toBe(200);
    expect(JSON.parse(own.body)).toMatchObject({ id: 1, result: {} });
  });

  it("answers malformed params with -32602 and a short message", async () => {
    for (const [params, message] of [
      [undefined, /tools\/call needs params/],
      [{ name: "lookupCodes", arguments: "M53.3" }, /arguments must be an object/],
      [[1], /params must be an object/],
    ] as const) {
      const body = JSON.stringify({
        jsonrpc: "2.0",
        id: 7,
        method: "tools/call",
        ...(params === undefined ? {} : { params }),
      });
      const r = await rawRequest(server.port, { method: "POST", headers: MCP_POST_HEADERS, body });
      const answer = JSON.parse(r.body) as { id: number; error?: { code: number; message: string } };
      expect(answer.id).toBe(7);
      expect(answer.error?.code).toBe(-32602);
      expect(answer.error?.message).toMatch(message);
      expect(answer.error?.message.length).toBeLessThan(200);
    }
  });

  it("answers every request sent while maximum-size verifyCitations calls are in flight", async () => {
    // Quotations only, 200,000 characters: capped per call (src/verify/limits.ts). Timings are in
    // SECURITY.md (npm run load); here only that everything is answered, correctly.
    let text = "";
    for (let i = 0; text.length < 199_980; i++) text += `"w${i} x${i} y${i}" `;
    const post = (id: number, method: string, params: unknown) =>
      rawRequest(server.port, {
        method: "POST",
        headers: MCP_POST_HEADERS,
        body: JSON.stringify({ jsonrpc: "2.0", id, method, params }),
      });
    const heavy = [1, 2, 3].map((id) =>
      post(id, "tools/call", { name: "verifyCitations", arguments: { text } }),
    );
    const list = post(4, "tools/list", {});
    const lookup = post(5, "tools/call", { name: "lookupCodes", arguments: { codes: ["M53.3"] } });
    const answers = await Promise.all([...heavy, list, lookup]);
    for (const [i, r] of answers.entries()) {
      expect(r.status).toBe(200);
      const answer = JSON.parse(r.body) as { id: number; result?: Record<string, unknown> };
      expect(answer.id).toBe(i + 1);
      expect(answer.result).toBeDefined();
      expect(answer.result?.isError).toBeFalsy();
    }
    const verified = JSON.parse(answers[0].body) as {
      result: { structuredContent: { notChecked?: { quotations: number } } };
    };
    expect(verified.result.structuredContent.notChecked?.quotations).toBeGreaterThan(0);
  });
});

describe("HTTP bearer token", () => {
  let server: HttpProcess;
  beforeAll(async () => {
    server = await startHttpProcess([], { MNM_HTTP_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await server.stop();
  });

  it("matches the scheme case-insensitively, and only the exact token", async () => {
    const body = PING;
    for (const authorization of [`bearer ${TOKEN}`, `BEARER ${TOKEN}`, `Bearer  ${TOKEN}`]) {
      const r = await rawRequest(server.port, {
        method: "POST",
        headers: { ...MCP_POST_HEADERS, authorization },
        body,
      });
      expect(r.status, authorization).toBe(200);
    }
    for (const authorization of [
      `bearer ${TOKEN.toUpperCase()}`,
      `Basic ${TOKEN}`,
      `bearer${TOKEN}`,
      `bearer ${TOKEN} x`,
    ]) {
      const r = await rawRequest(server.port, {
        method: "POST",
        headers: { ...MCP_POST_HEADERS, authorization },
        body,
      });
      expect(r.status, authorization).toBe(401);
    }
  });
});

describe("HTTP helpers", () => {
  it("bearerToken reads the token of any-case Bearer credentials", () => {
    expect(bearerToken("bearer abc")).toBe("abc");
    expect(bearerToken("Bearer\tabc ")).toBe("abc");
    expect(bearerToken("Basic abc")).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });

  it("targetProblem serves paths and own-host absolute targets only", () => {
    const names = ["localhost", "127.0.0.1", "[::1]"];
    expect(targetProblem("/mcp", "127.0.0.1:3000", names)).toBeUndefined();
    expect(targetProblem("http://127.0.0.1:3000/mcp", "127.0.0.1:3000", names)).toBeUndefined();
    expect(targetProblem("http://localhost:3000/mcp", "127.0.0.1:3000", names)).toMatch(/own host/);
    expect(targetProblem("http://evil.example/mcp", "evil.example", names)).toMatch(/own host/);
    expect(targetProblem("*", "127.0.0.1", names)).toMatch(/must be a path/);
  });
});
