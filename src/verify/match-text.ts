/**
 * Normalised text for the claim rules: lower case, "ae" read as "e" (anaesthetic = anesthetic), a
 * possessive 's dropped, punctuation read as spaces. Commas stay as a "," token and sentence ends
 * (. ; ! ?) as a "|" token, so negation scopes can stop at them. Padded with one space each side.
 */
export function normaliseTerm(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/['’]s\b/g, "")
    .replace(/ae/g, "e")
    .replace(/[^\p{L}\p{N}%]+/gu, " ")
    .trim();
}

export function conceptText(s: string): string {
  const t = s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/['’]s\b/g, "")
    .replace(/ae/g, "e")
    .replace(/[;.!?]+(?=\s|$)/g, " | ")
    .replace(/,/g, " , ")
    .replace(/[^\p{L}\p{N}%|,]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return ` ${t} `;
}

/** Spans of text to leave out (source names, citation markers, passage ids), replaced by spaces. */
export interface Span {
  start: number;
  end: number;
}

export function blankSpans(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  let out = "";
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < at) {
      at = Math.max(at, s.end);
      continue;
    }
    out += text.slice(at, s.start) + " ".repeat(s.end - s.start);
    at = s.end;
  }
  return out + text.slice(at);
}
