import type { Citation } from "../corpus/citation.js";
import type { CriterionResult, FactValue, ServiceResult } from "../engine/evaluation-schema.js";
import { bullets, capitalise, section, sentence, type Compose } from "./compose.js";
import { factPhrases } from "./fact-phrases.js";
import { serviceNames } from "./header-section.js";
import type { Section } from "./letter-schema.js";

/** At most this many documented facts are restated in the reason. */
const MAX_FACTS = 6;

function decisionWord(c: Compose, s: ServiceResult): string {
  if (c.type === "request-for-information" && s.determination !== "insufficient-information") {
    // A request for information never denies or approves anything: the whole request waits.
    return "no decision yet. We will decide it with the rest of your request. This is not a denial.";
  }
  switch (s.determination) {
    case "not-medically-necessary":
      return "**not approved** (denied).";
    case "medically-necessary":
      return "**approved**.";
    case "insufficient-information":
      return "no decision yet. We need more records. This is not a denial.";
    case "not-applicable":
      return "no decision yet. A doctor will review it on its own. This is not a denial.";
  }
}

export function decisionSection(c: Compose): Section {
  const names = serviceNames(c);
  const lines = c.ev.services.map((s, i) => {
    const n = names[i];
    return `${capitalise(n?.short ?? s.code)} (${n?.system ?? ""} ${n?.code ?? s.code}): ${decisionWord(c, s)}`;
  });
  return section("decision", "Our decision", [bullets(lines)]);
}

function criteriaOf(c: Compose, index: number): CriterionResult[] {
  const code = c.ev.services[index]?.code;
  return c.ev.criteria.filter((k) => k.service === code);
}

/** The facts that decided: the deciding criteria with the status that matters, never a fact the codes contradict. */
function decidingFacts(c: Compose): string[] {
  const contradicted = new Set(c.ev.contradictions.map((x) => x.fact));
  const entries = c.ev.services.flatMap((s, i) => {
    const criteria = criteriaOf(c, i).filter((k) => k.role !== "informative");
    const wanted =
      s.determination === "not-medically-necessary"
        ? criteria.filter((k) => k.status === "not-met" || (k.role === "applicability" && k.status === "met"))
        : criteria.filter((k) => k.status === "met");
    return wanted.flatMap((k) => Object.entries(k.facts));
  });
  // A derived figure such as 52.176 weeks is stated to one decimal place.
  const round = (v: FactValue): FactValue => (typeof v === "number" ? Math.round(v * 10) / 10 : v);
  return factPhrases(
    c.family.factByName,
    entries.filter(([name]) => !contradicted.has(name)).map(([n, v]) => [n, round(v)] as [string, FactValue]),
  ).slice(0, MAX_FACTS);
}

function unmetRequirements(c: Compose, index: number): string[] {
  return criteriaOf(c, index)
    .filter((k) => k.role === "requirement" && k.status === "not-met")
    .map((k) => c.letters.wording.requirements.get(k.id) ?? "")
    .filter((t) => t.length > 0);
}

function serviceReason(c: Compose, s: ServiceResult, index: number): string {
  const n = serviceNames(c)[index];
  const name = `**${capitalise(n?.short ?? s.code)} (${n?.code ?? s.code}).**`;
  if (c.type === "request-for-information" && s.determination !== "insufficient-information") {
    return `${name} We will decide this once we have the records listed below.`;
  }
  const words = s.pathway ? c.letters.wording.pathways.get(s.pathway.id) : undefined;
  switch (s.determination) {
    case "not-medically-necessary": {
      const unmet = unmetRequirements(c, index);
      const text = (unmet.length ? words?.denied : undefined) ?? words?.text;
      const said = `${name} ${text ?? "Our policy does not cover this service for your situation."}`;
      return unmet.length ? `${said}\n${bullets(unmet.map(sentence))}` : said;
    }
    case "medically-necessary":
      return `${name} ${words?.text ?? "Your records show what our policy asks for."}`;
    case "insufficient-information":
      return `${name} We need more records before we can decide. The list is below.`;
    case "not-applicable":
      return `${name} ${words?.text ?? "This policy does not cover this service, so a doctor will review it on its own."}`;
  }
}

/** The one quotation a member letter makes: the governing recommendation of the first denied service. */
export function governingQuote(c: Compose): Citation | undefined {
  if (c.type !== "denial") return undefined;
  const index = c.ev.services.findIndex((s) => s.determination === "not-medically-necessary");
  const denied = c.ev.services[index];
  // One short quotation: at most 40 words, whole (no leading ellipsis), without quotation marks of its own.
  const quotable = (q: Citation | undefined) =>
    q && !/["“”‘]/.test(q.quote) && !q.quote.startsWith("…") && q.quote.split(/\s+/).length <= 40;
  // A requirement not met: the rule's own words for it; otherwise the governing recommendation.
  const unmet = criteriaOf(c, index).filter((k) => k.role === "requirement" && k.status === "not-met");
  const fromRule = unmet.flatMap((k) => k.citations).find(quotable);
  if (unmet.length) return fromRule;
  for (const id of denied?.evidence.governing ?? []) {
    const citation = c.ev.governingEvidence.find((g) => g.passageId === id);
    if (quotable(citation)) return citation;
  }
  return undefined;
}

export function reasonSection(c: Compose, quote: Citation | undefined): Section {
  const facts = decidingFacts(c);
  const informative = c.ev.criteria.some((k) => k.role === "informative" && k.status === "met");
  const source = quote ? c.corpus.sources.get(quote.sourceId) : undefined;
  return section(
    "reason",
    c.type === "approval"
      ? "Why we approved"
      : c.type === "denial"
        ? "Why we made this decision"
        : "Where your request stands",
    [
      facts.length ? `Your records show that:\n${bullets(facts.map(sentence))}` : "",
      ...c.ev.services.map((s, i) => serviceReason(c, s, i)),
      informative && c.type === "denial"
        ? "We also looked at your exam tests and any earlier shots or treatments. They do not change this decision."
        : "",
      quote && source
        ? `${source.type === "coverage-policy" ? "The coverage rule says" : `The ${source.year ?? ""} guideline says`.replace("  ", " ")}: “${quote.quote}”`
        : "",
    ],
  );
}
