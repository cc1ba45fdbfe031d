/**
 * A value loaded on first use and shared afterwards, typically a module that only a tool call needs
 * (`lazy(() => import("./x.js"))`), so that start-up does not pay for loading it.
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}
