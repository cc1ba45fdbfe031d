import type { Corpus, Source } from "../corpus/store.js";
import { findMarkers } from "./citation-markers.js";
import { factsOf, opposite, type TextFacts } from "./claim-facts.js";
import { comparePassage, type Absence, type Comparison, type Difference } from "./claim-match.js";
import { splitParts } from "./claim-parts.js";
import type { CompiledRules } from "./claim-rules.js";
import { checkYear, yearNextTo } from "./date-check.js";
import { blankSpans, type Span } from "./match-text.js";
import { allPassageFacts, type PassageFacts } from "./passage-facts.js";
import type { ClaimFinding, ClaimPart, MetadataIssue, QuoteFinding, Verdict } from "./schema.js";
import { VERIFY_LIMITS } from "./limits.js";
import { isAttributed, roleOf } from "./sentence-role.js";
import { splitSentences, type Sentence } from "./sentences.js";
import { findMentions, type KnownMention, type UnknownMention } from "./source-mentions.js";
import { stem } from "../util/stem.js";
import { claimWords, scorePassages, type PassageScore } from "./support-score.js";
import { tokenize } from "./tokens.js";
import { byCodeUnit } from "../util/code-unit-order.js";

/**
 * Passage ids ("passage busse-bmj-2025#rec-joint-rfa") name a place, not a claim. Ids are at most 200
 * characters (the input schemas' limit), so each side of the "#" is bounded: an unbounded run would
 * rescan a long line of id-like characters from every word start.
 */
const PASSAGE_ID = /\b(?:passages? )?[a-z0-9][a-z0-9.-]{0,199}#[A-Za-z0-9._-]{0,199}[A-Za-z0-9]/g;
const TIE_BREAK_SHOWN = 3;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/g;

export interface ClaimCheck {
  claims: ClaimFinding[];
  issues: MetadataIssue[];
  /** Where the sentence cap (or `stopAt`) ended the check: the offset of the first sentence not judged. */
  cutAt?: number;
  /** Offsets of every sentence of the text (judged, skipped or beyond the cut). */
  sentenceOffsets: number[];
  /** Offsets of sentences not judged because they are longer than the item limit or hold a quotation that is. */
  tooLongAt: number[];
}

export interface ClaimLimits {
  /** Sentences judged at most (attributed sentences and sentences that raise a source issue). */
  sentences: number;
  /** Judge no sentence that reaches this offset (the first quotation beyond the quotation cap). */
  stopAt?: number;
  /** Offsets of quotations too long to check: a sentence holding one is not judged either. */
  uncheckedQuotes?: readonly number[];
}

function dateIssues(sentence: Sentence, known: readonly KnownMention[], corpus: Corpus): MetadataIssue[] {
  const out: MetadataIssue[] = [];
  for (const mention of known) {
    const dated = yearNextTo(sentence.text, mention.start, mention.end);
    if (dated === undefined) continue;
    const sources = mention.sourceIds.map((id) => corpus.sources.get(id)).filter((s): s is Source => !!s);
    const problem = checkYear(dated.year, sources, dated.phrase);
    if (!problem) continue;
    out.push({
      kind: "date-mismatch",
      line: sentence.line,
      offset: sentence.offset + mention.start,
      mention: dated.phrase,
      sourceId: problem.sourceId,
      claimed: problem.claimed,
      recorded: problem.recorded,
      message: problem.message,
    });
  }
  return out;
}

interface Scope {
  searched: ClaimFinding["searched"];
  sourceIds: string[];
  passageIds?: string[];
}

/**
 * Passages a claim is compared with: the passages its line cites by id; else the named sources' own and
 * passages that speak about those sources; else the whole corpus.
 */
function candidatesOf(scope: Scope, facts: ReadonlyMap<string, PassageFacts>): PassageFacts[] {
  if (scope.searched === "whole-corpus") return [...facts.values()];
  const named = new Set(scope.sourceIds);
  return [...facts.values()].filter(
    (f) => named.has(f.sourceId) || [...f.mentions].some((m) => named.has(m)),
  );
}

function hasContent(claim: TextFacts, rules: CompiledRules): boolean {
  const concepts = [...claim.concepts].some(
    ([id, pol]) => pol !== "optional" && rules.concepts.get(id)?.kind !== "topic",
  );
  return (
    concepts ||
    !!claim.direction ||
    !!claim.strength ||
    claim.certainty.length > 0 ||
    claim.numbers.length > 0
  );
}

function stated(claim: TextFacts, rules: CompiledRules): NonNullable<ClaimPart["stated"]> {
  const label = (id: string) => rules.concepts.get(id)?.label ?? id;
  const of = (pol: string) => [...claim.concepts].filter(([, p]) => p === pol).map(([id]) => label(id));
  return {
    ...(claim.direction ? { direction: claim.direction } : {}),
    ...(claim.strength ? { strength: claim.strength } : {}),
    certainty: claim.certainty,
    about: of("included"),
    excludes: of("excluded"),
    figures: claim.numbers.map((n) => n.text + (n.unit ? ` (${n.unit})` : "")),
  };
}

/** Words of the claim (as written) found in the passage, and the concept labels both name. */
function matchingWords(
  text: string,
  words: readonly string[],
  c: Comparison,
  rules: CompiledRules,
): string[] {
  const surface = new Map<string, string>();
  for (const t of tokenize(text)) if (!surface.has(stem(t.norm))) surface.set(stem(t.norm), t.norm);
  const found = words.filter((w) => c.passage.words.has(w)).map((w) => surface.get(w) ?? w);
  const concepts = c.matchedConcepts.map((id) => rules.concepts.get(id)?.label ?? id);
  return [...new Set([...found, ...concepts])];
}

function recordedOf(passageId: string, corpus: Corpus): NonNullable<ClaimPart["passage"]>["recorded"] {
  const p = corpus.passages.get(passageId);
  if (!p) return {};
  return {
    ...(p.direction ? { direction: p.direction } : {}),
    ...(p.strength ? { strength: p.strength } : {}),
    ...(p.certainty ? { certainty: p.certainty } : {}),
  };
}

function cautionOf(passageId: string, corpus: Corpus): string | undefined {
  const kind = corpus.passages.get(passageId)?.provenance.seenAtKind;
  if (kind === "copy")
    return "seen on an unofficial copy: re-check the words against the publisher before relying on them";
  if (kind === "secondary") return "a third party's summary of the source, not the source's own words";
  return undefined;
}

interface PartContext {
  text: string;
  flippedFrom?: TextFacts["direction"];
  scope: Scope;
  unknownOnly: string[];
  exclude: Span[];
  quotes: readonly QuoteFinding[];
  dateDifferences: Difference[];
}

function judgePart(
  ctx: PartContext,
  corpus: Corpus,
  rules: CompiledRules,
): Omit<ClaimPart, "role" | "roleRule" | "text"> {
  let claim = factsOf(blankSpans(ctx.text, ctx.exclude), rules);
  if (!claim.direction && ctx.flippedFrom) {
    const flipped = opposite(ctx.flippedFrom);
    if (flipped) claim = { ...claim, direction: flipped, directionCue: "except" };
  }
  const words = claimWords(ctx.text, ctx.exclude);
  const base = {
    stated: stated(claim, rules),
    differences: [] as Difference[],
    notInCorpus: [] as Absence[],
  };
  const invented = ctx.quotes.filter(
    (q) => q.status === "not-found" || (q.status === "near-match" && !q.matches[0]?.wordsIdentical),
  );
  if (ctx.unknownOnly.length) {
    return {
      ...base,
      verdict: "not-in-corpus",
      notInCorpus: ctx.unknownOnly.map((u) => ({
        field: "source",
        claimed: u,
        message: `the corpus holds no source named "${u}", so nothing can be checked against it`,
      })),
      tieBreak: [],
    };
  }
  const facts = allPassageFacts(corpus, rules);
  const candidates = candidatesOf(ctx.scope, facts);
  const lexical = new Map<string, PassageScore>(
    scorePassages(
      words,
      candidates.map((c) => c.passageId),
      corpus,
    ).map((s) => [s.passageId, s]),
  );
  // The passages the claim quotes verbatim, or that its line cites by id, come first.
  const quoted = new Set([
    ...ctx.quotes.filter((q) => q.status === "verbatim").flatMap((q) => q.matches.map((m) => m.passageId)),
    ...(ctx.scope.passageIds ?? []),
  ]);
  const own = new Set(ctx.scope.sourceIds);
  // A named source's own passages come before passages that speak about it, unless the rules parse
  // nothing in the claim (then only the words can tell passages apart).
  const content = hasContent(claim, rules);
  const ownFirst = (c: Comparison) => (content && own.has(c.passage.sourceId) ? 1 : 0);
  const ranked = candidates
    .map((p) => comparePassage(claim, p, rules))
    .sort(
      (a, b) =>
        // The passage holding the claim's own verbatim quotation is the one it is compared with.
        Number(quoted.has(b.passage.passageId)) - Number(quoted.has(a.passage.passageId)) ||
        b.subject - a.subject ||
        b.relevance - a.relevance ||
        ownFirst(b) - ownFirst(a) ||
        a.differences.length - b.differences.length ||
        a.absences.length - b.absences.length ||
        (lexical.get(b.passage.passageId)?.score ?? 0) - (lexical.get(a.passage.passageId)?.score ?? 0) ||
        Number(own.has(b.passage.sourceId)) - Number(own.has(a.passage.sourceId)) ||
        byCodeUnit(a.passage.passageId, b.passage.passageId),
    );
  const tieBreak = ranked
    .slice(0, TIE_BREAK_SHOWN)
    .map((c) => lexical.get(c.passage.passageId))
    .filter((s): s is PassageScore => !!s)
    .map((s) => ({ passageId: s.passageId, score: s.score }));
  const best = ranked[0];
  if (!best) {
    return {
      ...base,
      verdict: "not-in-corpus",
      notInCorpus: [
        {
          field: "source",
          claimed: ctx.scope.sourceIds.join(", "),
          message: "the named source has no passages",
        },
      ],
      tieBreak,
    };
  }
  const passage = {
    passageId: best.passage.passageId,
    sourceId: best.passage.sourceId,
    matchingWords: matchingWords(ctx.text, words, best, rules),
    recorded: recordedOf(best.passage.passageId, corpus),
    ...(cautionOf(best.passage.passageId, corpus)
      ? { caution: cautionOf(best.passage.passageId, corpus) }
      : {}),
  };
  // A claim in which the rules find no subject (no concept they know, no figure) can only be compared on
  // its words: "conditionally recommends against TNF inhibitors" is not about any ACR passage the rules
  // can match. One that names its subject by a pronoun ("against it") is compared on what it states.
  const textual: Difference[] = [
    ...invented.map((q) => ({
      field: "quotation" as const,
      claimed: q.quote,
      recorded: q.status === "near-match" ? (q.matches[0]?.matchedText ?? "") : "no such words in the corpus",
      message:
        q.status === "near-match"
          ? `quotation ${q.index} is not verbatim: the corpus says "${q.matches[0]?.matchedText ?? ""}"`
          : `quotation ${q.index} is not in the corpus`,
    })),
    ...ctx.dateDifferences,
  ];
  const share = lexical.get(best.passage.passageId);
  const subjectless =
    claim.numbers.length === 0 &&
    !rules.pronounObject.test(ctx.text) &&
    ![...claim.concepts].some(([id, pol]) => pol !== "optional" && rules.concepts.get(id)?.kind !== "topic");
  if (subjectless && !quoted.has(best.passage.passageId) && (share?.score ?? 0) < rules.containmentMin) {
    if (textual.length) return { ...base, verdict: "unsupported", passage, differences: textual, tieBreak };
    return {
      ...base,
      verdict: "not-in-corpus",
      passage,
      notInCorpus: [
        {
          field: "wording",
          claimed: ctx.text,
          message: `the rules find no subject in the claim to compare, and the closest passage holds only ${share?.matchedWords.length ?? 0} of its ${words.length} content words (${share?.missingWords.join(", ") || "-"} missing)`,
        },
      ],
      tieBreak,
    };
  }

  const differences = [...textual, ...best.differences];
  const plain = (list: readonly Absence[]) =>
    list.map(({ field, claimed, message }) => ({ field, claimed, message }));
  if (differences.length)
    return {
      ...base,
      verdict: "unsupported",
      passage,
      differences,
      notInCorpus: plain(best.absences),
      tieBreak,
    };
  if (content && best.relevance <= 0) {
    const where = ctx.scope.searched === "whole-corpus" ? "the corpus" : ctx.scope.sourceIds.join(", ");
    return {
      ...base,
      verdict: "not-in-corpus",
      passage,
      notInCorpus: [
        ...plain(best.absences),
        ...(best.absences.length
          ? []
          : [
              {
                field: "outcome" as const,
                claimed: ctx.text,
                message: `nothing in ${where} addresses the claim`,
              },
            ]),
      ],
      tieBreak,
    };
  }
  const absences = [...best.absences];
  for (const g of best.genericOnly) {
    const exact = [...facts.values()].some(
      (f) => f.sourceId === best.passage.sourceId && f.concepts.get(g.concept) === "included",
    );
    if (!exact) {
      const label = rules.concepts.get(g.concept)?.label ?? g.concept;
      absences.push({
        field: "intervention",
        claimed: label,
        message: `the passage speaks of ${rules.concepts.get(g.generic)?.label ?? g.generic}; no passage of ${best.passage.sourceId} names ${label}`,
      });
    }
  }
  // The rest of the claim may be stated by another passage of the same source ("the BMJ says X [quoted
  // from its infographic] for joint RFA in chronic axial pain [its recommendation]").
  const missing = absences.filter((a) => a.concept);
  if (missing.length && missing.length === absences.length) {
    const sibling = ranked.find(
      (c) =>
        c !== best &&
        c.passage.sourceId === best.passage.sourceId &&
        c.subject > 0 &&
        c.differences.length === 0 &&
        missing.every((a) => c.matchedConcepts.includes(a.concept!)),
    );
    if (sibling) {
      return {
        ...base,
        verdict: "supported",
        passage: { ...passage, alsoSupportedBy: [sibling.passage.passageId] },
        tieBreak,
      };
    }
  }
  if (absences.length)
    return { ...base, verdict: "not-in-corpus", passage, notInCorpus: plain(absences), tieBreak };
  return { ...base, verdict: "supported", passage, tieBreak };
}

const ORDER: Verdict[] = ["unsupported", "not-in-corpus", "supported", "not-an-evidence-claim"];

function sentenceVerdict(parts: readonly ClaimPart[]): Verdict {
  const evidence = parts.filter((p) => p.role === "evidence-claim");
  if (evidence.length === 0) return "not-an-evidence-claim";
  return ORDER.find((v) => evidence.some((p) => p.verdict === v)) ?? "supported";
}

function fixOf(parts: readonly ClaimPart[]): string | undefined {
  const bad =
    parts.find((p) => p.verdict === "unsupported") ?? parts.find((p) => p.verdict === "not-in-corpus");
  if (!bad) return undefined;
  const d = bad.differences[0];
  if (d?.field === "quotation")
    return "Quote the stored words exactly (see the quotation finding) or drop the quotation marks.";
  if (d?.field === "date") return `Give the source's own date: ${d.recorded}.`;
  if (d)
    return `Say what ${bad.passage?.passageId ?? "the passage"} says (${d.recorded}, not ${d.claimed}), or remove the citation.`;
  const a = bad.notInCorpus[0];
  if (a?.field === "source")
    return "Cite a source the corpus holds, or check the claim against the named source yourself.";
  return `Remove the claim, or cite a passage that states it (${bad.notInCorpus.map((x) => x.message).join("; ")}).`;
}

function noteOf(parts: readonly ClaimPart[], verdict: Verdict): string {
  const evidence = parts.filter((p) => p.role === "evidence-claim");
  if (verdict === "not-an-evidence-claim") {
    const first = parts[0];
    return `Not an evidence claim (${first?.role ?? "other"}, rule ${first?.roleRule ?? "-"}): not judged.`;
  }
  return evidence
    .map((p) => {
      switch (p.verdict) {
        case "supported":
          return `Supported by ${p.passage?.passageId ?? ""} (matching: ${p.passage?.matchingWords.join(", ") || "-"})${p.passage?.caution ? `; caution: ${p.passage.caution}` : ""}.`;
        case "unsupported":
          return `Unsupported: ${p.differences.map((d) => d.message).join("; ")}${p.passage ? ` (compared with ${p.passage.passageId})` : ""}.`;
        case "not-in-corpus":
          return `Not in the corpus: ${p.notInCorpus.map((a) => a.message).join("; ")}${p.passage ? ` (closest: ${p.passage.passageId})` : ""}.`;
        default:
          return "";
      }
    })
    .join(" ");
}

/** A part made only of source names, markers, dates and bibliographic words (a reference list entry, a label). */
function isReference(
  text: string,
  spans: readonly Span[],
  citesPassage: boolean,
  rules: CompiledRules,
): boolean {
  const words = claimWords(text, spans).filter((w) => !/^\d+$/.test(w) && !rules.referenceWords.has(w));
  if (words.length === 0) return true;
  // A gloss on a passage its line cites by id ("ASPN 2024: context: conflicts of interest (passage …#coi)").
  return citesPassage && !hasContent(factsOf(blankSpans(text, spans), rules), rules);
}

function within(span: Span, start: number, end: number): boolean {
  return span.start >= start && span.end <= end;
}

/** Judge every sentence that names a source or carries a citation marker. */
export function checkClaims(
  text: string,
  corpus: Corpus,
  rules: CompiledRules,
  quotes: readonly QuoteFinding[] = [],
  limits: ClaimLimits = { sentences: VERIFY_LIMITS.sentences },
): ClaimCheck {
  // Passage ids a line cites ("… (passage busse-bmj-2025#rec-joint-rfa)"): they name the passage meant.
  const cited = new Map<number, string[]>();
  text.split("\n").forEach((line, i) => {
    if (!line.includes("#")) return;
    const ids = [...line.matchAll(PASSAGE_ID)]
      .map((m) => m[0].replace(/^passages? /, ""))
      .filter((id) => corpus.passages.has(id));
    if (ids.length) cited.set(i + 1, [...new Set(ids)]);
  });
  const claims: ClaimFinding[] = [];
  const issues: MetadataIssue[] = [];
  const memo = new Map<string, Omit<ClaimPart, "role" | "roleRule" | "text">>();
  let lastNamed: string[] = [];
  let judged = 0;
  let read = 0;
  let cutAt: number | undefined;
  const sentenceOffsets: number[] = [];
  const tooLongAt: number[] = [];
  const unchecked = limits.uncheckedQuotes ?? [];
  for (const sentence of splitSentences(text)) {
    sentenceOffsets.push(sentence.offset);
    // From the cut on, sentences are only counted: no pass over their words.
    if (cutAt !== undefined) continue;
    if (++read > VERIFY_LIMITS.sentencesRead) {
      cutAt = sentence.offset;
      continue;
    }
    // Longer than any sentence (a run-on line, a pasted table): counted, never analysed.
    if (sentence.text.length > VERIFY_LIMITS.itemChars) {
      tooLongAt.push(sentence.offset);
      continue;
    }
    const markers = findMarkers(sentence.text);
    const { known, unknown } = findMentions(sentence.text, corpus, true);
    const dates = dateIssues(sentence, known, corpus);
    const anaphora = rules.anaphora.exec(sentence.text);
    const refersBack = known.length === 0 && unknown.length === 0 && lastNamed.length > 0 && !!anaphora;
    const namesSource = known.length > 0 || unknown.length > 0 || refersBack;
    const listed = markers.length > 0 || (namesSource && rules.attributionCue.test(sentence.text));
    const reportedUnknown = listed ? unknown : unknown.filter((u) => !u.why.includes("organisation"));
    const counts = listed || dates.length > 0 || reportedUnknown.length > 0;
    if (counts) {
      const end = sentence.offset + sentence.text.length;
      if (judged >= limits.sentences || (limits.stopAt !== undefined && end > limits.stopAt)) {
        cutAt = sentence.offset;
        continue;
      }
    }
    if (counts && unchecked.some((o) => o >= sentence.offset && o < sentence.offset + sentence.text.length)) {
      tooLongAt.push(sentence.offset);
      const named = [...new Set(known.flatMap((m) => m.sourceIds))];
      if (named.length > 0) lastNamed = named.sort();
      continue;
    }
    if (counts) judged++;
    issues.push(...dates);
    for (const u of reportedUnknown) {
      issues.push({
        kind: "unknown-source",
        line: sentence.line,
        offset: sentence.offset + u.start,
        mention: u.text,
        claimed: u.text,
        recorded: "no such source in the corpus",
        message: `unknown source: "${u.text}" ${u.why}; nothing can be checked against it`,
      });
    }
    const ownNames = [...new Set(known.flatMap((m) => m.sourceIds))].sort();
    let earlier = lastNamed;
    if (refersBack) {
      const year = /\b((?:19|20)\d{2})\b/.exec(anaphora[0])?.[1];
      const dated = year ? lastNamed.filter((id) => corpus.sources.get(id)?.year === Number(year)) : [];
      if (dated.length) earlier = dated;
    }
    if (ownNames.length > 0) lastNamed = ownNames;
    if (!listed) continue;
    const ids: Span[] = [...sentence.text.matchAll(PASSAGE_ID), ...sentence.text.matchAll(ISO_DATE)].map(
      (m) => ({
        start: m.index,
        end: m.index + m[0].length,
      }),
    );
    const spans: Span[] = [...known, ...unknown, ...markers, ...ids];
    const citedIds = cited.get(sentence.line);
    const parts: ClaimPart[] = [];
    let previous: TextFacts["direction"];
    for (const part of splitParts(sentence.text, markers, rules)) {
      const end = part.start + part.text.length;
      const ownKnown = known.filter((m) => within(m, part.start, end));
      const ownUnknown = unknown.filter((m: UnknownMention) => within(m, part.start, end));
      const partNames = ownKnown.length || ownUnknown.length ? true : namesSource;
      const attributed = isAttributed(part.text, partNames, rules);
      const partSpans = spans
        .filter((s) => within(s, part.start, end))
        .map((s) => ({ start: s.start - part.start, end: s.end - part.start }));
      const role = isReference(part.text, partSpans, !!citedIds, rules)
        ? {
            role: "reference" as const,
            rule: "reference-only",
            why: "names a source and states nothing about it",
          }
        : roleOf(part.text, attributed, rules);
      if (role.role !== "evidence-claim") {
        parts.push({
          text: part.text,
          role: role.role,
          roleRule: role.rule,
          verdict: "not-an-evidence-claim",
          differences: [],
          notInCorpus: [],
          tieBreak: [],
        });
        continue;
      }
      const knownIds = [...new Set((ownKnown.length ? ownKnown : known).flatMap((m) => m.sourceIds))].sort();
      const citedSources = citedIds
        ? [...new Set(citedIds.map((id) => corpus.passages.get(id)?.sourceId ?? ""))].sort()
        : [];
      const scope: Scope = citedIds
        ? { searched: "cited-passages", sourceIds: citedSources, passageIds: citedIds }
        : knownIds.length > 0
          ? { searched: "named-sources", sourceIds: knownIds }
          : refersBack
            ? { searched: "earlier-named-sources", sourceIds: earlier }
            : { searched: "whole-corpus", sourceIds: [] };
      const unknownOnly =
        knownIds.length === 0 && !refersBack && !citedIds
          ? (ownUnknown.length ? ownUnknown : unknown).map((u) => u.text)
          : [];
      const shift = (s: Span): Span => ({ start: s.start - part.start, end: s.end - part.start });
      const partQuotes = quotes.filter(
        (q) => q.offset >= sentence.offset + part.start && q.offset < sentence.offset + end,
      );
      const dateDifferences: Difference[] = dates
        .filter((d) => d.sourceId && scope.sourceIds.includes(d.sourceId))
        .map((d) => ({
          field: "date",
          claimed: d.claimed,
          recorded: d.recorded,
          message: d.message.replace(/^date mismatch: /, ""),
        }));
      const context: PartContext = {
        text: part.text,
        ...(part.flipped && previous ? { flippedFrom: previous } : {}),
        scope,
        unknownOnly,
        exclude: spans.filter((s) => within(s, part.start, end)).map(shift),
        quotes: partQuotes,
        dateDifferences,
      };
      // The same claim in the same scope is judged once per text (boilerplate repeats).
      const key = JSON.stringify([
        context.text,
        context.flippedFrom ?? "",
        scope,
        context.unknownOnly,
        context.exclude,
        context.quotes.map((q) => [q.status, q.quote, q.matches.map((m) => m.passageId)]),
        dateDifferences,
      ]);
      const judged = memo.get(key) ?? judgePart(context, corpus, rules);
      memo.set(key, judged);
      previous = judged.stated?.direction ?? previous;
      parts.push({ text: part.text, role: role.role, roleRule: role.rule, ...judged });
    }
    const verdict = sentenceVerdict(parts);
    const searched = parts.some((p) => p.role === "evidence-claim")
      ? citedIds
        ? "cited-passages"
        : ownNames.length > 0
          ? "named-sources"
          : refersBack
            ? "earlier-named-sources"
            : "whole-corpus"
      : "none";
    const fix = fixOf(parts);
    claims.push({
      index: claims.length + 1,
      sentence: sentence.text,
      line: sentence.line,
      offset: sentence.offset,
      markers: markers.map((m) => m.text),
      namedSources: refersBack
        ? [{ mention: anaphora[0].trim(), sourceIds: earlier }]
        : known.map((m) => ({ mention: m.text, sourceIds: m.sourceIds })),
      unknownSources: unknown.map((u) => u.text),
      searched,
      role: parts.some((p) => p.role === "evidence-claim")
        ? "evidence-claim"
        : (parts[0]?.role ?? "reasoning"),
      verdict,
      parts,
      ...(fix ? { fix } : {}),
      note: noteOf(parts, verdict),
    });
  }
  issues.sort((a, b) => a.offset - b.offset || byCodeUnit(a.kind, b.kind));
  return { claims, issues, ...(cutAt !== undefined ? { cutAt } : {}), sentenceOffsets, tooLongAt };
}
