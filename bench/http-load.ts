import { performance } from "node:perf_hooks";

const HEADERS = { "content-type": "application/json", accept: "application/json, text/event-stream" };

/**
 * Requests per second for `total` tools/call POSTs with `concurrency` in flight, each a complete
 * stateless request (no session). Every answer must be a successful tool result.
 */
export async function httpThroughput(
  url: string,
  call: { name: string; arguments: Record<string, unknown> },
  total: number,
  concurrency: number,
): Promise<number> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < total) {
      const id = next++;
      const body = JSON.stringify({ jsonrpc: "2.0", id, method: "tools/call", params: call });
      const res = await fetch(url, { method: "POST", headers: HEADERS, body });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`HTTP ${res.status} from ${url}: ${text.slice(0, 200)}`);
      const answer = JSON.parse(text) as { result?: { isError?: boolean } };
      if (!answer.result || answer.result.isError)
        throw new Error(`${call.name} failed over HTTP: ${text.slice(0, 200)}`);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return total / ((performance.now() - start) / 1000);
}
