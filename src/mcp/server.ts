import { McpServer } from "@modelcontextprotocol/server";
import { SERVER_NAME, SERVER_VERSION } from "../version.js";
import type { ServerContext } from "./context.js";
import { installValidationMessages } from "./validation-messages.js";
import { registrations } from "./registry.js";

const INSTRUCTIONS = [
  "Medical-necessity review support for sacroiliac (SI) joint procedures.",
  "Every result is a recommendation for a licensed clinician, never a final determination.",
  "Quote evidence only as returned by the tools: every quote is verbatim from the local corpus and carries its source, passage id and provenance.",
].join(" ");

/**
 * Build the MCP server with every tool, resource and prompt registered. No I/O happens here.
 * The same factory serves every protocol era (2025-06-18, 2025-11-25, 2026-07-28): the SDK's
 * serving entries call it per stdio connection and per HTTP request, with the one context the
 * process built at start. Its JSON Schema validator (the SDK default, Ajv) builds its engine only
 * when first asked, never at start.
 */
export function createServer(context: ServerContext): McpServer {
  installValidationMessages();
  const server = new McpServer(
    { name: SERVER_NAME, version: SERVER_VERSION },
    { instructions: INSTRUCTIONS, capabilities: { logging: {} } },
  );
  for (const registration of registrations) registration.register(server, context);
  return server;
}

/** Names of the tools the server serves, in registration order. */
export function toolNames(): string[] {
  return registrations.filter((r) => r.kind === "tool").map((r) => r.name);
}
