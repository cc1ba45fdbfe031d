import { describeReceived } from "./util/describe-received.js";

/**
 * Checks, before the SDK sees a request, that its params have the shape JSON-RPC and MCP require
 * (an object; the fields a method cannot do without), and that names and URIs are of bounded
 * length. The SDK answers such requests too, but with an internal error or a whole schema dump
 * that can quote what it received; here the answer is -32602 with one short sentence, the same
 * over stdio and HTTP.
 */

/** Longest tool or prompt name, and longest resource URI, passed on to the SDK. */
export const MAX_NAME_CHARS = 200;
export const MAX_URI_CHARS = 1000;

export const INVALID_PARAMS = -32602;

/** Methods whose params carry what they act on: without params they cannot be answered. */
const NEEDS_PARAMS = new Set([
  "initialize",
  "tools/call",
  "resources/read",
  "resources/subscribe",
  "resources/unsubscribe",
  "prompts/get",
  "completion/complete",
  "logging/setLevel",
]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function boundedString(value: unknown, max: number): boolean {
  return typeof value === "string" && value.length > 0 && value.length <= max;
}

/** A JSON value that has the outline of a request (a method and an id), or undefined. */
export interface RequestOutline {
  id: string | number;
  method: string;
  params?: unknown;
  hasParams: boolean;
}

export function requestOutline(value: unknown): RequestOutline | undefined {
  if (!isPlainObject(value)) return undefined;
  const { id, method } = value;
  if (typeof method !== "string") return undefined;
  if (typeof id !== "string" && (typeof id !== "number" || !Number.isFinite(id))) return undefined;
  return { id, method, params: value.params, hasParams: "params" in value };
}

/** The -32602 message for a request whose params are malformed, or undefined when they are not. */
export function paramsProblem(request: RequestOutline): string | undefined {
  const method = request.method.length <= 60 ? request.method : "this method";
  if (!request.hasParams || request.params === undefined) {
    return NEEDS_PARAMS.has(request.method)
      ? `Invalid params: ${method} needs params (an object)`
      : undefined;
  }
  const params = request.params;
  if (!isPlainObject(params)) {
    return `Invalid params: params must be an object, received ${describeReceived(params)}`;
  }
  switch (request.method) {
    case "tools/call":
      if (!boundedString(params.name, MAX_NAME_CHARS))
        return `Invalid params: tools/call needs params.name, a tool name of at most ${MAX_NAME_CHARS} characters, received ${describeReceived(params.name)}`;
      if (params.arguments !== undefined && !isPlainObject(params.arguments))
        return `Invalid params: tools/call params.arguments must be an object (the tool's input), received ${describeReceived(params.arguments)}`;
      return undefined;
    case "prompts/get":
      if (!boundedString(params.name, MAX_NAME_CHARS))
        return `Invalid params: prompts/get needs params.name, a prompt name of at most ${MAX_NAME_CHARS} characters, received ${describeReceived(params.name)}`;
      if (params.arguments !== undefined && !isPlainObject(params.arguments))
        return `Invalid params: prompts/get params.arguments must be an object of strings, received ${describeReceived(params.arguments)}`;
      return undefined;
    case "resources/read":
    case "resources/subscribe":
    case "resources/unsubscribe":
      if (!boundedString(params.uri, MAX_URI_CHARS))
        return `Invalid params: ${method} needs params.uri, a URI of at most ${MAX_URI_CHARS} characters, received ${describeReceived(params.uri)}`;
      return undefined;
    default:
      return undefined;
  }
}

/** A JSON-RPC error response. */
export function errorResponse(id: string | number | null, code: number, message: string) {
  return { jsonrpc: "2.0" as const, id, error: { code, message } };
}

/** The error response for a request the SDK must not see, or undefined. */
export function guardRequest(value: unknown): ReturnType<typeof errorResponse> | undefined {
  const outline = requestOutline(value);
  if (!outline) return undefined;
  const problem = paramsProblem(outline);
  return problem === undefined ? undefined : errorResponse(outline.id, INVALID_PARAMS, problem);
}

/** Longest error message sent: the SDK's own messages can carry a schema dump or quote input. */
export const MAX_ERROR_MESSAGE_CHARS = 400;

interface Issue {
  path?: unknown[];
  message?: unknown;
}

function firstIssue(json: string): string | undefined {
  try {
    const issues = JSON.parse(json) as unknown;
    const first = Array.isArray(issues) ? (issues[0] as Issue | undefined) : undefined;
    if (!first || typeof first.message !== "string") return undefined;
    const path = Array.isArray(first.path) ? first.path.map(String).join(".") : "";
    return `${path ? `${path}: ` : ""}${first.message}`;
  } catch {
    return undefined;
  }
}

/**
 * An SDK error made short: a zod dump ("Invalid tools/call request: [ {…} ]", or a bare "[ {…} ]"
 * sent as an internal error) becomes its first issue ("Invalid params: params.arguments.services:
 * expected string, received number 5"), with -32602 (the params were malformed, nothing failed
 * inside); any message is cut to MAX_ERROR_MESSAGE_CHARS.
 */
export function shortError(error: { code: number; message: string }): { code: number; message: string } {
  let { code, message } = error;
  const prefixed = /^([^[\n]{1,120}?): (\[\s*\{[\s\S]*)$/.exec(message);
  if (prefixed) {
    const issue = firstIssue(prefixed[2] ?? "");
    message = issue ? `${prefixed[1] ?? ""}: ${issue}` : (prefixed[1] ?? "");
  } else if (/^\[\s*\{/.test(message)) {
    const issue = firstIssue(message);
    if (issue) {
      message = `Invalid params: ${issue}`;
      if (code === -32603) code = INVALID_PARAMS;
    }
  }
  if (message.length > MAX_ERROR_MESSAGE_CHARS) message = `${message.slice(0, MAX_ERROR_MESSAGE_CHARS - 1)}…`;
  return { code, message };
}
