import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Client } from "@modelcontextprotocol/client";
import { countTokens } from "gpt-tokenizer/encoding/o200k_base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VerificationSchema } from "../../src/verify/schema.js";
import type { Verification } from "../../src/verify/schema.js";
import { VerifySummarySchema } from "../../src/verify/summary-schema.js";
import type { VerifySummary } from "../../src/verify/summary-schema.js";
import { connectInMemory, ROOT, textOf } from "../support/clients.js";
import { shippedKnowledge } from "../support/knowledge.js";

const SEED = readFileSync(join(ROOT, "test", "fixtures", "texts", "seed-000.txt"), "utf8");
const MIXED = readFileSync(join(ROOT, "test", "fixtures", "texts", "quotes-mixed.md"), "utf8");
const MAX_CHARS_META = "anthropic/maxResultSizeChars";

let client: Client;
beforeAll(async () => {
  client = await connectInMemory();
});
afterAll(async () => {
  await client.close();
});

async function call(args: Record<string, unknown>) {
  const result = await client.callTool({ name: "verifyCitations", arguments: args });
  expect(result.isError, textOf(result)).toBeFalsy();
  return { result, text: textOf(result), json: JSON.stringify(result.structuredContent) };
}

async function both(
  text: string,
): Promise<{ s: VerifySummary; sText: string; sJson: string; full: Verification }> {
  const summary = await call({ text });
  expect(summary.result._meta?.[MAX_CHARS_META]).toBeUndefined();
  const full = await call({ text, detail: "full" });
  expect(full.result._meta?.[MAX_CHARS_META]).toBeGreaterThan(full.json.length);
  return {
    s: VerifySummarySchema.parse(summary.result.structuredContent),
    sText: summary.text,
    sJson: summary.json,
    full: VerificationSchema.parse(full.result.structuredContent),
  };
}

/** The summary keeps the full view's counts and exactly its failing quotations and claims, verdicts unchanged. */
function expectSummaryOfFull(s: VerifySummary, full: Verification): void {
  expect(s.summary).toEqual(full.summary);
  expect(s.corpusVersion).toBe(full.corpusVersion);
  const failing = full.claims.filter((c) => c.verdict === "unsupported" || c.verdict === "not-in-corpus");
  expect(s.failedClaims.map((c) => [c.index, c.verdict, c.sentence, c.fix])).toEqual(
    failing.map((c) => [c.index, c.verdict, c.sentence, c.fix]),
  );
  const badQuotes = full.quotes.filter((q) => q.status === "near-match" || q.status === "not-found");
  expect(s.failedQuotes.map((q) => [q.index, q.status, q.quote])).toEqual(
    badQuotes.map((q) => [q.index, q.status, q.quote]),
  );
  expect(s.sourceIssues.map((i) => i.message)).toEqual(full.metadataIssues.map((i) => i.message));
}

/** Every fact of the summary's structured content is in its text block. */
function expectSameFacts(s: VerifySummary, text: string): void {
  const c = s.summary;
  expect(text).toContain(s.corpusVersion);
  expect(text).toContain(s.method);
  expect(text).toContain(
    `Quotations: ${c.quotations} (verbatim ${c.verbatim}, near-match ${c.nearMatch}, not found ${c.notFound}, too short to check ${c.tooShortToCheck}). All quotations verified: ${c.allQuotesVerified ? "yes" : "no"}.`,
  );
  expect(text).toContain(
    `evidence claims ${c.evidenceClaims} (supported ${c.supportedClaims}, unsupported ${c.unsupportedClaims}, not in the corpus ${c.notInCorpusClaims}); not evidence claims (not judged) ${c.notEvidenceClaims}.`,
  );
  expect(text).toContain(`Attributed sentences: ${c.attributedSentences};`);
  expect(text).toContain(
    `Source facts: ${c.metadataIssues} issue(s), of which ${c.unknownSources} unknown source(s).`,
  );
  for (const q of s.failedQuotes) {
    expect(text).toContain(`${q.index}. line ${q.line} ${q.status.toUpperCase()}: ${q.quote}`);
    if (q.passageId) expect(text).toContain(`closest: ${q.passageId}`);
    if (q.citation) expect(text).toContain(q.citation);
    if (q.useText !== undefined) expect(text).toContain(`use the stored words: "${q.useText}"`);
    if (q.diff) expect(text).toContain(q.diff);
    expect(text).toContain(`FIX: ${q.fix}`);
  }
  for (const f of s.failedClaims) {
    const label = f.verdict === "unsupported" ? "UNSUPPORTED" : "NOT IN THE CORPUS";
    expect(text).toContain(`${f.index}. line ${f.line} ${label}: ${f.sentence}`);
    if (f.passageIds.length) expect(text).toContain(`compared with: ${f.passageIds.join(", ")}`);
    for (const d of f.differs) expect(text).toContain(`   - ${d}`);
    if (f.fix) expect(text).toContain(`FIX: ${f.fix}`);
  }
  for (const i of s.sourceIssues)
    expect(text).toContain(`- line ${i.line} ${i.kind.toUpperCase()}: ${i.message}`);
  for (const k of s.cautions)
    expect(text).toContain(`- quotation ${k.quotes.join(", ")} (${k.passageId}): ${k.caution}`);
  expect(text).toContain(s.more);
}

describe('verifyCitations detail: "summary" (the default) over a real MCP client', () => {
  it("answers the seed document in at most 3,000 tokens (o200k) in each form, with only what fails", async () => {
    const { s, sText, sJson, full } = await both(SEED);
    expect(countTokens(sText)).toBeLessThanOrEqual(3000);
    expect(countTokens(sJson)).toBeLessThanOrEqual(3000);
    expectSummaryOfFull(s, full);
    expectSameFacts(s, sText);
    // The seed's three required findings: the two BMJ phrases verbatim but seen on an unofficial copy,
    // the "disinclined" sentence not accepted (with its fix), the 2020 NICE date mismatch.
    expect(s.summary).toMatchObject({ quotations: 2, verbatim: 2, allQuotesVerified: true });
    expect(s.failedQuotes).toEqual([]);
    expect(s.cautions.map((k) => [k.passageId, k.quotes])).toEqual([
      ["busse-bmj-2025#infographic-values", [1, 2]],
    ]);
    expect(s.cautions[0]?.caution).toMatch(/unofficial copy/);
    const disinclined = s.failedClaims.find((c) => c.sentence.includes("disinclined"));
    expect(disinclined?.fix).toBeDefined();
    expect(disinclined?.differs.length).toBeGreaterThan(0);
    expect(
      s.sourceIssues.some((i) => i.kind === "date-mismatch" && i.message.includes("2020 NICE guideline")),
    ).toBe(true);
    // Sentences that are not evidence claims are counted, not listed; the full view lists them.
    expect(sText).not.toContain("NOT AN EVIDENCE CLAIM");
    expect(full.claims.some((c) => c.verdict === "not-an-evidence-claim")).toBe(true);
  });

  it("gives near-matches the stored words to quote instead, and names quotations not found, in both forms", async () => {
    const { s, sText, full } = await both(MIXED);
    expectSummaryOfFull(s, full);
    expectSameFacts(s, sText);
    const near = s.failedQuotes.filter((q) => q.status === "near-match");
    expect(near.length).toBeGreaterThan(0);
    const { corpus } = shippedKnowledge();
    for (const q of near) expect(corpus.passages.get(q.passageId!)?.text).toContain(q.useText);
    expect(
      s.failedQuotes.some((q) => q.status === "not-found" && q.quote.startsWith("patients overwhelmingly")),
    ).toBe(true);
  });

  it("answers a text with nothing to check in a few lines", async () => {
    const { s, sText } = await both("Nothing here cites anything.");
    expect(s.failedClaims).toEqual([]);
    expect(s.failedQuotes).toEqual([]);
    expectSameFacts(s, sText);
    expect(countTokens(sText)).toBeLessThan(300);
  });
});
