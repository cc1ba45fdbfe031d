// `npm run load`: the HTTP mode under load, on loopback only (it starts its own server on
// 127.0.0.1 with a free port and talks to nothing else). Bounded: about a minute on 2 cores.
// Prints figures for SECURITY.md: throughput and latency, how long a heavy call delays other
// requests (against its own duration), the connection cap, and the header and body timeouts.
import { readFileSync } from "node:fs";
import { connect } from "node:net";
import type { Socket } from "node:net";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { REFERENCE_CODES } from "../tools/demo-reference-case.js";
import { startHttp } from "./processes.js";
import { median, p95 } from "./stats.js";

const HEADERS = { "content-type": "application/json", accept: "application/json, text/event-stream" };
const DEADLINE_MS = 150_000;
const started = performance.now();

function checkDeadline(): void {
  if (performance.now() - started > DEADLINE_MS)
    throw new Error(`load: over the ${DEADLINE_MS / 1000} s bound`);
}

let nextId = 1;
async function post(
  url: string,
  method: string,
  params: unknown,
): Promise<{ ms: number; status: number; body: string }> {
  const body = JSON.stringify({ jsonrpc: "2.0", id: nextId++, method, params });
  const start = performance.now();
  const res = await fetch(url, { method: "POST", headers: HEADERS, body });
  const text = await res.text();
  return { ms: performance.now() - start, status: res.status, body: text };
}

async function callOk(url: string, name: string, args: unknown): Promise<number> {
  const r = await post(url, "tools/call", { name, arguments: args });
  const answer = JSON.parse(r.body) as { result?: { isError?: boolean } };
  if (r.status !== 200 || !answer.result || answer.result.isError)
    throw new Error(`${name}: HTTP ${r.status} ${r.body.slice(0, 200)}`);
  return r.ms;
}

const f = (ms: number): string => `${ms.toFixed(1)} ms`;

async function throughput(url: string, total: number, concurrency: number): Promise<void> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < total) {
      next++;
      latencies.push(await callOk(url, "lookupCodes", { codes: REFERENCE_CODES }));
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `  lookupCodes, ${total} requests, ${concurrency} in flight: ${(total / seconds).toFixed(0)} req/s, latency median ${f(median(latencies))}, p95 ${f(p95(latencies))}`,
  );
  checkDeadline();
}

/** A realistic long text for verifyCitations: the seed document repeated to ~200 kB. */
function heavyText(): string {
  const seed = readFileSync(
    join(import.meta.dirname, "..", "..", "test", "fixtures", "texts", "seed-000.txt"),
    "utf8",
  );
  return seed.repeat(Math.ceil(190_000 / seed.length)).slice(0, 190_000);
}

async function share(url: string): Promise<void> {
  const text = heavyText();
  await callOk(url, "verifyCitations", { text });
  const solo = await callOk(url, "verifyCitations", { text });
  const listSolo = (await post(url, "tools/list", {})).ms;
  const lookupSolo = await callOk(url, "lookupCodes", { codes: REFERENCE_CODES });
  console.log(
    `  alone: verifyCitations of ${text.length} characters ${f(solo)}; tools/list ${f(listSolo)}; lookupCodes ${f(lookupSolo)}`,
  );
  for (const heavy of [1, 3]) {
    const calls = Array.from({ length: heavy }, () => callOk(url, "verifyCitations", { text }));
    await new Promise((r) => setTimeout(r, 50));
    const list = post(url, "tools/list", {}).then((r) => r.ms);
    const lookup = callOk(url, "lookupCodes", { codes: REFERENCE_CODES });
    const [listMs, lookupMs, heavyMs] = await Promise.all([list, lookup, Promise.all(calls)]);
    console.log(
      `  with ${heavy} verifyCitations in flight (each ${f(solo)} alone; all done after ${f(Math.max(...heavyMs))}): ` +
        `tools/list ${f(listMs)} (${(listMs / solo).toFixed(2)} × one call), lookupCodes ${f(lookupMs)} (${(lookupMs / solo).toFixed(2)} × one call)`,
    );
    checkDeadline();
  }
}

function openSocket(port: number): Promise<{ socket: Socket; closedAt: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const opened = performance.now();
    const closedAt = new Promise<number>((done) =>
      socket.once("close", () => done(performance.now() - opened)),
    );
    socket.on("error", () => undefined);
    socket.once("connect", () => resolve({ socket, closedAt }));
    socket.once("error", reject);
  });
}

async function connections(url: string, port: number): Promise<void> {
  // One connection trickling a body (a byte a second), then idle connections over the cap.
  const trickle = await openSocket(port);
  trickle.socket.write(
    `POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\nContent-Length: 100000\r\n\r\n{`,
  );
  const drip = setInterval(() => trickle.socket.write(" "), 1000);
  const idle = await Promise.all(Array.from({ length: 100 }, () => openSocket(port)));
  await new Promise((r) => setTimeout(r, 500));
  const during = await post(url, "ping", {}).then(
    (r) => `answered (HTTP ${r.status})`,
    () => "refused (the cap is full)",
  );
  const idleClosed = await Promise.all(idle.map((s) => s.closedAt));
  const after = await post(url, "ping", {});
  const trickleClosed = await trickle.closedAt;
  clearInterval(drip);
  const held = idleClosed.filter((ms) => ms > 1000);
  console.log(
    `  101 connections opened (1 trickling a body, 100 idle) beside this client's kept-alive ones: ${held.length} idle ones held, ${idle.length - held.length} closed at once (the cap is 64), a request on a kept-alive connection meanwhile ${during}`,
  );
  console.log(
    `  idle connections (no headers) closed after ${f(Math.min(...held))}–${f(Math.max(...held))} (headers timeout); a request after that: HTTP ${after.status}`,
  );
  console.log(
    `  a body trickled at a byte a second: connection closed after ${f(trickleClosed)} (request timeout)`,
  );
  checkDeadline();
}

const server = await startHttp("ours");
try {
  const port = Number(new URL(server.url).port);
  if (new URL(server.url).hostname !== "127.0.0.1") throw new Error("load runs on loopback only");
  console.log(
    `HTTP load on ${server.url} (node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} at start)`,
  );
  await callOk(server.url, "lookupCodes", { codes: REFERENCE_CODES });
  console.log("throughput");
  await throughput(server.url, 300, 1);
  await throughput(server.url, 600, 8);
  await throughput(server.url, 600, 32);
  console.log(
    "one request's work against the others (one thread, no queue: a request waits for the calls read before it; verifyCitations is capped per call)",
  );
  await share(server.url);
  console.log("connections and timeouts");
  await connections(server.url, port);
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await server.stop();
}
