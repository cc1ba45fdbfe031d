import type { Corpus, Source } from "../corpus/store.js";
import { findMarkers } from "./citation-markers.js";
import { checkYear, yearNextTo } from "./date-check.js";
import type { ClaimFinding, MetadataIssue } from "./schema.js";
import { splitSentences, type Sentence } from "./sentences.js";
import { findMentions, type KnownMention } from "./source-mentions.js";
import { claimedStance, recordedStance } from "./stance.js";
import {
  claimWords,
  MIN_CONTENT_WORDS,
  PARTLY_SUPPORTED_MIN,
  scorePassages,
  SUPPORTED_MIN,
  type PassageScore,
} from "./support-score.js";

const ATTRIBUTION_VERB =
  /\b(?:states?|stated|notes?|noted|recommend\w*|suggest\w*|says|said|conclu\w+|found|finds|reports?|reported|support\w*|advis\w+|emphasi[sz]\w*|provides?|provided|issued|identifie[sd]|identify|reviewed|considers?|considered|deems?|deemed|classif\w+|describes?|described|according to|lists?|listed|requires?|required|endorse\w*|warns?|urges?|declined|calls? for|explicitly)\b/i;
const BEST_PASSAGES = 3;
/** Passage ids ("passage busse-bmj-2025#rec-joint-rfa") name a place, not a claim. */
const PASSAGE_ID = /\b(?:passages? )?[a-z0-9][a-z0-9.-]*#[A-Za-z0-9._-]*[A-Za-z0-9]/g;
/** A sentence opening that refers back to the source named before ("The guideline notes…"). */
const ANAPHORA =
  /^(?:The|This|That|These|Its?)\s+(?:guideline|review|policy|statement|panel|authors|document|consensus|standard|synthesis|analysis)s?\b|^It\s/;
/** Stance passages scoring within this of the best also count as "the closest" (compound sentences). */
const STANCE_TOLERANCE = 0.15;

export interface ClaimCheck {
  claims: ClaimFinding[];
  issues: MetadataIssue[];
}

function supportOf(words: readonly string[], best: PassageScore | undefined): ClaimFinding["support"] {
  if (words.length < MIN_CONTENT_WORDS) return "not-assessed";
  const score = best?.score ?? 0;
  if (score >= SUPPORTED_MIN) return "supported";
  if (score >= PARTLY_SUPPORTED_MIN) return "partly-supported";
  return "unsupported";
}

function claimNote(
  support: ClaimFinding["support"],
  searched: ClaimFinding["searched"],
  unknown: number,
): string {
  const scope =
    searched === "named-sources"
      ? "the named source(s)"
      : searched === "earlier-named-sources"
        ? "the source(s) named just before, which the sentence refers back to"
        : "the whole corpus (no corpus source is named)";
  const unknownNote = unknown > 0 ? " It names a source that is not in the corpus." : "";
  switch (support) {
    case "supported":
      return `Heuristic: a passage of ${scope} shares most of the claim's content words.${unknownNote}`;
    case "partly-supported":
      return `Heuristic: the best passage of ${scope} shares only part of the claim's content words; check the claim against it.${unknownNote}`;
    case "unsupported":
      return `Heuristic: no passage of ${scope} shares enough of the claim's content words; treat the claim as unsupported by the corpus.${unknownNote}`;
    case "not-assessed":
      return `Heuristic: too few content words to compare.${unknownNote}`;
  }
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

function stanceIssues(
  sentence: Sentence,
  named: readonly string[],
  words: string[],
  corpus: Corpus,
): MetadataIssue[] {
  const claimed = claimedStance(sentence.text);
  if (!claimed.direction && !claimed.strength) return [];
  const withStance = named.flatMap((id) =>
    corpus.passagesOf(id).filter((p) => {
      const s = recordedStance(p);
      return s.direction !== undefined || s.strength !== undefined;
    }),
  );
  const scores = scorePassages(
    words,
    withStance.map((p) => p.id),
    corpus,
  );
  const best = scores[0];
  if (!best) return [];
  const close = scores
    .filter((s) => s.score >= best.score - STANCE_TOLERANCE)
    .map((s) => recordedStance(corpus.passages.get(s.passageId)!));
  const passage = corpus.passages.get(best.passageId)!;
  const recorded = recordedStance(passage);
  const out: MetadataIssue[] = [];
  const base = {
    line: sentence.line,
    offset: sentence.offset,
    mention: sentence.text,
    sourceId: passage.sourceId,
    passageId: passage.id,
  };
  const strengthAgrees = close.some((r) => r.strength === claimed.strength);
  const directionAgrees = close.some((r) => r.direction === claimed.direction);
  if (claimed.strength && recorded.strength && !strengthAgrees) {
    out.push({
      ...base,
      kind: "strength-mismatch",
      claimed: claimed.strength,
      recorded: `${recorded.strength} (strength recorded as "${passage.strength ?? passage.direction ?? ""}")`,
      message: `strength mismatch: the text claims a ${claimed.strength} recommendation; the closest passage ${passage.id} records ${recorded.strength}`,
    });
  }
  if (claimed.direction && recorded.direction && !directionAgrees) {
    out.push({
      ...base,
      kind: "direction-mismatch",
      claimed: claimed.direction,
      recorded: `${recorded.direction} (direction recorded as "${passage.direction ?? ""}")`,
      message: `direction mismatch: the text claims a recommendation ${claimed.direction}; the closest passage ${passage.id} records one ${recorded.direction}`,
    });
  }
  return out;
}

export function checkClaims(text: string, corpus: Corpus): ClaimCheck {
  const claims: ClaimFinding[] = [];
  const issues: MetadataIssue[] = [];
  const allPassageIds = [...corpus.passages.keys()];
  let lastNamed: string[] = [];
  for (const sentence of splitSentences(text)) {
    const markers = findMarkers(sentence.text);
    const hasVerb = ATTRIBUTION_VERB.test(sentence.text);
    const { known, unknown } = findMentions(sentence.text, corpus, true);
    issues.push(...dateIssues(sentence, known, corpus));
    const refersBack =
      known.length === 0 && unknown.length === 0 && lastNamed.length > 0 && ANAPHORA.test(sentence.text);
    const isClaim = markers.length > 0 || (hasVerb && (known.length > 0 || unknown.length > 0 || refersBack));
    const reportedUnknown = isClaim ? unknown : unknown.filter((u) => !u.why.includes("organisation"));
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
    if (ownNames.length > 0) lastNamed = ownNames;
    if (!isClaim) continue;
    const named = refersBack ? lastNamed : ownNames;
    const ids = [...sentence.text.matchAll(PASSAGE_ID)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
    }));
    const words = claimWords(sentence.text, [...known, ...unknown, ...markers, ...ids]);
    const searched =
      named.length === 0 ? "whole-corpus" : refersBack ? "earlier-named-sources" : "named-sources";
    const candidates =
      named.length > 0 ? named.flatMap((id) => corpus.passagesOf(id).map((p) => p.id)) : allPassageIds;
    const scores = scorePassages(words, candidates, corpus).slice(0, BEST_PASSAGES);
    const support = supportOf(words, scores[0]);
    claims.push({
      index: claims.length + 1,
      sentence: sentence.text,
      line: sentence.line,
      offset: sentence.offset,
      markers: markers.map((m) => m.text),
      namedSources: refersBack
        ? [{ mention: ANAPHORA.exec(sentence.text)?.[0].trim() ?? "", sourceIds: named }]
        : known.map((m) => ({ mention: m.text, sourceIds: m.sourceIds })),
      unknownSources: unknown.map((u) => u.text),
      searched,
      contentWords: words,
      support,
      bestPassages: scores.map((s) => ({ ...s, sourceId: corpus.passages.get(s.passageId)?.sourceId ?? "" })),
      note: claimNote(support, searched, unknown.length),
    });
    if (named.length > 0) issues.push(...stanceIssues(sentence, named, words, corpus));
  }
  issues.sort((a, b) => a.offset - b.offset || a.kind.localeCompare(b.kind));
  return { claims, issues };
}
