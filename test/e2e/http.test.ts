import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  MCP_POST_HEADERS,
  MODERN,
  MODERN_DISCOVER,
  connectHttp,
  rawRequest,
  startHttpProcess,
} from "../support/http-process.js";
import type { HttpProcess } from "../support/http-process.js";

const TOKEN = "test-token-0123456789abcdef";
const initialize = JSON.stringify({
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
});

function post(server: HttpProcess, headers: Record<string, string> = {}, body = initialize) {
  return rawRequest(server.port, { method: "POST", headers: { ...MCP_POST_HEADERS, ...headers }, body });
}

describe("HTTP on loopback (default settings)", () => {
  let server: HttpProcess;
  beforeAll(async () => {
    server = await startHttpProcess();
  });
  afterAll(async () => {
    await server.stop();
  });

  it("announces 127.0.0.1 and the tools in one ready line on stderr, and writes nothing to stdout", () => {
    expect(server.stderr()).toMatch(
      /ready on http:\/\/127\.0\.0\.1:\d+\/mcp \(stateless Streamable HTTP\); tools: /,
    );
    expect(server.stdout()).toBe("");
  });

  it("serves a real SDK client over Streamable HTTP", async () => {
    const client = await connectHttp(server.url);
    try {
      expect(client.getServerVersion()?.name).toBe("medical-necessity-mcp");
      const { tools } = await client.listTools();
      const ready = /tools: (.*)$/m.exec(server.stderr())?.[1] ?? "";
      expect(tools.map((t) => t.name).join(", ")).toBe(ready.trim());
      expect(tools.length).toBeGreaterThan(0);
      for (const tool of tools) expect(tool.outputSchema, `${tool.name} has an outputSchema`).toBeDefined();
      const result = await client.callTool({
        name: "lookupCodes",
        arguments: {
          codes: ["M53.3", "m47817", "M46.1", "S336XXA", "J1100", "64625", "M53.39"],
          detail: "full",
        },
      });
      const results = (
        result.structuredContent as {
          results: { code: string; system: string; found: boolean; description: string | null }[];
        }
      ).results;
      expect(results.map((r) => [r.code, r.system, r.found])).toEqual([
        ["M53.3", "ICD-10-CM", true],
        ["M47.817", "ICD-10-CM", true],
        ["M46.1", "ICD-10-CM", true],
        ["S33.6XXA", "ICD-10-CM", true],
        ["J1100", "HCPCS", true],
        ["64625", "CPT", true],
        ["M53.39", "ICD-10-CM", false],
      ]);
      expect(results[2]?.description).toBe("Sacroiliitis, not elsewhere classified");
      expect(results[4]?.description).toBe("Injection, dexamethasone sodium phosphate, 1 mg");
      await expect(client.ping()).resolves.toBeDefined();
    } finally {
      await client.close();
    }
  });

  it("answers a JSON-RPC initialize POST with JSON", async () => {
    const res = await post(server);
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as { result: { serverInfo: { name: string } } };
    expect(body.result.serverInfo.name).toBe("medical-necessity-mcp");
  });

  it.each(["GET", "DELETE", "PUT"])("answers %s /mcp with 405 and Allow: POST", async (method) => {
    const res = await rawRequest(server.port, { method, headers: { accept: "text/event-stream" } });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe("POST");
    expect(JSON.parse(res.body)).toMatchObject({ jsonrpc: "2.0", error: { code: -32000 } });
  });

  it("rejects a foreign Host header with 403 (DNS-rebinding protection)", async () => {
    const res = await post(server, { host: "evil.example" });
    expect(res.status).toBe(403);
    expect(res.body).toContain("evil.example");
    const withPort = await post(server, { host: `evil.example:${server.port}` });
    expect(withPort.status).toBe(403);
  });

  it("applies the Host check to a 2026-07-28 request too, and answers it with JSON", async () => {
    const foreign = await post(
      server,
      { ...MODERN_DISCOVER.headers, host: "evil.example" },
      MODERN_DISCOVER.body,
    );
    expect(foreign.status).toBe(403);
    const ok = await post(server, MODERN_DISCOVER.headers, MODERN_DISCOVER.body);
    expect(ok.status).toBe(200);
    expect(ok.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(ok.body)).toMatchObject({ result: { supportedVersions: ["2026-07-28"] } });
  });

  it("accepts localhost and 127.0.0.1 Host headers with any port", async () => {
    for (const host of [`localhost:${server.port}`, `127.0.0.1:${server.port}`, "localhost"]) {
      expect((await post(server, { host })).status, host).toBe(200);
    }
  });

  it("answers a body that is not JSON with a JSON-RPC parse error, not an HTML page", async () => {
    const res = await post(server, {}, "{not json");
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ jsonrpc: "2.0", error: { code: -32700 } });
  });

  it("accepts a 600 kB body (verifyCitations texts reach 200 kB) and refuses one over 1 MB with 413", async () => {
    const big = JSON.stringify({
      jsonrpc: "2.0",
      id: 2,
      method: "ping",
      params: { _meta: { pad: "x".repeat(600_000) } },
    });
    const ok = await post(server, {}, big);
    expect(ok.status).toBe(200);
    const tooBig = await post(server, {}, JSON.stringify({ pad: "x".repeat(1_100_000) }));
    expect(tooBig.status).toBe(413);
    expect(JSON.parse(tooBig.body)).toMatchObject({ jsonrpc: "2.0", error: { code: -32600 } });
  });

  it("answers other paths with 404 in JSON", async () => {
    const res = await rawRequest(server.port, { method: "GET", path: "/" });
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).toMatchObject({ jsonrpc: "2.0" });
  });
});

describe("HTTP with MNM_HTTP_TOKEN", () => {
  let server: HttpProcess;
  beforeAll(async () => {
    server = await startHttpProcess([], { MNM_HTTP_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await server.stop();
  });

  it("answers 401 without a token and with a wrong one", async () => {
    const none = await post(server);
    expect(none.status).toBe(401);
    expect(none.headers["www-authenticate"]).toBe("Bearer");
    const wrong = await post(server, { authorization: `Bearer ${TOKEN.slice(0, -1)}x` });
    expect(wrong.status).toBe(401);
    const notBearer = await post(server, { authorization: TOKEN });
    expect(notBearer.status).toBe(401);
  });

  it("serves a client that sends the right bearer token", async () => {
    await expect(connectHttp(server.url)).rejects.toThrow();
    const client = await connectHttp(server.url, { authorization: `Bearer ${TOKEN}` });
    try {
      const { tools } = await client.listTools();
      expect(Array.isArray(tools)).toBe(true);
    } finally {
      await client.close();
    }
  });

  it("holds a 2026-07-28 client to the same token", async () => {
    const modern = await post(server, MODERN_DISCOVER.headers, MODERN_DISCOVER.body);
    expect(modern.status).toBe(401);
    await expect(connectHttp(server.url, {}, MODERN)).rejects.toThrow();
    const client = await connectHttp(server.url, { authorization: `Bearer ${TOKEN}` }, MODERN);
    try {
      expect(client.getNegotiatedProtocolVersion()).toBe("2026-07-28");
      const { tools } = await client.listTools();
      expect(tools.length).toBeGreaterThan(0);
    } finally {
      await client.close();
    }
  });

  it("checks the Host header before the token", async () => {
    const res = await post(server, { host: "evil.example", authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(403);
  });
});

describe("HTTP bound to 0.0.0.0", () => {
  it("refuses a token shorter than 16 characters", async () => {
    await expect(startHttpProcess(["--host", "0.0.0.0"], { MNM_HTTP_TOKEN: "short" })).rejects.toThrow(
      /at least 16 characters/,
    );
  });

  it("with a token: serves loopback Host names, rejects foreign ones", async () => {
    const server = await startHttpProcess(["--host", "0.0.0.0"], { MNM_HTTP_TOKEN: TOKEN });
    try {
      expect(server.stderr()).toMatch(/ready on http:\/\/0\.0\.0\.0:\d+\/mcp/);
      const auth = { authorization: `Bearer ${TOKEN}` };
      expect((await post(server, { ...auth, host: `127.0.0.1:${server.port}` })).status).toBe(200);
      expect((await post(server, { ...auth, host: "evil.example" })).status).toBe(403);
      expect((await post(server, { host: `127.0.0.1:${server.port}` })).status).toBe(401);
      const client = await connectHttp(server.url, auth);
      await client.listTools();
      await client.close();
    } finally {
      await server.stop();
    }
  });

  it("with MNM_ALLOWED_HOSTS: serves exactly the listed Host names", async () => {
    const server = await startHttpProcess(["--host", "0.0.0.0"], {
      MNM_HTTP_TOKEN: TOKEN,
      MNM_ALLOWED_HOSTS: "mcp.plan.example, review.plan.example",
    });
    try {
      const auth = { authorization: `Bearer ${TOKEN}` };
      expect((await post(server, { ...auth, host: "mcp.plan.example" })).status).toBe(200);
      expect((await post(server, { ...auth, host: `review.plan.example:${server.port}` })).status).toBe(200);
      expect((await post(server, { ...auth, host: `127.0.0.1:${server.port}` })).status).toBe(403);
    } finally {
      await server.stop();
    }
  });
});
