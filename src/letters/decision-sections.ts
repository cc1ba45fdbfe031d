import type { Corpus } from "../corpus/store.js";
import type { CriterionResult, ServiceResult } from "../engine/evaluation-schema.js";
import { recordedStance } from "../verify/stance.js";
import { explainCode } from "./code-explanations.js";
import { bullets, capitalise, joinSentences, section, sentenceList, type Compose } from "./compose.js";
import { factPhrases } from "./fact-phrases.js";
import type { Section } from "./letter-schema.js";

const DECISION_WORDS: Record<ServiceResult["determination"], (c: Compose) => string> = {
  "not-medically-necessary": () =>
    "Not approved (denied): the information we have does not show that it is medically necessary for you",
  "medically-necessary": () => "Approved",
  "insufficient-information": () => "No decision yet: we need more information (this is not a denial)",
  "not-applicable": () =>
    "No decision under this policy: a clinician will review this service individually (this is not a denial)",
};

function decisionWord(c: Compose, s: ServiceResult): string {
  // A request for information never denies anything, even a service the engine found not medically necessary.
  if (c.type === "request-for-information" && s.determination === "not-medically-necessary") {
    return "No decision yet: it will be decided together with the rest of your request once we have the information below (this is not a denial)";
  }
  return DECISION_WORDS[s.determination](c);
}

export function decisionSection(c: Compose): Section {
  const lines = c.ev.services.map(
    (s) => `${capitalise(explainCode(c, s.code).text)}: ${decisionWord(c, s)}.`,
  );
  return section("decision", "Our decision", [bullets(lines)]);
}

function criteriaOf(c: Compose, code: string): CriterionResult[] {
  return c.ev.criteria.filter((k) => k.service === code);
}

/** The documented facts of some criteria, in plain words; never a fact the request's own codes contradict. */
function documentedFacts(
  c: Compose,
  criteria: readonly CriterionResult[],
  statuses: readonly string[],
): string[] {
  const contradicted = new Set(c.ev.contradictions.map((x) => x.fact));
  return factPhrases(
    c.family.factByName,
    criteria
      .filter((k) => statuses.includes(k.status))
      .flatMap((k) => Object.entries(k.facts))
      .filter(([name]) => !contradicted.has(name)),
  );
}

/** What the governing evidence says, in plain words, from its recorded strength, direction and type. */
function basisSentence(corpus: Corpus, s: ServiceResult): string | undefined {
  const phrases = s.evidence.governing.flatMap((id) => {
    const passage = corpus.passages.get(id);
    const source = passage ? corpus.sources.get(passage.sourceId) : undefined;
    if (!passage || !source) return [];
    const stance = recordedStance(passage);
    const name = `${source.shortTitle ?? source.title} (${source.year ?? "undated"})`;
    if (source.type === "coverage-policy") {
      return stance.direction === "against" ? [`the coverage policy ${name} does not cover it`] : [];
    }
    if (stance.direction === "against")
      return [`${name} makes a ${stance.strength ?? ""} recommendation against it`.replace("a  ", "a ")];
    if (stance.direction === "for")
      return [`${name} makes a ${stance.strength ?? ""} recommendation for it`.replace("a  ", "a ")];
    return [];
  });
  const unique = [...new Set(phrases)];
  return unique.length
    ? `For people in your situation, ${sentenceList(unique)}; our policy follows this evidence.`
    : undefined;
}

function serviceReason(c: Compose, s: ServiceResult): string {
  const name = capitalise(explainCode(c, s.code).text);
  const criteria = criteriaOf(c, s.code);
  const deciding = criteria.filter((k) => k.role !== "informative");
  const informative = criteria.filter((k) => k.role === "informative" && k.status === "met");
  const shown = documentedFacts(c, deciding, ["met", "not-met"]);
  const facts = shown.length ? `Your records show that ${sentenceList(shown)}.` : "";
  const alsoFacts = documentedFacts(c, informative, ["met"]);
  const also = alsoFacts.length
    ? `We also considered that ${sentenceList(alsoFacts)}. Under the policy this information does not change the decision.`
    : "";
  switch (s.determination) {
    case "not-medically-necessary": {
      if (c.type === "request-for-information") {
        return [`${name}:`, facts, "We will decide this service once we have the information listed below."]
          .filter((p) => p.length > 0)
          .join(" ");
      }
      const basis = basisSentence(c.corpus, s) ?? `The policy's reason: ${joinSentences(s.reasons)}`;
      const unmet = deciding.filter((k) => k.status === "not-met").map((k) => k.statement);
      const unmetText = unmet.length ? `The policy requirement not met: ${sentenceList(unmet)}.` : "";
      return [`${name}:`, facts, basis, unmetText, also].filter((p) => p.length > 0).join(" ");
    }
    case "medically-necessary": {
      const met = deciding.filter((k) => k.status === "met").map((k) => k.statement);
      const meets = met.length ? `These meet the policy's requirements: ${sentenceList(met)}.` : "";
      return [`${name}:`, facts, meets].filter((p) => p.length > 0).join(" ");
    }
    case "insufficient-information": {
      const unknown = deciding.filter((k) => k.status === "unknown").map((k) => k.statement);
      const gap = `We cannot decide yet because your records do not show whether: ${sentenceList(unknown) || "see the list below"}.`;
      return [`${name}:`, facts, gap].filter((p) => p.length > 0).join(" ");
    }
    case "not-applicable":
      return `${name}: this request falls outside what this policy can decide, so a clinician will review it individually. ${joinSentences(s.reasons)}`.trim();
  }
}

export function reasonSection(c: Compose): Section {
  return section(
    "reason",
    c.type === "approval"
      ? "Why we approved"
      : c.type === "denial"
        ? "Why we made this decision"
        : "Where your request stands",
    c.ev.services.map((s) => serviceReason(c, s)),
  );
}
