/**
 * A context value as plain text in markdown: HTML and markdown markup characters are escaped, so a
 * name such as `Jane <b>Roe</b> ## Decision` or `[click](x)` prints as those characters and never as
 * markup, links or images. (Line breaks and control characters never get this far: the context
 * schema refuses them.) A value can also start a paragraph (a reviewer's name, a state's disclosure):
 * it is trimmed, and a leading list, rule or heading marker ("- ", "+ ", "1. ", "2024) ", "---",
 * "===") is escaped, so it never turns the line into a list, a rule or a code block.
 */
export function plainText(value: string): string {
  return value
    .trim()
    .replace(/[\\`*_[\]!|~#{}]/g, (c) => `\\${c}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/:\/\//g, ":\\/\\/")
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\\.`)
    .replace(/^([-+=])/, "\\$1")
    .replace(/^(\d+)([.)])/, "$1\\$2");
}
