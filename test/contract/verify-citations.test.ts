import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VERIFY_LIMITS } from "../../src/verify/limits.js";
import { extractQuotes } from "../../src/verify/quote-extraction.js";
import { VERIFY_TEXT_MAX_CHARS, VerificationSchema } from "../../src/verify/schema.js";
import { answerOf, connectInMemory, MAX_CHARS_META, ROOT, textOf } from "../support/clients.js";
import { countTokens } from "gpt-tokenizer/encoding/o200k_base";
import type { Verification } from "../../src/verify/schema.js";
import { VerifyFullSchema, VerifySummarySchema } from "../../src/verify/summary-schema.js";
import type { VerifySummary } from "../../src/verify/summary-schema.js";
import { shippedKnowledge } from "../support/knowledge.js";

const SEED = readFileSync(join(ROOT, "test", "fixtures", "texts", "seed-000.txt"), "utf8");

let client: Client;
beforeAll(async () => {
  client = await connectInMemory();
});
afterAll(async () => {
  await client.close();
});

async function verify(text: string) {
  // The full view (detail: "full") carries every fact these tests read; the summary has its own tests.
  const result = await client.callTool({ name: "verifyCitations", arguments: { text, detail: "full" } });
  expect(result.isError).toBeFalsy();
  return {
    result,
    v: VerificationSchema.parse(result.structuredContent),
    text: textOf(result),
  };
}

describe("verifyCitations through a real MCP client", () => {
  it("is listed as a read-only tool with input and output schemas", async () => {
    const { tools } = await client.listTools();
    const tool = tools.find((t) => t.name === "verifyCitations");
    expect(tool).toBeDefined();
    expect(tool?.annotations?.readOnlyHint).toBe(true);
    expect(tool?.annotations?.openWorldHint).toBe(false);
    expect(tool?.inputSchema.properties).toHaveProperty("text");
    expect(tool?.inputSchema.additionalProperties).toBe(false);
    expect(JSON.stringify(tool?.outputSchema)).toContain('"summary"');
  });

  describe("on the seed document", () => {
    it("verifies both quoted BMJ phrases and flags them as seen on an unofficial copy", async () => {
      const { v, text } = await verify(SEED);
      expect(v.quotes).toHaveLength(2);
      for (const q of v.quotes) {
        expect(q.status).toBe("verbatim");
        expect(q.matches.map((m) => m.passageId)).toEqual(["busse-bmj-2025#infographic-values"]);
        const match = q.matches[0]!;
        expect(match.citation.provenance.seenAtKind).toBe("copy");
        expect(match.citation.provenance.caution).toMatch(/unofficial copy/);
        expect(q.note).toMatch(/unofficial copy/);
      }
      // The seed lower-cases "All" and puts the full stop inside the closing mark: both are quoting
      // conventions, reported as adjustments; the matched text is the stored words.
      expect(v.quotes[0]!.matches[0]!.adjustments).toEqual(["initial-case"]);
      expect(v.quotes[0]!.matches[0]!.matchedText).toBe(
        "All or nearly all well-informed people would likely not want such interventions",
      );
      expect(v.quotes[1]!.matches[0]!.adjustments).toEqual(["trailing-punctuation"]);
      expect(v.summary.allQuotesVerified).toBe(true);
      expect(text).toContain("All quotations verified: yes");
      expect(text).toContain("unofficial copy");
    });

    it("does not accept the 'disinclined … moderate to high certainty evidence of risk of harm' sentence", async () => {
      const { v, text } = await verify(SEED);
      const claim = v.claims.find((c) => c.sentence.includes("disinclined"));
      expect(claim).toBeDefined();
      expect(["unsupported", "not-in-corpus"]).toContain(claim?.verdict);
      expect(claim?.namedSources.flatMap((n) => n.sourceIds)).toContain("busse-bmj-2025");
      expect(claim?.fix).toBeDefined();
      expect(text).toMatch(
        /(?:UNSUPPORTED|NOT IN THE CORPUS): The guideline notes patients would be disinclined/,
      );
      expect(text).toContain("rule-based");
      expect(text).toContain("Cannot establish:");
    });

    it("flags the '2020 NICE guideline' as a date mismatch stating both dates", async () => {
      const { v, text } = await verify(SEED);
      const issue = v.metadataIssues.find((i) => i.kind === "date-mismatch");
      expect(issue).toMatchObject({ sourceId: "nice-ng59", claimed: "2020", mention: "2020 NICE guideline" });
      expect(issue?.message).toContain("2016");
      expect(issue?.message).toContain("2020-12-11");
      expect(text).toContain("DATE-MISMATCH");
      const claim = v.claims.find((c) => c.sentence.startsWith("The 2020 NICE guideline"));
      expect(claim?.verdict).toBe("unsupported");
      expect(claim?.parts[0]?.differences[0]?.field).toBe("date");
    });

    it("supports the strong recommendation against joint RFA and the ACR systemic-glucocorticoid sentence", async () => {
      const { v } = await verify(SEED);
      const bmj = v.claims.find((c) => c.sentence.startsWith("The 2025 BMJ clinical practice guideline"));
      expect(bmj?.verdict).toBe("supported");
      expect(bmj?.parts[0]?.passage?.passageId).toBe("busse-bmj-2025#rec-joint-rfa");
      const acr = v.claims.find((c) =>
        c.sentence.startsWith("The American College of Rheumatology strongly"),
      );
      expect(acr?.verdict).toBe("supported");
      expect(acr?.parts.map((p) => p.passage?.passageId)).toContain("acr-saa-spartan-2019#systemic-gc");
      expect(v.metadataIssues.filter((i) => i.kind !== "date-mismatch")).toEqual([]);
    });

    it("lists case facts and advice as not evidence claims, never unsupported", async () => {
      const { v } = await verify(SEED);
      const notJudged = v.claims.filter((c) => c.role !== "evidence-claim");
      expect(notJudged.length).toBeGreaterThanOrEqual(5);
      for (const c of notJudged) expect(c.verdict).toBe("not-an-evidence-claim");
      expect(v.summary.notEvidenceClaims).toBe(notJudged.length);
    });
  });

  it("is deterministic: the same text gives byte-identical results", async () => {
    const a = await client.callTool({ name: "verifyCitations", arguments: { text: SEED } });
    const b = await client.callTool({ name: "verifyCitations", arguments: { text: SEED } });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it.each([
    [{ text: "" }, /text/],
    [{ text: "x".repeat(200_001) }, /at most 200000 characters.*text/],
    [{}, /text/],
    [{ text: "fine", extra: 1 }, /unknown field "extra"/],
    [{ text: 42 }, /expected string, received number 42/],
  ])("rejects bad input %# with an isError result naming the field", async (args, message) => {
    const result = await client.callTool({
      name: "verifyCitations",
      arguments: args,
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
  });

  it("accepts a text of exactly 200,000 characters", async () => {
    const result = await client.callTool({
      name: "verifyCitations",
      arguments: { text: "a ".repeat(100_000) },
    });
    expect(result.isError).toBeFalsy();
  });
});

const MIXED = readFileSync(join(ROOT, "test", "fixtures", "texts", "quotes-mixed.md"), "utf8");

const verifyAt = (args: Record<string, unknown>) => answerOf(client, "verifyCitations", args);

async function both(
  text: string,
): Promise<{ s: VerifySummary; sText: string; sJson: string; full: Verification }> {
  const summary = await verifyAt({ text });
  expect(summary.result._meta?.[MAX_CHARS_META]).toBeUndefined();
  const full = await verifyAt({ text, detail: "full" });
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

/** A text of exactly VERIFY_TEXT_MAX_CHARS characters: pieces from make(i), joined by sep, padded with spaces. */
function maxSize(make: (i: number) => string, sep = " "): string {
  let out = "";
  for (let i = 0; ; i++) {
    const piece = make(i) + sep;
    if (out.length + piece.length > VERIFY_TEXT_MAX_CHARS) break;
    out += piece;
  }
  return out.padEnd(VERIFY_TEXT_MAX_CHARS, " ");
}

const PASSAGES = [...shippedKnowledge().corpus.passages.values()];
const WORDS = [...new Set(PASSAGES.flatMap((p) => p.text.split(/\s+/)).filter((w) => /^[a-z]{2,}$/.test(w)))];
const ADVERSARIAL: Record<string, string> = {
  // Only quotations: distinct three-word quotations of corpus words (each one compared with every passage).
  "only quotations": maxSize(
    (i) =>
      `"${WORDS[i % WORDS.length]} ${WORDS[(i * 7 + 3) % WORDS.length]} ${WORDS[(i * 13 + 5) % WORDS.length]}"`,
  ),
  // Near misses: twelve words of a passage with one changed, so every one is aligned word by word.
  "near-miss quotations": maxSize((i) => {
    const words = PASSAGES[i % PASSAGES.length]!.text.split(/\s+/);
    const at = (i * 3) % Math.max(1, words.length - 12);
    const window = words.slice(at, at + 12);
    window[5] = `zq${i}`;
    return `"${window.join(" ")}"`;
  }),
  // Claim sentences, each different, on lines of their own.
  "claim sentences": maxSize(
    (i) =>
      `The ACR guideline [${i % 50}] conditionally recommends ${["NSAIDs", "TNF inhibitors", "physical therapy", "SI joint injections"][i % 4]} for ${i} patients; NICE strongly recommends against ${i % 7} sessions of RFA, but Busse ${2000 + (i % 30)} says "${WORDS[i % WORDS.length]} ${WORDS[(i * 3) % WORDS.length]} radiofrequency denervation".`,
    "\n",
  ),
};

describe("verifyCitations bounds the work and the answer of one call", () => {
  for (const [label, text] of Object.entries(ADVERSARIAL)) {
    it(`a maximum-size text of ${label} is checked up to the caps, and the rest is reported as not checked`, async () => {
      expect(text).toHaveLength(VERIFY_TEXT_MAX_CHARS);
      const { s, sText, sJson, full } = await both(text);
      const fullAnswer = await verifyAt({ text, detail: "full" });
      // Bounded answers: the summary and the full view are each far below 1 MB in both forms (the
      // contract-test answer limits hold them to 10,000 and 25,000 tokens as well).
      for (const size of [sText.length, sJson.length, fullAnswer.text.length, fullAnswer.json.length])
        expect(size).toBeLessThan(200_000);
      expect(full.quotes.length).toBeLessThanOrEqual(VERIFY_LIMITS.quotations);
      expect(full.claims.length).toBeLessThanOrEqual(VERIFY_LIMITS.sentences);
      expect(s.failedQuotes.length).toBeLessThanOrEqual(VERIFY_LIMITS.summaryListed);
      expect(s.failedClaims.length).toBeLessThanOrEqual(VERIFY_LIMITS.summaryListed);
      // What was not checked is counted, in both views and both forms, and nothing reads as verified.
      const notChecked = s.notChecked!;
      expect(notChecked).toBeDefined();
      expect(full.notChecked).toEqual(notChecked);
      expect(notChecked.quotations + notChecked.sentences).toBeGreaterThan(0);
      expect(notChecked.fromLine).toBeGreaterThanOrEqual(1);
      expect(s.summary.allQuotesVerified).toBe(false);
      expect(s.summary.notCheckedQuotations).toBe(notChecked.quotations);
      expect(s.summary.notCheckedSentences).toBe(notChecked.sentences);
      expect(notChecked.message).toMatch(/^NOT CHECKED: .*Split the text/);
      for (const t of [sText, fullAnswer.text]) {
        expect(t).toContain(notChecked.message);
        expect(t).toContain("All quotations verified: no");
      }
      // Every quotation of the text is either checked or counted as not checked.
      const all = extractQuotes(text).length;
      expect(s.summary.quotations + notChecked.quotations).toBe(all);
    });
  }

  it("a text of quotations past the cap lists the checked ones and counts every one after", async () => {
    const { s } = await both(ADVERSARIAL["only quotations"]!);
    expect(s.summary.quotations).toBe(VERIFY_LIMITS.quotations);
    expect(s.notChecked?.quotations).toBe(extractQuotes(ADVERSARIAL["only quotations"]!).length - 100);
  });

  it("near misses past the summary's list are counted as not listed, and the full view has them", async () => {
    const { s, sText, full } = await both(ADVERSARIAL["near-miss quotations"]!);
    const failing = full.quotes.filter((q) => q.status === "near-match" || q.status === "not-found");
    expect(failing.length).toBeGreaterThan(s.failedQuotes.length);
    expect(s.notListed?.quotations).toBe(s.summary.nearMatch + s.summary.notFound - s.failedQuotes.length);
    expect(sText).toContain(`Not listed here: ${s.notListed?.quotations} more failing quotation(s)`);
  });

  it("a text of many claim sentences stops at 100 attributed sentences and names the line it stopped at", async () => {
    const text = maxSize(
      (i) => `Busse et al. 2025 recommend against radiofrequency ablation for ${i} months [${i}].`,
      "\n",
    );
    const { s, sText, full } = await both(text);
    expect(s.summary.attributedSentences).toBe(VERIFY_LIMITS.sentences);
    // The full view lists them within its size budget and counts the rest as not listed.
    const fullView = VerifyFullSchema.parse(
      (await verifyAt({ text, detail: "full" })).result.structuredContent,
    );
    expect(full.claims.length + (fullView.notListed?.claims ?? 0)).toBe(VERIFY_LIMITS.sentences);
    expect(s.notChecked?.fromLine).toBe(VERIFY_LIMITS.sentences + 1);
    expect(s.notChecked?.sentences).toBe(text.trimEnd().split("\n").length - VERIFY_LIMITS.sentences);
    expect(sText).toContain(`nothing from line ${VERIFY_LIMITS.sentences + 1} on was checked`);
  });

  it("a quotation or sentence over 1,000 characters is counted as not checked, wherever it is", async () => {
    const long = WORDS.slice(0, 200).join(" ");
    expect(long.length).toBeGreaterThan(VERIFY_LIMITS.itemChars);
    const text = `Busse et al. [1] wrote "${long}".\n\nThe BMJ [2] says "strong recommendation against".`;
    const { s } = await both(text);
    expect(s.notChecked).toMatchObject({ quotations: 1, sentences: 1, tooLong: 2 });
    expect(s.notChecked?.fromLine).toBeUndefined();
    expect(s.summary.quotations).toBe(1);
    expect(s.summary.attributedSentences).toBe(1);
    expect(s.summary.allQuotesVerified).toBe(false);
  });

  it("a text within the caps is complete: no notChecked, and the seed's answers are unchanged by the caps", async () => {
    const { s, sText, full } = await both(SEED);
    expect(s.notChecked).toBeUndefined();
    expect(full.notChecked).toBeUndefined();
    expect(s.notListed).toBeUndefined();
    expect(s.summary.notCheckedQuotations).toBeUndefined();
    expect(sText).not.toContain("NOT CHECKED");
  });

  it("a verbatim phrase found in many passages lists three with citations and the rest by id", async () => {
    const phrase = "low back pain";
    // "Low back pain" too: a changed initial case is a quoting convention.
    const holding = PASSAGES.filter((p) => p.text.includes(phrase) || p.text.includes("Low back pain")).map(
      (p) => p.id,
    );
    expect(holding.length).toBeGreaterThan(VERIFY_LIMITS.verbatimMatchesListed);
    const { v, text } = await verify(`The guideline says "${phrase}".`);
    const q = v.quotes[0]!;
    expect(q.status).toBe("verbatim");
    expect([...q.matches.map((m) => m.passageId), ...(q.alsoFoundIn ?? [])]).toEqual(holding);
    expect(q.matches).toHaveLength(VERIFY_LIMITS.verbatimMatchesListed);
    expect(text).toContain(`also in: ${q.alsoFoundIn!.join(", ")}`);
  });
});
