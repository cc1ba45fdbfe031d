import { shortCitation } from "../corpus/short-citation.js";
import type { Corpus } from "../corpus/store.js";
import { VERIFY_LIMITS } from "./limits.js";
import type { ClaimFinding, NotCheckedOut, QuoteFinding, Verification } from "./schema.js";
import type { NotListedSchema } from "./schema.js";
import type { z } from "zod";

type NotListed = z.infer<typeof NotListedSchema>;
import type { FailedClaim, FailedQuote, VerifySummary } from "./summary-schema.js";

export const VERIFY_SUMMARY_MORE =
  'detail: "full" adds every quotation and attributed sentence (supported ones, case facts, advice and reasoning too) with the passages, matching words, parsed facts, tie-breaker scores, full citations and what the rules can and cannot establish.';

function failedQuote(q: QuoteFinding, corpus: Corpus): FailedQuote | undefined {
  if (q.status !== "near-match" && q.status !== "not-found") return undefined;
  const base = { index: q.index, line: q.line, quote: q.quote, status: q.status };
  const m = q.status === "near-match" ? q.matches[0] : undefined;
  if (!m) return { ...base, fix: q.note };
  const source = corpus.sources.get(m.sourceId);
  return {
    ...base,
    passageId: m.passageId,
    useText: m.matchedText,
    ...(m.diffText ? { diff: m.diffText } : {}),
    ...(source ? { citation: shortCitation(source) } : {}),
    fix: "Quote the stored words (useText) instead, or remove the quotation marks.",
  };
}

function failedClaim(c: ClaimFinding): FailedClaim | undefined {
  if (c.verdict !== "unsupported" && c.verdict !== "not-in-corpus") return undefined;
  const parts = c.parts.filter((p) => p.verdict === "unsupported" || p.verdict === "not-in-corpus");
  const ids = parts.flatMap((p) => (p.passage ? [p.passage.passageId] : []));
  const differs = parts.flatMap((p) => [...p.differences, ...p.notInCorpus].map((d) => d.message));
  if (c.unknownSources.length) differs.push(`not in the corpus: ${c.unknownSources.join("; ")}`);
  return {
    index: c.index,
    line: c.line,
    sentence: c.sentence,
    verdict: c.verdict,
    passageIds: [...new Set(ids)],
    differs: [...new Set(differs)],
    ...(c.fix ? { fix: c.fix } : {}),
  };
}

function cautions(quotes: readonly QuoteFinding[]): VerifySummary["cautions"] {
  const byPassage = new Map<string, { passageId: string; caution: string; quotes: number[] }>();
  for (const q of quotes) {
    if (q.status !== "verbatim") continue;
    for (const m of q.matches) {
      const caution = m.citation.provenance.caution;
      if (!caution) continue;
      let entry = byPassage.get(m.passageId);
      if (!entry) byPassage.set(m.passageId, (entry = { passageId: m.passageId, caution, quotes: [] }));
      if (!entry.quotes.includes(q.index)) entry.quotes.push(q.index);
    }
  }
  return [...byPassage.values()];
}

/**
 * The full view of a verification: its findings in order of appearance within
 * VERIFY_LIMITS.fullViewChars (their JSON); the rest are counted in `notListed`.
 */
export function fullView(v: Verification): Verification & { notListed?: NotListed } {
  const items = [
    ...v.quotes.map((f) => ({ f, offset: f.offset })),
    ...v.claims.map((f) => ({ f, offset: f.offset })),
    ...v.metadataIssues.map((f) => ({ f, offset: f.offset })),
  ].sort((a, b) => a.offset - b.offset);
  const kept = new Set<object>();
  let used = 0;
  for (const { f } of items) {
    used += JSON.stringify(f).length;
    if (used > VERIFY_LIMITS.fullViewChars) break;
    kept.add(f);
  }
  if (kept.size === items.length) return v;
  const quotes = v.quotes.filter((q) => kept.has(q));
  const claims = v.claims.filter((c) => kept.has(c));
  const metadataIssues = v.metadataIssues.filter((i) => kept.has(i));
  return {
    ...v,
    quotes,
    claims,
    metadataIssues,
    notListed: {
      quotations: v.quotes.length - quotes.length,
      claims: v.claims.length - claims.length,
      sourceIssues: v.metadataIssues.length - metadataIssues.length,
    },
  };
}

/** The first items, in order, within VERIFY_LIMITS.summaryListed and summaryListChars (their JSON). */
function listed<T>(items: readonly T[]): T[] {
  const out: T[] = [];
  let used = 0;
  for (const item of items) {
    used += JSON.stringify(item).length;
    if (out.length >= VERIFY_LIMITS.summaryListed || used > VERIFY_LIMITS.summaryListChars) break;
    out.push(item);
  }
  return out;
}

/** The summary of a verification: the counts and only the quotations and claims that fail, with their fix. */
export function verificationSummary(v: Verification, corpus: Corpus): VerifySummary {
  const quotes = v.quotes.filter((q) => q.status === "near-match" || q.status === "not-found");
  const claims = v.claims.filter((c) => c.verdict === "unsupported" || c.verdict === "not-in-corpus");
  const failedQuotes = listed(quotes.flatMap((q) => failedQuote(q, corpus) ?? []));
  const failedClaims = listed(claims.flatMap((c) => failedClaim(c) ?? []));
  const sourceIssues = listed(
    v.metadataIssues.map((i) => ({ line: i.line, kind: i.kind, message: i.message })),
  );
  const unlisted = {
    quotations: quotes.length - failedQuotes.length,
    claims: claims.length - failedClaims.length,
    sourceIssues: v.metadataIssues.length - sourceIssues.length,
  };
  return {
    detail: "summary",
    corpusVersion: v.corpusVersion,
    summary: v.summary,
    ...(v.notChecked ? { notChecked: v.notChecked } : {}),
    failedQuotes,
    failedClaims,
    ...(unlisted.quotations || unlisted.claims || unlisted.sourceIssues ? { notListed: unlisted } : {}),
    sourceIssues,
    cautions: cautions(v.quotes),
    method: `rule-based (${v.method.rules}), no model; 'not in the corpus' is not 'false': the corpus holds excerpts.`,
    more: VERIFY_SUMMARY_MORE,
  };
}

/** The "not checked" line of both text views, when the check is incomplete. */
export function notCheckedLines(n: NotCheckedOut | undefined): string[] {
  return n ? [n.message] : [];
}

/** The text block of a verification summary: the same facts as its structured content. */
export function renderVerificationSummary(s: VerifySummary): string {
  const c = s.summary;
  const out = [
    `Citation check against corpus ${s.corpusVersion} (${s.method})`,
    ...notCheckedLines(s.notChecked),
    `Quotations: ${c.quotations} (verbatim ${c.verbatim}, near-match ${c.nearMatch}, not found ${c.notFound}, too short to check ${c.tooShortToCheck}). All quotations verified: ${c.allQuotesVerified ? "yes" : "no"}${c.notCheckedQuotations ? ` (${c.notCheckedQuotations} not checked)` : ""}.`,
    `Attributed sentences: ${c.attributedSentences}; evidence claims ${c.evidenceClaims} (supported ${c.supportedClaims}, unsupported ${c.unsupportedClaims}, not in the corpus ${c.notInCorpusClaims}); not evidence claims (not judged) ${c.notEvidenceClaims}${c.notCheckedSentences ? `; not checked ${c.notCheckedSentences}` : ""}.`,
    `Source facts: ${c.metadataIssues} issue(s), of which ${c.unknownSources} unknown source(s).`,
  ];
  if (s.failedQuotes.length) {
    out.push("", "## Quotations that fail");
    for (const q of s.failedQuotes) {
      out.push(`${q.index}. line ${q.line} ${q.status.toUpperCase()}: ${q.quote}`);
      if (q.passageId) out.push(`   closest: ${q.passageId}${q.citation ? ` (${q.citation})` : ""}`);
      if (q.useText !== undefined) out.push(`   use the stored words: "${q.useText}"`);
      if (q.diff) out.push(`   diff ([-stored-] {+quoted+}): ${q.diff}`);
      out.push(`   FIX: ${q.fix}`);
    }
  }
  if (s.failedClaims.length) {
    out.push("", "## Claims that fail");
    for (const f of s.failedClaims) {
      out.push(
        `${f.index}. line ${f.line} ${f.verdict === "unsupported" ? "UNSUPPORTED" : "NOT IN THE CORPUS"}: ${f.sentence}`,
      );
      if (f.passageIds.length) out.push(`   compared with: ${f.passageIds.join(", ")}`);
      for (const d of f.differs) out.push(`   - ${d}`);
      if (f.fix) out.push(`   FIX: ${f.fix}`);
    }
  }
  const more = s.notListed;
  if (more)
    out.push(
      "",
      `Not listed here: ${more.quotations} more failing quotation(s), ${more.claims} more failing claim(s) and ${more.sourceIssues} more source issue(s); detail: "full" lists them.`,
    );
  if (s.sourceIssues.length) {
    out.push("", "## Source facts");
    for (const i of s.sourceIssues) out.push(`- line ${i.line} ${i.kind.toUpperCase()}: ${i.message}`);
  }
  if (s.cautions.length) {
    out.push("", "## Verbatim, but check the provenance");
    for (const k of s.cautions) out.push(`- quotation ${k.quotes.join(", ")} (${k.passageId}): ${k.caution}`);
  }
  out.push("", s.more);
  return out.join("\n");
}
