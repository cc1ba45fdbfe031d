import type { Readable, Writable } from "node:stream";
import { parseJSONRPCMessage } from "@modelcontextprotocol/server";
import type { JSONRPCMessage, Transport } from "@modelcontextprotocol/server";
import { serveStdio as serveStdioEntry } from "@modelcontextprotocol/server/stdio";
import { createServer } from "./mcp/server.js";
import type { ServerContext } from "./mcp/context.js";
import { errorResponse, guardRequest, requestOutline, shortError } from "./request-guard.js";

/** Largest input message (one line) accepted on stdin, as the SDK's own stdio transport. */
export const MAX_STDIO_MESSAGE_BYTES = 10 * 1024 * 1024;

/**
 * Raised (to onerror) for an input line over MAX_STDIO_MESSAGE_BYTES: the line is discarded up to
 * its newline, never executed, and answered with one JSON-RPC error (id null: its id is unread).
 */
export class OversizedMessageError extends Error {
  override name = "OversizedMessageError";
}

/**
 * A transport error as one line for stderr. Error messages can quote the offending input
 * (case content), so only the kind of problem is reported.
 */
export function describeStdioError(error: Error): string {
  if (error instanceof SyntaxError) return "ignored an input line that is not JSON";
  if (error.name === "ZodError") return "ignored an input line that is not a JSON-RPC message";
  if (error instanceof OversizedMessageError)
    return "discarded an input message larger than the 10 MB stdio limit";
  return `ignored a protocol error (${error.name})`;
}

/**
 * Newline-delimited JSON-RPC on a readable and a writable stream (stdin and stdout). Unlike the
 * SDK's StdioServerTransport it reports a line that is not JSON (the SDK skips such lines
 * silently) and answers an oversized message with a JSON-RPC error, discarding the rest of its line,
 * instead of closing the connection, so one bad line never ends the session and the era the
 * connection negotiated stays pinned. A request with malformed params gets -32602 with a short
 * message before the SDK sees it (request-guard.ts); the SDK's own error messages are cut short.
 * When stdin ends it answers the requests already read before it closes (the SDK's transport
 * drops them).
 */
export class LineTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  /** The start of a line whose newline has not arrived yet. */
  private partial: Buffer[] = [];
  private partialBytes = 0;
  /** Inside an oversized line: its bytes are dropped up to the next newline. */
  private discarding = false;
  /** Ids of the requests read and not yet answered (or cancelled). */
  private readonly unanswered = new Set<string | number>();
  private inputEnded = false;
  private closed = false;

  constructor(
    private readonly input: Readable = process.stdin,
    private readonly output: Writable = process.stdout,
  ) {}

  private readonly onData = (chunk: Buffer): void => {
    let start = 0;
    for (let end = chunk.indexOf(10); end !== -1; end = chunk.indexOf(10, start)) {
      const tail = chunk.subarray(start, end);
      start = end + 1;
      if (this.discarding) {
        this.discarding = false;
        continue;
      }
      if (this.partialBytes + tail.length > MAX_STDIO_MESSAGE_BYTES) {
        this.dropPartial();
        continue;
      }
      const line = this.partialBytes === 0 ? tail : Buffer.concat([...this.partial, tail]);
      this.partial = [];
      this.partialBytes = 0;
      this.handleLine(line.toString("utf8"));
      if (this.closed) return;
    }
    if (this.discarding || start === chunk.length) return;
    const rest = chunk.subarray(start);
    if (this.partialBytes + rest.length > MAX_STDIO_MESSAGE_BYTES) {
      this.dropPartial();
      this.discarding = true;
      return;
    }
    this.partial.push(rest);
    this.partialBytes += rest.length;
  };

  private readonly onInputError = (error: Error): void => this.onerror?.(error);

  private readonly onInputEnd = (): void => {
    if (this.inputEnded) return;
    this.inputEnded = true;
    this.input.off("data", this.onData);
    this.closeWhenAnswered();
  };

  private closeWhenAnswered(): void {
    if (this.inputEnded && this.unanswered.size === 0) void this.close();
  }

  private dropPartial(): void {
    this.partial = [];
    this.partialBytes = 0;
    this.onerror?.(new OversizedMessageError(`message over ${MAX_STDIO_MESSAGE_BYTES} bytes`));
    if (!this.closed) {
      void this.write(
        errorResponse(
          null,
          -32600,
          `Invalid Request: a message over the ${MAX_STDIO_MESSAGE_BYTES}-byte stdio limit was discarded up to its end of line, unread`,
        ),
      ).catch(() => undefined);
    }
  }

  private handleLine(text: string): void {
    const line = text.endsWith("\r") ? text.slice(0, -1) : text;
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      this.onerror?.(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    const refused = guardRequest(value);
    if (refused) {
      void this.write(refused).catch(() => undefined);
      return;
    }
    let message: JSONRPCMessage;
    try {
      message = parseJSONRPCMessage(value);
    } catch (error) {
      this.onerror?.(error instanceof Error ? error : new Error(String(error)));
      // A request (method and id) that is not valid JSON-RPC 2.0 still gets an answer.
      const outline = requestOutline(value);
      if (outline)
        void this.write(
          errorResponse(outline.id, -32600, "Invalid Request: not a JSON-RPC 2.0 request"),
        ).catch(() => undefined);
      return;
    }
    // deserializeMessage has checked the shape: a request has a method and an id.
    if ("method" in message && "id" in message) this.unanswered.add(message.id);
    else if ("method" in message && message.method === "notifications/cancelled") {
      const id = (message.params as { requestId?: unknown } | undefined)?.requestId;
      if (typeof id === "string" || typeof id === "number") this.unanswered.delete(id);
    }
    this.onmessage?.(message);
  }

  start(): Promise<void> {
    this.input.on("data", this.onData);
    this.input.on("error", this.onInputError);
    this.input.on("end", this.onInputEnd);
    this.input.on("close", this.onInputEnd);
    return Promise.resolve();
  }

  send(message: JSONRPCMessage): Promise<void> {
    if (this.closed) return Promise.reject(new Error("the stdio transport is closed"));
    const sent = this.write(
      "error" in message
        ? { ...message, error: { ...message.error, ...shortError(message.error) } }
        : message,
    );
    // A response (result or error) to a request; the SDK's zod-based guards would walk the result.
    if (
      !("method" in message) &&
      "id" in message &&
      (typeof message.id === "string" || typeof message.id === "number")
    ) {
      this.unanswered.delete(message.id);
      this.closeWhenAnswered();
    }
    return sent;
  }

  private write(message: JSONRPCMessage | ReturnType<typeof errorResponse>): Promise<void> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error): void => {
        this.output.off("drain", onDrain);
        reject(error);
      };
      const onDrain = (): void => {
        this.output.off("error", onError);
        resolve();
      };
      this.output.once("error", onError);
      if (this.output.write(`${JSON.stringify(message)}\n`)) {
        this.output.off("error", onError);
        resolve();
      } else {
        this.output.once("drain", onDrain);
      }
    });
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    this.input.off("data", this.onData);
    this.input.off("error", this.onInputError);
    this.input.off("end", this.onInputEnd);
    this.input.off("close", this.onInputEnd);
    this.input.pause();
    this.partial = [];
    this.onclose?.();
    return Promise.resolve();
  }
}

/**
 * Serve MCP on stdin/stdout through the SDK's stdio entry: the opening message pins the
 * connection's protocol era (a 2025-era initialize, or a 2026-07-28 request carrying its _meta
 * envelope) and one server from the factory serves the connection.
 */
export function serveStdio(context: ServerContext, log: (line: string) => void): Promise<void> {
  // One error can reach both the entry and the pinned server (the entry forwards wire errors to
  // it): report each once.
  const reported = new WeakSet<Error>();
  const report = (error: Error): void => {
    if (reported.has(error)) return;
    reported.add(error);
    log(describeStdioError(error));
  };
  serveStdioEntry(
    () => {
      const server = createServer(context);
      server.server.onerror = report;
      return server;
    },
    { transport: new LineTransport(), onerror: report },
  );
  return Promise.resolve();
}
