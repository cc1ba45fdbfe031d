import type { Corpus } from "../corpus/store.js";
import { SOURCE_ALIASES } from "./source-aliases.js";
import { byCodeUnit } from "../util/code-unit-order.js";

/**
 * Names of sources in a sentence: corpus sources (by alias, first author's surname or DOI) and names that
 * look like a source but match nothing in the corpus ("Spine Intervention Society 2025 guideline").
 */
export interface KnownMention {
  text: string;
  start: number;
  end: number;
  sourceIds: string[];
}

export interface UnknownMention {
  text: string;
  start: number;
  end: number;
  why: string;
}

interface SourceIndex {
  surnames: Map<string, string[]>;
  /** One compiled pattern per surname (compiled once per corpus, not per sentence). */
  surnamePatterns: [RegExp, string[]][];
  dois: Map<string, string>;
  /** Full and short titles, longest first. */
  titles: [string, string][];
}

const indexes = new WeakMap<Corpus, SourceIndex>();

function indexOf(corpus: Corpus): SourceIndex {
  const cached = indexes.get(corpus);
  if (cached) return cached;
  const surnames = new Map<string, string[]>();
  const dois = new Map<string, string>();
  for (const source of corpus.sources.values()) {
    const personal = /^([A-Z][\p{L}'’-]+) [A-Z]{1,4}$/u.exec(source.authors[0] ?? "");
    if (personal?.[1]) surnames.set(personal[1], [...(surnames.get(personal[1]) ?? []), source.id]);
    if (source.doi) dois.set(source.doi.toLowerCase(), source.id);
  }
  const titles: [string, string][] = [];
  for (const source of corpus.sources.values()) {
    for (const t of [source.title, source.shortTitle]) if (t && t.length >= 12) titles.push([t, source.id]);
  }
  titles.sort((a, b) => b[0].length - a[0].length || byCodeUnit(a[1], b[1]));
  const surnamePatterns: [RegExp, string[]][] = [...surnames].map(([surname, ids]) => [
    new RegExp(`\\b${surname.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "gu"),
    ids,
  ]);
  const index = { surnames, surnamePatterns, dois, titles };
  indexes.set(corpus, index);
  return index;
}

const DOC_NOUN =
  "(?:clinical practice |practice )?guidelines?|guidance|consensus(?: statement)?|position statement|policy|policies|review|meta-analysis|trial|quality standard|bulletin|criteria";
const CAP = "(?:[A-Z][\\p{L}&'’./-]*|&)";
const LINK = "(?:of|and|for|on|the|in|&)";
const DOC_PHRASE = new RegExp(
  `\\b(${CAP}(?:[ \\t]+(?:${CAP}|${LINK})){0,10}?)(?:[ \\t]+\\(?((?:19|20)\\d{2})\\)?)?[ \\t]+(?:${DOC_NOUN})\\b`,
  "gu",
);
const ORG_PHRASE = new RegExp(
  `\\b((?:[A-Z][\\p{L}&'’-]*[ \\t]+)(?:(?:${LINK}|[A-Z][\\p{L}&'’-]*)[ \\t]+){0,10}?(?:Society|College|Association|Academy|Institute|Organi[sz]ation|Foundation|Agency|Board|Council|Federation|Collaboration|Task Force|Commission))\\b`,
  "gu",
);
const DOI = /\b10\.\d{4,9}\/[^\s"“”'‘’)\]<>,;]+[^\s"“”'‘’)\]<>,;.]/g;

/** Capitalised words that name no particular source. */
const GENERIC = new Set(
  (
    "The A An This That These Those Its Their Our Your Any Each Every Some Clinical Practice Guideline " +
    "Guidelines Evidence Medical Medicine Policy Coverage Plan Health Review Systematic Recent Older Newer " +
    "Current Updated Latest Most New Key Primary Joint Spine Pain Conservative Best Consensus Statement " +
    "Position Interventional Procedure Procedures Low Back Chronic Internal National International American " +
    "Quality Standard Standards Care Treatment Management Sacroiliac SI Radiofrequency Denervation Ablation " +
    "Injection Injections Diagnostic Therapeutic Medicare Advantage Commercial Federal State Payer Payers " +
    "Your Member Provider Policies Criteria Rules Rule Criterion Trial Trials Randomised Randomized Study"
  ).split(" "),
);
/** Upper-case words that are codes, laws or terms rather than source names. */
const NOT_A_SOURCE = new Set(
  (
    "CPT ICD HCPCS NCD ERISA CMS AI MA ACA NPI PT RF RFA SI SIJ SIJI NSAID NSAIDs GRADE US USA UK NOT AND OR " +
    "STRONG AGAINST FOR DRAFT EOC SPD FDA HHS DOL CFR NDMCP QHP CHIP MRI CT NRS VAS ODI LBP"
  ).split(" "),
);

function overlaps(
  a: { start: number; end: number },
  list: readonly { start: number; end: number }[],
): boolean {
  return list.some((b) => a.start < b.end && b.start < a.end);
}

function knownMentions(sentence: string, corpus: Corpus): KnownMention[] {
  const out: KnownMention[] = [];
  for (const alias of SOURCE_ALIASES) {
    if (alias.unless?.test(sentence) || (alias.when && !alias.when.test(sentence))) continue;
    for (const m of sentence.matchAll(alias.pattern)) {
      out.push({
        text: m[0],
        start: m.index,
        end: m.index + m[0].length,
        sourceIds: alias.sourceIds.filter((id) => corpus.sources.has(id)),
      });
    }
  }
  const index = indexOf(corpus);
  for (const [pattern, ids] of index.surnamePatterns) {
    for (const m of sentence.matchAll(pattern)) {
      out.push({ text: m[0], start: m.index, end: m.index + m[0].length, sourceIds: ids });
    }
  }
  for (const m of sentence.matchAll(DOI)) {
    const id = index.dois.get(m[0].toLowerCase());
    if (id) out.push({ text: m[0], start: m.index, end: m.index + m[0].length, sourceIds: [id] });
  }
  for (const [title, id] of index.titles) {
    for (let at = sentence.indexOf(title); at >= 0; at = sentence.indexOf(title, at + title.length)) {
      out.push({ text: title, start: at, end: at + title.length, sourceIds: [id] });
    }
  }
  // Longest first, then drop mentions inside another. Sorted by start (longest first), a mention lies
  // inside an earlier one exactly when an earlier one reaches at least as far.
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  let reach = -1;
  return out.filter((m) => {
    const inside = m.end <= reach;
    reach = Math.max(reach, m.end);
    return m.sourceIds.length > 0 && !inside;
  });
}

function namesSomething(phrase: string, sentenceStart: boolean): boolean {
  const words = phrase.split(/[ \t]+/).filter((w) => /^[A-Z]/.test(w));
  const specific = words.filter((w) => !GENERIC.has(w.replace(/[.’']+$/, "")) && !NOT_A_SOURCE.has(w));
  if (specific.length === 0) return false;
  // A lone capitalised word opening the sentence is usually an ordinary word ("Older guidelines").
  // A single word with an inner capital (InterQual, eviCore) is a name.
  if (sentenceStart && words.length === 1 && !/^[A-Z]{2,}$|^[A-Z][a-z]+[A-Z]/.test(words[0] ?? ""))
    return false;
  return true;
}

function unknownMentions(sentence: string, known: readonly KnownMention[], includeOrganisations: boolean) {
  const out: UnknownMention[] = [];
  for (const m of sentence.matchAll(DOC_PHRASE)) {
    const phrase = (m[1] ?? "").trim();
    const span = { start: m.index, end: m.index + m[0].length };
    if (overlaps(span, known) || !namesSomething(phrase, m.index === 0)) continue;
    out.push({ text: m[0], ...span, why: "names a document that is not in the corpus" });
  }
  if (includeOrganisations) {
    for (const m of sentence.matchAll(ORG_PHRASE)) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (overlaps(span, known) || overlaps(span, out) || !namesSomething(m[0], m.index === 0)) continue;
      out.push({ text: m[0], ...span, why: "names an organisation with no source in the corpus" });
    }
  }
  for (const m of sentence.matchAll(DOI)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (overlaps(span, known)) continue;
    out.push({ text: m[0], ...span, why: "a DOI that matches no corpus source" });
  }
  return out.sort((a, b) => a.start - b.start);
}

export function findMentions(
  sentence: string,
  corpus: Corpus,
  includeOrganisations: boolean,
): { known: KnownMention[]; unknown: UnknownMention[] } {
  const known = knownMentions(sentence, corpus);
  return { known, unknown: unknownMentions(sentence, known, includeOrganisations) };
}
