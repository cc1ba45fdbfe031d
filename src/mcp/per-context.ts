import type { ServerContext } from "./context.js";

/**
 * A value built once per server context. HTTP builds a server per request from the one context
 * the process made at start; what a registration derives only from the context (a resource
 * template, a prompt's argument schema) is built on the first request and shared after.
 */
export function perContext<T>(build: (context: ServerContext) => T): (context: ServerContext) => T {
  const built = new WeakMap<ServerContext, T>();
  return (context) => {
    let value = built.get(context);
    if (value === undefined) built.set(context, (value = build(context)));
    return value;
  };
}
