import { describe, expect, it } from "vitest";
import { shippedKnowledge } from "../support/knowledge.js";
import { findMarkers } from "../../src/verify/citation-markers.js";
import { splitSentences } from "../../src/verify/sentences.js";
import { aliasProblems } from "../../src/verify/source-aliases.js";
import { stem } from "../../src/verify/stems.js";
import { verifyText } from "../../src/verify/verify-text.js";

const corpus = shippedKnowledge().corpus;
const check = (text: string) => verifyText(text, corpus);

describe("attribution claims (heuristic)", () => {
  it("a faithful attribution is supported by the named source's passage", () => {
    const v = check(
      "The American College of Rheumatology strongly recommends against treatment with systemic glucocorticoids in adults with active AS.",
    );
    expect(v.attributionClaims).toHaveLength(1);
    const claim = v.attributionClaims[0]!;
    expect(claim.searched).toBe("named-sources");
    expect(claim.support).toBe("supported");
    expect(claim.bestPassages[0]?.passageId).toBe("acr-saa-spartan-2019#systemic-gc");
    expect(v.metadataIssues).toEqual([]);
    expect(v.heuristic.label).toBe("heuristic");
  });

  it("an attribution with no matching passage is unsupported, with the words that were missing", () => {
    const v = check(
      "The 2025 BMJ guideline states that acupuncture cures most sacroiliac pain within a week.",
    );
    const claim = v.attributionClaims[0]!;
    expect(claim.support).toBe("unsupported");
    expect(claim.bestPassages[0]?.missingWords).toEqual(
      expect.arrayContaining(["acupuncture", "cure", "week"]),
    );
  });

  it("a reference number alone makes a claim, checked against the whole corpus", () => {
    const v = check(
      "A structured exercise therapy or programme may be offered to older adults with CPLBP [3].",
    );
    expect(v.attributionClaims[0]).toMatchObject({
      searched: "whole-corpus",
      markers: ["[3]"],
      support: "supported",
    });
    expect(v.attributionClaims[0]?.bestPassages[0]?.passageId).toBe("who-2023-cplbp#exercise");
  });

  it("a sentence that names no source and carries no marker is not an attribution claim", () => {
    expect(check("Physical therapy helps many people with back pain.").attributionClaims).toEqual([]);
  });

  it("'The guideline …' refers back to the source named in the sentence before", () => {
    const v = check(
      "The 2025 BMJ guideline covers chronic axial spine pain. The guideline notes that acupuncture cures everything.",
    );
    const claim = v.attributionClaims.find((c) => c.sentence.includes("acupuncture"));
    expect(claim).toMatchObject({ searched: "earlier-named-sources", support: "unsupported" });
    expect(claim?.namedSources[0]).toEqual({ mention: "The guideline", sourceIds: ["busse-bmj-2025"] });
  });
});

describe("source facts", () => {
  it("flags a claimed strength and direction the passage does not record", () => {
    const v = check(
      "The 2025 BMJ guideline makes a conditional recommendation for joint radiofrequency ablation in chronic axial spine pain.",
    );
    const kinds = v.metadataIssues.map((i) => [i.kind, i.claimed, i.passageId]);
    expect(kinds).toEqual([
      ["direction-mismatch", "for", "busse-bmj-2025#rec-joint-rfa"],
      ["strength-mismatch", "conditional", "busse-bmj-2025#rec-joint-rfa"],
    ]);
  });

  it("accepts a strong recommendation against when the corpus records one", () => {
    const v = check(
      "The BMJ guideline issued a strong recommendation against joint radiofrequency ablation.",
    );
    expect(v.metadataIssues).toEqual([]);
  });

  it("flags a source that is not in the corpus by name", () => {
    const v = check(
      "The Spine Intervention Society 2025 guideline recommends sacroiliac joint radiofrequency ablation after two blocks.",
    );
    const issue = v.metadataIssues.find((i) => i.kind === "unknown-source");
    expect(issue?.mention).toBe("The Spine Intervention Society 2025 guideline");
    expect(v.summary.unknownSources).toBe(1);
    expect(v.attributionClaims[0]?.unknownSources).toEqual(["The Spine Intervention Society 2025 guideline"]);
  });

  it("flags an organisation with no corpus source when it is credited with a claim", () => {
    const v = check("The North American Spine Society recommends cooled radiofrequency ablation.");
    expect(v.metadataIssues.map((i) => [i.kind, i.mention])).toEqual([
      ["unknown-source", "The North American Spine Society"],
    ]);
  });

  it("flags a DOI that matches no corpus source (the fabricated SIS guideline DOI)", () => {
    const v = check("See the guideline at doi 10.1136/bmj-2024-080356 which recommends the procedure.");
    expect(v.metadataIssues.map((i) => [i.kind, i.mention])).toEqual([
      ["unknown-source", "10.1136/bmj-2024-080356"],
    ]);
  });

  it("resolves a corpus DOI and an author-year reference, and checks the year", () => {
    const ok = check("Joint radiofrequency ablation is not recommended (Busse et al., 2025).");
    expect(ok.metadataIssues).toEqual([]);
    expect(ok.attributionClaims[0]?.namedSources[0]?.sourceIds).toEqual(["busse-bmj-2025"]);
    const wrong = check("Joint radiofrequency ablation is not recommended (Busse et al., 2019).");
    expect(wrong.metadataIssues[0]).toMatchObject({
      kind: "date-mismatch",
      claimed: "2019",
      sourceId: "busse-bmj-2025",
    });
    const doi = check(
      "The guideline at 10.1136/bmj-2024-079970 recommends against joint radiofrequency ablation.",
    );
    expect(doi.attributionClaims[0]?.namedSources[0]?.sourceIds).toEqual(["busse-bmj-2025"]);
  });

  it("a year that matches no recorded date says what the corpus records", () => {
    const v = check("The 2012 NICE guideline recommends exercise.");
    expect(v.metadataIssues[0]?.message).toContain('recorded as "2016-11-30 (last updated 2020-12-11)"');
    expect(v.metadataIssues[0]?.message).not.toContain("later update");
  });
});

describe("building blocks", () => {
  it("every alias names a corpus source", () => {
    expect(aliasProblems(new Set(corpus.sources.keys()))).toEqual([]);
    expect(aliasProblems(new Set(["busse-bmj-2025"]))).toContain(
      'verifyCitations alias "NICE guideline NG59" names unknown source "nice-ng59"',
    );
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
    expect(findMarkers("as shown [2], and ²").map((m) => m.text)).toEqual(["[2]", "²"]);
  });

  it("stems plurals, participles and British spellings alike", () => {
    expect(stem("recommendations")).toBe(stem("recommendation"));
    expect(stem("injections")).toBe("injection");
    expect(stem("anaesthetic")).toBe(stem("anesthetic"));
    expect(stem("targeted")).toBe("target");
  });
});

describe("claims that quote invented words", () => {
  it("are unsupported even when their words overlap a passage of the named source", () => {
    const text =
      'The 2025 BMJ guideline states that "joint radiofrequency ablation is always effective" [1].';
    const result = verifyText(text, corpus);
    expect(result.quotes[0]?.status).toBe("not-found");
    const claim = result.attributionClaims[0];
    expect(claim?.namedSources.flatMap((n) => n.sourceIds)).toContain("busse-bmj-2025");
    expect(claim?.support).toBe("unsupported");
    expect(claim?.note).toContain("not in the corpus (quotation 1)");
  });

  it("keep their lexical support when the quotation is verbatim", () => {
    const text =
      'The 2025 BMJ guideline states that "Such interventions should therefore not be offered outside of a clinical trial" [1].';
    const result = verifyText(text, corpus);
    expect(result.quotes[0]?.status).toBe("verbatim");
    expect(result.attributionClaims[0]?.support).not.toBe("unsupported");
  });
});

describe("claims that contradict the recorded stance", () => {
  it("are unsupported when the stated direction is the opposite of the matching passage", () => {
    const result = check(
      "The 2025 BMJ guideline makes a strong recommendation for joint radiofrequency ablation in chronic axial spine pain.",
    );
    expect(result.metadataIssues.map((i) => i.kind)).toContain("direction-mismatch");
    expect(result.attributionClaims[0]?.support).toBe("unsupported");
    expect(result.attributionClaims[0]?.note).toContain("Overruled: direction mismatch");
  });

  it("keep their support when the stated direction agrees", () => {
    const result = check(
      "The 2025 BMJ guideline makes a strong recommendation against joint radiofrequency ablation in chronic axial spine pain.",
    );
    expect(result.metadataIssues.filter((i) => i.kind === "direction-mismatch")).toHaveLength(0);
    expect(result.attributionClaims[0]?.support).toBe("supported");
  });
});
