import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { shippedKnowledge } from "../../support/knowledge.js";
import { findMarkers } from "../../../src/verify/citation-markers.js";
import { factsOf } from "../../../src/verify/claim-facts.js";
import { splitParts } from "../../../src/verify/claim-parts.js";
import { ClaimRulesSchema } from "../../../src/verify/claim-rules-schema.js";
import { CLAIM_RULES_FILE, compileRules } from "../../../src/verify/claim-rules.js";
import { findConcepts } from "../../../src/verify/concepts.js";
import { findNumbers } from "../../../src/verify/numbers.js";
import type { ClaimFinding } from "../../../src/verify/schema.js";
import { roleOf } from "../../../src/verify/sentence-role.js";
import { splitSentences } from "../../../src/verify/sentences.js";
import { aliasProblems } from "../../../src/verify/source-aliases.js";
import { verifyText } from "../../../src/verify/verify-text.js";
import { ROOT } from "../../support/clients.js";

const corpus = shippedKnowledge().corpus;
const rules = shippedKnowledge().claimRules;
const check = (text: string) => verifyText(text, shippedKnowledge());
const claim = (text: string): ClaimFinding => {
  const c = check(text).claims[0];
  if (!c) throw new Error(`no claim listed for: ${text}`);
  return c;
};
const differences = (c: ClaimFinding) => c.parts.flatMap((p) => p.differences);
const absences = (c: ClaimFinding) => c.parts.flatMap((p) => p.notInCorpus);

describe("sentence roles: only attributed evidence claims are judged", () => {
  it.each([
    ["This patient has mechanical degenerative pathology [1].", "case-fact"],
    ["The member reports 40-50% relief lasting more than six months after a previous RFA 1", "case-fact"],
    ["MRI of the pelvis showed no sacroiliitis [2].", "case-fact"],
    ["Do not conflate inflammatory sacroiliitis with mechanical sacroiliac joint pain [1].", "advice"],
    ["Check the LCD frequency limits before approving a repeat therapeutic injection [9].", "advice"],
    ["Reviewers should confirm that both diagnostic blocks were image-guided [2].", "advice"],
    ["Therefore the requested SI joint RFA does not meet the plan's criteria [1].", "reasoning"],
    ["The 2025 BMJ guideline supersedes earlier recommendations 1", "reasoning"],
  ])("%s → %s, never unsupported", (text, role) => {
    const c = claim(text);
    expect(c.role).toBe(role);
    expect(c.verdict).toBe("not-an-evidence-claim");
    expect(c.fix).toBeUndefined();
    expect(check(text).summary).toMatchObject({
      evidenceClaims: 0,
      unsupportedClaims: 0,
      notEvidenceClaims: 1,
    });
  });

  it("a case sentence that also reports what a source says is judged on that part", () => {
    const c = claim(
      "For this patient, the BMJ guideline strongly recommends against joint radiofrequency ablation [1].",
    );
    expect(c.role).toBe("evidence-claim");
    expect(c.verdict).toBe("supported");
  });

  it("every role rule of the rules file decides some sentence", () => {
    const examples: Record<string, string> = {
      "advice-imperative": "Request the imaging report before deciding.",
      "advice-modal": "Reviewers should look at the block diaries.",
      "case-subject": "The member is 58 years old.",
      "case-possessive": "Member's MRI shows no sacroiliitis.",
      "case-pronoun": "She reports buttock pain.",
      "case-record": "MRI showed no sacroiliitis.",
      "case-mention": "Three provocative tests were positive on examination.",
      "case-documentation": "Failed conservative care is not documented.",
      "reasoning-connective": "Therefore the request is denied.",
      "reasoning-weighing": "The GRADE guideline outweighs the consensus.",
      "reasoning-applies": "The inflammatory pathway does not apply to this request.",
      "reasoning-determination": "The procedure is not medically necessary.",
    };
    expect(Object.keys(examples).sort()).toEqual(rules.roles.map((r) => r.id).sort());
    for (const [id, text] of Object.entries(examples)) expect(roleOf(text, false, rules).rule, text).toBe(id);
    expect(roleOf("The BMJ guideline recommends against joint RFA.", true, rules).role).toBe(
      "evidence-claim",
    );
  });
});

describe("claims matched on what the recommendations say", () => {
  it("supports a faithful claim with the passage id and the matching words", () => {
    const c = claim(
      "The American College of Rheumatology strongly recommends AGAINST systemic glucocorticoids for axial spondyloarthropathy 1",
    );
    expect(c.verdict).toBe("supported");
    const part = c.parts[0]!;
    expect(part.passage?.passageId).toBe("acr-saa-spartan-2019#systemic-gc");
    expect(part.passage?.matchingWords).toEqual(
      expect.arrayContaining(["strongly", "against", "systemic", "glucocorticoids"]),
    );
    expect(part.stated).toMatchObject({ direction: "against", strength: "strong" });
    expect(part.tieBreak[0]?.passageId).toBe("acr-saa-spartan-2019#systemic-gc");
  });

  it("rejects the invented 'high certainty … large pain relief' claim, naming the certainty and the direction", () => {
    const c = claim(
      "The 2025 network meta-analysis found high certainty evidence that joint radiofrequency ablation gives large pain relief compared with sham [1].",
    );
    expect(c.verdict).toBe("unsupported");
    expect(c.parts[0]?.passage?.passageId).toBe("wang-bmj-2025-nma#conclusion");
    const fields = differences(c).map((d) => [d.field, d.claimed, d.recorded]);
    expect(fields).toContainEqual(["certainty", "high", "low, moderate"]);
    expect(fields).toContainEqual(["direction", "for", "against"]);
    expect(differences(c).find((d) => d.field === "certainty")?.message).toMatch(
      /^the passage says low, moderate certainty .*, not high$/,
    );
    expect(c.fix).toMatch(/^Say what wang-bmj-2025-nma#conclusion says/);
  });

  it("rejects 'Medicare covers SI joint RFA …': the LCD says not reasonable and necessary", () => {
    const c = claim(
      "Medicare covers sacroiliac joint radiofrequency ablation when two diagnostic blocks give at least 75% relief [1].",
    );
    expect(c.verdict).toBe("unsupported");
    // "Medicare" names the LCDs' summary and L39455's own words; the LCD's own sentence is the closest.
    expect(c.parts[0]?.passage?.passageId).toBe("cms-lcd-l39455#rfa");
    expect(differences(c)[0]).toMatchObject({
      field: "direction",
      claimed: "covered",
      recorded: "not covered",
    });
  });

  it.each([
    [
      "The 2025 BMJ guideline issued only a conditional (weak) recommendation against joint radiofrequency ablation [1].",
      "strength",
      "conditional",
      "strong",
    ],
    [
      "The BMJ guideline's recommendation against joint-targeted steroid injection rests on high certainty evidence [1].",
      "certainty",
      "high",
      "low, moderate",
    ],
    [
      "The BMJ guideline's strong recommendation against joint radiofrequency ablation applies to acute spine pain [1].",
      "population",
      "acute",
      "chronic",
    ],
    ["The LCDs require two diagnostic blocks each giving at least 80% relief [9].", "number", "80%", "75%"],
    [
      "The Medicare LCD defines chronic pain as pain lasting at least 6 months [9].",
      "number",
      "6 months",
      "12 weeks",
    ],
    [
      "eviCore allows repeat sacroiliac joint RFA after at least 50% relief lasting 12 weeks [11].",
      "intervention",
      "sacroiliac joint",
      "not sacroiliac joint",
    ],
    [
      "The 2021 ACR guideline strongly recommends against systemic glucocorticoids in ankylosing spondylitis [4].",
      "date",
      "2021",
      'publication year 2019 (recorded as "2019-08-22 (Arthritis Rheumatol 2019;71(10):1599-1613; simultaneously Arthritis Care Res, doi 10.1002/acr.24025, pages UNVERIFIED)")',
    ],
  ])("names the difference: %s", (text, field, claimed, recorded) => {
    const c = claim(text);
    expect(c.verdict).toBe("unsupported");
    expect(differences(c)).toContainEqual(expect.objectContaining({ field, claimed, recorded }));
  });

  it("a named source restricts the candidates: the WHO passages do not address SI joint RFA", () => {
    const c = claim("The WHO guideline recommends against SI joint radiofrequency ablation [20].");
    expect(c.verdict).toBe("not-in-corpus");
    expect(c.parts[0]?.passage?.sourceId).toBe("who-2023-cplbp");
    expect(absences(c).map((a) => a.claimed)).toContain("radiofrequency ablation");
  });

  it("a claim about what the corpus does not hold is not in the corpus (a count no passage gives)", () => {
    const c = claim(
      "The PM&R 2023 synthesis counted three strong recommendations for SI joint radiofrequency ablation [17].",
    );
    expect(c.verdict).toBe("not-in-corpus");
    expect(c.fix).toMatch(/^Remove the claim, or cite a passage that states it/);
  });

  it("passages that speak about the named source are candidates too (the BMJ's reply)", () => {
    const c = claim("The BMJ said it had no plans to take further action on the retraction request [18].");
    expect(c.verdict).toBe("supported");
    expect(c.parts[0]?.passage?.passageId).toBe("society-responses-bmj-2025#bmj-reply");
    expect(c.parts[0]?.passage?.caution).toMatch(/third party/);
  });

  it("splits a sentence that makes two claims and judges each", () => {
    const c = claim(
      "The American College of Rheumatology strongly recommends AGAINST systemic glucocorticoids for axial spondyloarthropathy 1, and while local injections receive conditional support only in inflammatory sacroiliitis (not mechanical pain) 1.",
    );
    expect(c.parts.map((p) => [p.verdict, p.passage?.passageId])).toEqual([
      ["supported", "acr-saa-spartan-2019#systemic-gc"],
      ["supported", "acr-saa-spartan-2019#local-gc-sacroiliitis"],
    ]);
    expect(c.verdict).toBe("supported");
  });

  it("'except …' states the opposite direction of the clause before it", () => {
    const c = claim(
      "NICE quality standard QS155 says adults should not have spinal injections for low back pain without sciatica, except radiofrequency denervation for those who meet the criteria [16].",
    );
    expect(c.parts.map((p) => p.stated?.direction)).toEqual(["against", "for"]);
    expect(c.verdict).toBe("supported");
  });

  it("a sentence that refers back ('The guideline notes …') is checked against the source named before", () => {
    const v = check(
      "The 2025 BMJ guideline covers chronic axial spine pain. The guideline notes that acupuncture cures everything.",
    );
    const c = v.claims.find((x) => x.sentence.includes("acupuncture"));
    expect(c).toMatchObject({ searched: "earlier-named-sources", verdict: "not-in-corpus" });
    expect(c?.namedSources[0]).toEqual({ mention: "The guideline", sourceIds: ["busse-bmj-2025"] });
  });

  it("quoting words the corpus does not hold makes the claim unsupported", () => {
    const v = check(
      'The 2025 BMJ guideline states that "joint radiofrequency ablation is always effective" [1].',
    );
    expect(v.quotes[0]?.status).toBe("not-found");
    const c = v.claims[0]!;
    expect(c.verdict).toBe("unsupported");
    expect(differences(c)[0]).toMatchObject({
      field: "quotation",
      message: "quotation 1 is not in the corpus",
    });
  });

  it("a verbatim quotation anchors the claim on the passage that holds it", () => {
    const v = check(
      'The 2025 BMJ guideline states that "Such interventions should therefore not be offered outside of a clinical trial" [1].',
    );
    expect(v.quotes[0]?.status).toBe("verbatim");
    expect(v.claims[0]?.parts[0]?.passage?.passageId).toBe("busse-bmj-2025#infographic-values");
    expect(v.claims[0]?.verdict).toBe("supported");
  });

  it("a sentence with no source and no marker is not listed", () => {
    expect(check("Physical therapy helps many people with back pain.").claims).toEqual([]);
  });
});

describe("coverage rules: covered, not reasonable and necessary, thresholds and limits", () => {
  const verdict = (text: string) => {
    const c = claim(text);
    return [c.verdict, c.parts.find((p) => p.passage)?.passage?.passageId];
  };

  it("reads 'not reasonable and necessary' as not covered and 'reasonable and necessary' as covered", () => {
    expect(factsOf("SIJ denervation is not considered reasonable and necessary.", rules).direction).toBe(
      "not-covered",
    );
    expect(factsOf("are considered medically reasonable and necessary when", rules).direction).toBe(
      "covered",
    );
    expect(factsOf("No more than four sessions will be reimbursed", rules).direction).toBe("covered");
    // "Covered Indications" is a heading, not a coverage decision.
    expect(factsOf("must meet the above criteria for Covered Indications for SIJI", rules).direction).toBe(
      undefined,
    );
    expect(verdict("The LCD (L39455) says SI joint RFA is not reasonable and necessary.")).toEqual([
      "supported",
      "cms-lcd-l39455#rfa",
    ]);
    const c = claim(
      "The LCD considers SI joint injections without image guidance reasonable and necessary [9].",
    );
    expect(c.verdict).toBe("unsupported");
    expect(differences(c)[0]).toMatchObject({
      field: "direction",
      claimed: "covered",
      recorded: "not covered",
    });
  });

  it("reads bounds on figures: at least, no more than, and a negation that reverses them", () => {
    const bounds = (t: string) => findNumbers(t, rules).map((n) => [n.value, n.unit, n.bound]);
    expect(bounds("Low back pain duration of at least three (3) months")).toEqual([[3, "month", "min"]]);
    expect(bounds("No more than four (4) therapeutic SIJI sessions")).toEqual([[4, "sessions", "max"]]);
    expect(bounds("did not provide at least a consistent 50% pain relief")).toEqual([[50, "percent", "max"]]);
    expect(bounds("gave less than 75% relief for one month")).toEqual([
      [75, "percent", "max"],
      [1, "month", undefined],
    ]);
    expect(bounds("At least three positive findings with provocative maneuvers")).toEqual([
      [3, "tests", "min"],
    ]);
    // "one" counts only when it counts something.
    expect(bounds("when the previous one gave 50% relief")).toEqual([[50, "percent", undefined]]);
  });

  it("a limit ('no more than two sessions') is read as covered up to it, whatever the recorded direction", () => {
    expect(
      verdict("The Medicare LCD allows no more than two diagnostic SI joint injection sessions [9]."),
    ).toEqual(["supported", "cms-lcd-l39455#diagnostic-sessions"]);
    expect(verdict("L39455 allows up to three diagnostic SI joint sessions [9].")[0]).toBe("unsupported");
    expect(
      verdict("The LCD limits therapeutic SI joint injections to two sessions per rolling 12 months [9].")[0],
    ).toBe("unsupported");
    const window = claim(
      "L39455 reimburses no more than four therapeutic SI joint injection sessions per rolling 6 months [9].",
    );
    expect(window.verdict).toBe("unsupported");
    expect(differences(window).map((d) => d.message)).toContain("the passage says 12 months, not 6 months");
  });

  it("a bound the other way round is a difference, unless the claim states the rule's complement", () => {
    const reversed = claim(
      "Under L39455, repeat therapeutic SI joint injections are covered when the last one gave less than 50% relief [9].",
    );
    expect(reversed.verdict).toBe("unsupported");
    // "Not covered when less than 50%" is the rule "covered when at least 50%" stated the other way round.
    expect(
      verdict(
        "Under L39455, a repeat therapeutic SI joint injection is not reasonable and necessary when the prior one gave less than 50% relief [9].",
      )[0],
    ).toBe("supported");
  });

  it("exclusion criteria ('findings do not suggest another cause such as infection') exclude what they list", () => {
    const c = findConcepts(
      "Clinical findings and/or imaging studies do not suggest any other diagnosed or obvious cause of the lumbosacral pain (such as infection, tumor, fracture)",
      rules,
    );
    expect(c.get("infection")).toBe("excluded");
    expect(c.get("cancer")).toBe("excluded");
    expect(
      verdict(
        "The LCD covers SI joint injections when imaging shows a tumor as the cause of the lumbosacral pain [9].",
      )[0],
    ).toBe("unsupported");
  });

  it("NGS's FAQ is named by 'NGS … FAQ'; 'NGS' alone names the contractor's LCD and FAQ", () => {
    const faq = claim(
      "NGS's FAQ says a repeat SI joint injection requires documented improvement of at least 50% from the baseline pain scale [22].",
    );
    expect(faq.namedSources.flatMap((m) => m.sourceIds)).toEqual(["ngs-sij-faq"]);
    expect(faq.verdict).toBe("supported");
    const dated = check(
      "In its 2021 FAQ, NGS said repeat SI joint injections need at least 50% improvement from the baseline pain scale [22].",
    );
    expect(dated.metadataIssues.find((i) => i.kind === "date-mismatch")?.sourceId).toBe("ngs-sij-faq");
    expect(claim("NGS does not cover SI joint RFA [9].").namedSources[0]?.sourceIds).toEqual([
      "cms-lcd-sij-2023",
      "cms-lcd-l39455",
      "ngs-sij-faq",
    ]);
  });
});

describe("source facts", () => {
  it("flags a source that is not in the corpus, and the claim is not in the corpus", () => {
    const v = check(
      "The Spine Intervention Society 2025 guideline recommends sacroiliac joint radiofrequency ablation after two blocks.",
    );
    expect(v.metadataIssues.find((i) => i.kind === "unknown-source")?.mention).toBe(
      "The Spine Intervention Society 2025 guideline",
    );
    expect(v.claims[0]).toMatchObject({ verdict: "not-in-corpus" });
    expect(absences(v.claims[0]!)[0]?.field).toBe("source");
  });

  it.each([
    [
      "The North American Spine Society recommends cooled radiofrequency ablation.",
      "The North American Spine Society",
    ],
    [
      "See the guideline at doi 10.1136/bmj-2024-080356 which recommends the procedure.",
      "10.1136/bmj-2024-080356",
    ],
    [
      "The VA/DoD 2022 clinical practice guideline for low back pain suggests against SI joint RFA [6].",
      "The VA/DoD 2022 clinical practice guideline",
    ],
    [
      "InterQual criteria require six weeks of physical therapy before SI joint injections [3].",
      "InterQual criteria",
    ],
  ])("flags an unknown source: %s", (text, mention) => {
    const v = check(text);
    expect(v.metadataIssues.map((i) => [i.kind, i.mention])).toEqual([["unknown-source", mention]]);
  });

  it("resolves a corpus DOI and an author-year reference, and checks the year", () => {
    const ok = check("Joint radiofrequency ablation is not recommended (Busse et al., 2025).");
    expect(ok.metadataIssues).toEqual([]);
    expect(ok.claims[0]?.namedSources[0]?.sourceIds).toEqual(["busse-bmj-2025"]);
    const wrong = check("Joint radiofrequency ablation is not recommended (Busse et al., 2019).");
    expect(wrong.metadataIssues[0]).toMatchObject({
      kind: "date-mismatch",
      claimed: "2019",
      sourceId: "busse-bmj-2025",
    });
    expect(wrong.claims[0]?.verdict).toBe("unsupported");
    const doi = check(
      "The guideline at 10.1136/bmj-2024-079970 recommends against joint radiofrequency ablation.",
    );
    expect(doi.claims[0]?.namedSources[0]?.sourceIds).toEqual(["busse-bmj-2025"]);
  });

  it("a year that matches no recorded date says what the corpus records; 'NICE's 2018' is read as a year", () => {
    const v = check("The 2012 NICE guideline recommends exercise.");
    expect(v.metadataIssues[0]?.message).toContain('recorded as "2016-11-30 (last updated 2020-12-11)"');
    expect(v.metadataIssues[0]?.message).not.toContain("later update");
    expect(check("NICE's 2018 guideline recommends exercise [15].").metadataIssues[0]?.claimed).toBe("2018");
  });
});

describe("the rules file", () => {
  it("is valid, and a broken copy is rejected with the field named", () => {
    const raw = JSON.parse(readFileSync(join(ROOT, "corpus", CLAIM_RULES_FILE), "utf8")) as Record<
      string,
      unknown
    >;
    expect(ClaimRulesSchema.safeParse(raw).success).toBe(true);
    const broken = structuredClone(raw) as { concepts: { conflicts?: string[] }[]; attributionCue: string };
    broken.concepts[0]!.conflicts = ["no-such-concept"];
    broken.attributionCue = "(unclosed";
    const result = ClaimRulesSchema.safeParse(broken);
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];
    expect(messages).toContain("attributionCue: not a valid regular expression");
    expect(messages).toContain('concepts.0.conflicts: names unknown concept "no-such-concept"');
  });

  it("compiles to the same rules every time (deterministic)", () => {
    const raw = ClaimRulesSchema.parse(
      JSON.parse(readFileSync(join(ROOT, "corpus", CLAIM_RULES_FILE), "utf8")),
    );
    const a = compileRules(raw);
    const b = compileRules(raw);
    expect([...a.concepts.keys()]).toEqual([...b.concepts.keys()]);
    expect(a.direction.map((d) => d.pattern.source)).toEqual(b.direction.map((d) => d.pattern.source));
  });
});

describe("building blocks", () => {
  it("every alias names a corpus source", () => {
    expect(aliasProblems(new Set(corpus.sources.keys()))).toEqual([]);
    expect(aliasProblems(new Set(["busse-bmj-2025"]))).toContain(
      'verifyCitations alias "NICE guideline NG59" names unknown source "nice-ng59"',
    );
  });

  it("reads direction, strength and certainty, consuming spans ('does not support' is not 'support')", () => {
    expect(factsOf("The guideline does not support spinal injections.", rules).direction).toBe("against");
    expect(factsOf("It deems SI joint RFA experimental and investigational.", rules).direction).toBe(
      "not-covered",
    );
    expect(factsOf("ACR conditionally recommends local glucocorticoids.", rules)).toMatchObject({
      direction: "for",
      strength: "conditional",
    });
    expect(factsOf("no consistency in recommendations for or against", rules).direction).toBe("neutral");
    expect(factsOf("low to moderate certainty evidence", rules).certainty).toEqual(["low", "moderate"]);
    expect(factsOf("the overall quality of the evidence as very low to moderate", rules).certainty).toEqual([
      "very low",
      "low",
      "moderate",
    ]);
    expect(factsOf("Among the high-quality guidelines", rules).certainty).toEqual([]);
    expect(factsOf("strongly recommends against X and conditionally for Y", rules).strength).toBeUndefined();
  });

  it("tells what a text is about from what it excludes or allows", () => {
    const c = findConcepts(
      "chronic axial spine pain not associated with cancer or inflammatory arthropathy, with or without sciatica",
      rules,
    );
    expect(Object.fromEntries(c)).toEqual({
      chronic: "included",
      axial: "included",
      cancer: "excluded",
      inflammatory: "excluded",
      radicular: "optional",
    });
    expect(findConcepts("no spinal injections", rules).get("spinal-injection")).toBe("included");
    expect(findConcepts("NOT mechanical sacroiliac pain", rules).get("mechanical")).toBe("excluded");
  });

  it("reads figures with their units, but not years, codes or reference numbers", () => {
    const n = findNumbers(
      "2 diagnostic blocks with minimum of 75% relief; six therapeutic SI joint injection sessions per rolling 12 months; CPT 64625 since 2023; 10 to 12 weeks",
      rules,
    );
    expect(n.map((x) => [x.value, x.unit])).toEqual([
      [2, "blocks"],
      [75, "percent"],
      [6, "sessions"],
      [12, "month"],
      [10, "week"],
      [12, "week"],
    ]);
  });

  it("splits claims after a marker followed by a comma and at clause breaks, not inside parentheses", () => {
    const s = "ACR recommends against X 1, and while Y is conditional 1. (a; b) Z; W";
    const parts = splitParts(s, findMarkers(s), rules).map((p) => p.text);
    expect(parts).toEqual(["ACR recommends against X 1", "and while Y is conditional 1. (a; b) Z", "W"]);
    const label = "ASPN 2024 (Sayed et al. 2024): favours SI joint interventions.";
    expect(splitParts(label, findMarkers(label), rules)).toHaveLength(1);
  });

  it("splits sentences at full stops but not after abbreviations, and strips list marks", () => {
    const s = splitSentences(
      "- First one (Busse et al. 2025). Second one.\n## Heading\n1. Third, e.g. this.",
    );
    expect(s.map((x) => x.text)).toEqual([
      "First one (Busse et al. 2025).",
      "Second one.",
      "Heading",
      "Third, e.g. this.",
    ]);
    expect(s.map((x) => x.line)).toEqual([1, 1, 2, 3]);
  });

  it("finds reference numbers as chat answers print them, but not quantities", () => {
    expect(findMarkers("for chronic axial spine pain 1").map((m) => m.text)).toEqual(["1"]);
    expect(findMarkers("remains the evidence-based approach 2, 3.").map((m) => m.text)).toEqual(["2, 3"]);
    expect(findMarkers('outside of a clinical trial." 1').map((m) => m.text)).toEqual(["1"]);
    expect(findMarkers("relief lasting more than 6").map((m) => m.text)).toEqual([]);
    expect(findMarkers("after at least 12 weeks of care for 4.")).toEqual([]);
    expect(findMarkers("Evidence of Coverage, chapter 4, section 2")).toEqual([]);
    expect(findMarkers("as shown [2], and ²").map((m) => m.text)).toEqual(["[2]", "²"]);
  });
});

describe("the seed document", () => {
  const seed = check(readFileSync(join(ROOT, "test", "fixtures", "texts", "seed-000.txt"), "utf8"));
  const find = (start: string) => seed.claims.find((c) => c.sentence.startsWith(start));

  it("supports the ACR systemic-glucocorticoid sentence and the BMJ recommendation", () => {
    expect(find("The American College of Rheumatology strongly recommends AGAINST")?.verdict).toBe(
      "supported",
    );
    expect(find("The 2025 BMJ clinical practice guideline")?.parts[0]?.passage?.passageId).toBe(
      "busse-bmj-2025#rec-joint-rfa",
    );
  });

  it("does not accept the 'disinclined' sentence or the cooled-RF counts", () => {
    expect(["unsupported", "not-in-corpus"]).toContain(
      find("The guideline notes patients would be disinclined")?.verdict,
    );
    expect(["unsupported", "not-in-corpus"]).toContain(find("The 2023 review identified")?.verdict);
  });

  it("calls 'the 2020 NICE guideline' a date mismatch", () => {
    const c = find("The 2020 NICE guideline");
    expect(c?.verdict).toBe("unsupported");
    expect(differences(c!)[0]).toMatchObject({ field: "date", claimed: "2020" });
  });

  it("does not judge the case facts and advice", () => {
    for (const start of [
      "This patient has",
      "The patient's diagnoses",
      "Do not conflate",
      "Do not rely",
      "Do not approve",
    ])
      expect(find(start)?.verdict, start).toBe("not-an-evidence-claim");
  });
});
