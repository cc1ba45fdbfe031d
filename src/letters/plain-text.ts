/**
 * A context value as plain text in markdown: HTML and markdown markup characters are escaped, so a
 * name such as `Jane <b>Roe</b> ## Decision` or `[click](x)` prints as those characters and never as
 * markup, links or images. (Line breaks and control characters never get this far: the context
 * schema refuses them.)
 */
export function plainText(value: string): string {
  return value
    .replace(/[\\`*_[\]!|~#{}]/g, (c) => `\\${c}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/:\/\//g, ":\\/\\/")
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\\.`);
}
