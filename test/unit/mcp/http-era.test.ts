// The HTTP endpoint decides a POST's protocol era from its parsed body and MCP headers
// (isLegacyPost); the SDK's isLegacyRequest decides it from a fetch Request. They must agree on
// every kind of message either era sends, and on the malformed ones.
import { isLegacyRequest } from "@modelcontextprotocol/server";
import { describe, expect, it } from "vitest";
import { isLegacyPost } from "../../../src/http-server.js";

const ENVELOPE = {
  "io.modelcontextprotocol/protocolVersion": "2026-07-28",
  "io.modelcontextprotocol/clientInfo": { name: "raw", version: "1" },
  "io.modelcontextprotocol/clientCapabilities": {},
};

const call = (params: Record<string, unknown>) => ({ jsonrpc: "2.0", id: 7, method: "tools/call", params });
const LOOKUP = { name: "lookupCodes", arguments: { codes: ["64625"] } };

const CASES: { label: string; headers: Record<string, string>; body: unknown }[] = [
  {
    label: "2025 initialize",
    headers: {},
    body: {
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "c", version: "1" } },
    },
  },
  {
    label: "2025 call, version header",
    headers: { "mcp-protocol-version": "2025-11-25" },
    body: call(LOOKUP),
  },
  { label: "2025 call, no header", headers: {}, body: call(LOOKUP) },
  { label: "2025 notification", headers: {}, body: { jsonrpc: "2.0", method: "notifications/initialized" } },
  { label: "a response", headers: {}, body: { jsonrpc: "2.0", id: 3, result: {} } },
  { label: "a batch", headers: {}, body: [call(LOOKUP), call(LOOKUP)] },
  {
    label: "2026 call with envelope and headers",
    headers: { "mcp-protocol-version": "2026-07-28", "mcp-method": "tools/call", "mcp-name": "lookupCodes" },
    body: call({ ...LOOKUP, _meta: ENVELOPE }),
  },
  { label: "2026 call, envelope only", headers: {}, body: call({ ...LOOKUP, _meta: ENVELOPE }) },
  {
    label: "2026 discover",
    headers: { "mcp-protocol-version": "2026-07-28", "mcp-method": "server/discover" },
    body: { jsonrpc: "2.0", id: 1, method: "server/discover", params: { _meta: ENVELOPE } },
  },
  {
    label: "modern header, no envelope",
    headers: { "mcp-protocol-version": "2026-07-28" },
    body: call(LOOKUP),
  },
  {
    label: "envelope and header disagree",
    headers: { "mcp-protocol-version": "2025-11-25" },
    body: call({ ...LOOKUP, _meta: ENVELOPE }),
  },
  {
    label: "method header disagrees",
    headers: { "mcp-protocol-version": "2026-07-28", "mcp-method": "tools/list" },
    body: call({ ...LOOKUP, _meta: ENVELOPE }),
  },
  {
    label: "invalid envelope",
    headers: {},
    body: call({ ...LOOKUP, _meta: { "io.modelcontextprotocol/protocolVersion": 2026 } }),
  },
  {
    label: "header padded with spaces",
    headers: { "mcp-protocol-version": " 2026-07-28 " },
    body: call(LOOKUP),
  },
  { label: "not JSON-RPC", headers: {}, body: { hello: "world" } },
  { label: "a string", headers: {}, body: "tools/call" },
  { label: "null", headers: {}, body: null },
  { label: "no body", headers: {}, body: undefined },
];

describe("the HTTP endpoint's era decision", () => {
  it.each(CASES)("agrees with the SDK's isLegacyRequest: $label", async ({ headers, body }) => {
    const request = new Request("http://localhost/mcp", { method: "POST", headers });
    const sdk = await isLegacyRequest(request, body);
    expect(isLegacyPost(headers, body)).toBe(sdk);
  });

  it("tells the eras apart (the cases are not all one answer)", () => {
    const answers = new Set(CASES.map(({ headers, body }) => isLegacyPost(headers, body)));
    expect(answers).toEqual(new Set([true, false]));
  });
});
