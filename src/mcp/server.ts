import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type {
  JsonSchemaType,
  JsonSchemaValidator,
  jsonSchemaValidator,
} from "@modelcontextprotocol/sdk/validation";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import { SERVER_NAME, SERVER_VERSION } from "../version.js";
import type { ServerContext } from "./context.js";
import { installValidationMessages } from "./validation-messages.js";
import { registrations } from "./registry.js";

const INSTRUCTIONS = [
  "Medical-necessity review support for sacroiliac (SI) joint procedures.",
  "Every result is a recommendation for a licensed clinician, never a final determination.",
  "Quote evidence only as returned by the tools: every quote is verbatim from the local corpus and carries its source, passage id and provenance.",
].join(" ");

// One JSON Schema validator (Ajv) for every server: building one costs about 0.3 ms warm (4 ms at
// start), and HTTP mode builds a server per request. It only validates elicitation answers and keeps
// no per-client state, so it is built when first asked for, never at start.
let ajv: AjvJsonSchemaValidator | undefined;
const sharedValidator: jsonSchemaValidator = {
  getValidator: <T>(schema: JsonSchemaType): JsonSchemaValidator<T> =>
    (ajv ??= new AjvJsonSchemaValidator()).getValidator<T>(schema),
};

/** Build the MCP server with every tool, resource and prompt registered. No I/O happens here. */
export function createServer(context: ServerContext): McpServer {
  installValidationMessages();
  const server = new McpServer(
    { name: SERVER_NAME, version: SERVER_VERSION },
    {
      instructions: INSTRUCTIONS,
      capabilities: { logging: {} },
      jsonSchemaValidator: sharedValidator,
    },
  );
  for (const registration of registrations) registration.register(server, context);
  return server;
}

/** Names of the tools the server serves, in registration order. */
export function toolNames(): string[] {
  return registrations.filter((r) => r.kind === "tool").map((r) => r.name);
}
