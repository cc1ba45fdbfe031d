import { SYNONYM_GROUPS } from "./synonyms.js";

/** Words that carry no meaning for retrieval (questions are phrased in natural language). */
const STOP_WORDS = new Set(
  (
    "a an the of for to in on at by with from into about as and or if than then so such that this these those " +
    "it its is are was were be been being do does did what which who whom whose when where why how " +
    "can could should would may might must will shall i we you they he she me my our your their there " +
    "any some all each per via us also has have had having up out"
  ).split(" "),
);

/** Plural, past and gerund endings only: enough to match "injections" with "injection". */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith("sses")) return word.slice(0, -2);
  if (word.endsWith("s") && !/(ss|us|is)$/.test(word)) word = word.slice(0, -1);
  if (word.endsWith("ed") && word.length > 5) return word.slice(0, -2);
  if (word.endsWith("ing") && word.length > 6) return word.slice(0, -3);
  if (word.endsWith("ation") && word.length > 10) return word.slice(0, -5);
  return word;
}

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
    .filter((w) => !STOP_WORDS.has(w))
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
