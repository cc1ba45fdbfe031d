import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILT_SERVER, SERVER_NODE } from "../support/clients.js";
import { waitFor } from "../support/wait.js";

// Case-like content in malformed input must never reach stderr or stdout.
const MARKER = "Jane-Roe-DOB-1961-03-04";

interface Wire {
  send: (text: string) => void;
  /** Complete stdout lines so far. */
  lines: () => string[];
  stdout: () => string;
  stderr: () => string;
  alive: () => boolean;
  /** Resolves with the exit code once stdin is closed and the process ends. */
  end: () => Promise<number | null>;
}

function spawnWire(): Wire {
  const child = spawn(SERVER_NODE, [BUILT_SERVER], { stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    send: (text) => child.stdin.write(text),
    lines: () => stdout.split("\n").slice(0, -1),
    stdout: () => stdout,
    stderr: () => stderr,
    alive: () => child.exitCode === null && child.signalCode === null,
    end: () => {
      child.stdin.end();
      return exit;
    },
  };
}

function request(id: number, method: string, params: object = {}): string {
  return `${JSON.stringify({ jsonrpc: "2.0", id, method, params })}\n`;
}

const initialize = (id: number) =>
  request(id, "initialize", {
    protocolVersion: "2025-06-18",
    capabilities: {},
    clientInfo: { name: "wire", version: "1" },
  });

function responseIds(wire: Wire): unknown[] {
  return wire.lines().map((l) => (JSON.parse(l) as { id?: unknown }).id);
}

describe("stdio: nothing but JSON-RPC on stdout, whatever arrives on stdin", () => {
  let wire: Wire;
  beforeAll(async () => {
    wire = spawnWire();
    await waitFor(() => /ready on stdio/.test(wire.stderr()), "the ready line");
    wire.send(initialize(1));
    wire.send(`hello ${MARKER}\n`);
    wire.send(`{"not":"json-rpc","name":"${MARKER}"}\n`);
    wire.send(`{"jsonrpc":"2.0","id":"x"\n`);
    wire.send(`[1,2,3]\n`);
    wire.send(`\u0000\u0001\u001b[31m${MARKER}\n`);
    wire.send(request(2, "no/such/method", { patient: MARKER }));
    wire.send(`${"x".repeat(2 * 1024 * 1024)}${MARKER}\n`);
    wire.send(request(3, "ping"));
    // Over the 10 MB line limit: the transport answers it with one error (id null) and discards it.
    wire.send(`${MARKER}${"y".repeat(12 * 1024 * 1024)}\n`);
    wire.send(request(4, "ping"));
    await waitFor(() => responseIds(wire).includes(4), "the answer to request 4");
  });
  afterAll(async () => {
    if (wire.alive()) await wire.end();
  });

  it("keeps the process alive and answers every valid request after the garbage", () => {
    expect(wire.alive()).toBe(true);
    expect(
      responseIds(wire)
        .filter((id) => id !== null)
        .toSorted(),
    ).toEqual([1, 2, 3, 4]);
    expect(responseIds(wire).filter((id) => id === null)).toHaveLength(1);
  });

  it("writes only complete JSON-RPC 2.0 messages to stdout", () => {
    expect(wire.stdout().endsWith("\n")).toBe(true);
    for (const line of wire.lines()) {
      const message = JSON.parse(line) as Record<string, unknown>;
      expect(message.jsonrpc).toBe("2.0");
      expect("result" in message || "error" in message || "method" in message).toBe(true);
    }
  });

  it("answers an unknown method with a JSON-RPC error", () => {
    const answer = wire.lines().map((l) => JSON.parse(l) as { id?: unknown; error?: { code: number } });
    expect(answer.find((m) => m.id === 2)?.error?.code).toBe(-32601);
  });

  it("reports the malformed input on stderr without quoting it", () => {
    expect(wire.stderr()).toContain("ignored an input line that is not JSON");
    expect(wire.stderr()).toContain("ignored an input line that is not a JSON-RPC message");
    expect(wire.stderr()).toContain("larger than the 10 MB stdio limit");
    expect(wire.stderr()).not.toContain(MARKER);
    expect(wire.stdout()).not.toContain(MARKER);
  });

  it("exits with code 0 when the client closes stdin", async () => {
    await expect(wire.end()).resolves.toBe(0);
  });
});

describe("stdio: closing stdin", () => {
  it("answers every request already sent, then exits with code 0", async () => {
    const wire = spawnWire();
    wire.send(initialize(1));
    wire.send(request(2, "tools/call", { name: "lookupCodes", arguments: { codes: ["M53.3"] } }));
    wire.send(request(3, "resources/read", { uri: "corpus://sources/nice-ng59" }));
    await expect(wire.end()).resolves.toBe(0);
    expect(responseIds(wire).toSorted()).toEqual([1, 2, 3]);
  });
});
