#!/usr/bin/env node
// The executable. Before the server's code is loaded it turns on Node's module compile cache
// (Node >= 22.1): V8's compiled code of this server's modules, kept on disk (in the operating
// system's temporary folder, or the folder NODE_COMPILE_CACHE names; NODE_DISABLE_COMPILE_CACHE=1
// turns it off) and checked against each module's source before use. Compiling the bundle is a
// large part of a start without it (BENCHMARKS.md). It holds compiled code only, never a request
// or an answer. On older Node the call does not exist and nothing changes. Node writes the cache
// when the process exits normally; a client that ends the server with a signal would leave none, so
// it is also written once the server has started (Node >= 22.10).
import module from "node:module";

interface CompileCache {
  enableCompileCache?: () => unknown;
  flushCompileCache?: () => void;
}
const cache = module as CompileCache;
cache.enableCompileCache?.();
await import("./main.js");
setImmediate(() => cache.flushCompileCache?.());
