import { stem } from "../util/stem.js";
import { FUNCTION_WORDS } from "../util/stop-words.js";
import { SYNONYM_GROUPS } from "./synonyms.js";


function normalise(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const wordConcepts = new Map<string, string[]>();
const phraseConcepts: { pattern: RegExp; concept: string }[] = [];
for (const [concept, terms] of Object.entries(SYNONYM_GROUPS)) {
  for (const term of terms) {
    const words = normalise(term).split(" ");
    if (words.length === 1) {
      const key = stem(words[0] ?? "");
      wordConcepts.set(key, [...(wordConcepts.get(key) ?? []), concept]);
    } else {
      phraseConcepts.push({ pattern: new RegExp(`(?:^| )${words.map(stem).join(" ")}(?: |$)`), concept });
    }
  }
}

/** The words of a text, stemmed, without stop words. */
function words(text: string): string[] {
  const normalised = normalise(text);
  if (!normalised) return [];
  return normalised
    .split(" ")
    .filter((w) => !FUNCTION_WORDS.has(w))
    .map(stem);
}

/**
 * Index and query terms of a text: its stemmed words plus one `~concept` token per synonym group
 * the text mentions (the same function serves indexing and searching, so both sides agree).
 */
export function analyse(text: string): string[] {
  const terms = words(text);
  const stemmedLine = ` ${normalise(text).split(" ").map(stem).join(" ")} `;
  const concepts = new Set<string>();
  for (const term of terms) for (const c of wordConcepts.get(term) ?? []) concepts.add(c);
  for (const { pattern, concept } of phraseConcepts) if (pattern.test(stemmedLine)) concepts.add(concept);
  return [...terms, ...[...concepts].sort().map((c) => `~${c}`)];
}
