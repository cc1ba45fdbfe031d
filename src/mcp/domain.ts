/**
 * The domain code behind the tools, loaded on first use: tools/list and a start need only the
 * schemas, and the shipped bundle keeps each of these in chunks of its own. The one lazy-loading
 * mechanism of the server.
 */
const loaders = {
  codes: async () => ({
    ...(await import("../codes/lookup-codes.js")),
    ...(await import("../codes/lookup-text.js")),
    ...(await import("../codes/lookup-summary.js")),
    ...(await import("../codes/lookup-summary-text.js")),
    ...(await import("../families/classify-lookup.js")),
  }),
  cite: async () => ({
    ...(await import("../corpus/cite.js")),
    ...(await import("../corpus/cite-text.js")),
    ...(await import("../corpus/cite-summary.js")),
  }),
  review: async () => ({
    ...(await import("../review/review-case.js")),
    ...(await import("../review/review-error.js")),
    ...(await import("../review/evaluation-text.js")),
    ...(await import("../review/evaluation-full.js")),
    ...(await import("../review/evaluation-summary.js")),
    ...(await import("../review/evaluation-summary-text.js")),
  }),
  letters: () => import("../letters/draft-letter.js"),
  verify: async () => ({
    ...(await import("../verify/verify-text.js")),
    ...(await import("../verify/render-text.js")),
    ...(await import("../verify/summary.js")),
  }),
  markdown: () => import("../corpus/markdown.js"),
  caseFields: () => import("../families/case-fields.js"),
};

type Loaders = typeof loaders;
const loaded = new Map<keyof Loaders, Promise<unknown>>();

/** A domain module set, imported once per process. */
export function domain<K extends keyof Loaders>(name: K): ReturnType<Loaders[K]> {
  let module = loaded.get(name);
  if (!module) loaded.set(name, (module = loaders[name]()));
  return module as ReturnType<Loaders[K]>;
}
