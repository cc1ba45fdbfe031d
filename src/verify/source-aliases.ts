/**
 * How texts name the corpus sources. The first source id of an alias is the one meant when a year or
 * edition is checked; the others are searched too when scoring support. Authors' surnames and DOIs are
 * taken from the corpus itself (source-index.ts), so ingested sources are found without an alias.
 */
export interface SourceAlias {
  /** Readable name of the alias, shown in findings. */
  name: string;
  pattern: RegExp;
  sourceIds: readonly string[];
  /** When this matches anywhere in the sentence, the alias does not apply (a more specific alias does). */
  unless?: RegExp;
  /** The alias applies only to a sentence this matches. */
  when?: RegExp;
}

/** NGS names its FAQ answers in a sentence that speaks of a FAQ, else its LCD and FAQ. */
const NGS = /\bNGS\b|National Government Services/;
const FAQ = /\bFAQs?\b/;
const NMA_CONTEXT = /\bnetwork meta-analys[ie]s\b|\bNMA\b|\bsystematic review\b|\bWang\b/i;

export const SOURCE_ALIASES: readonly SourceAlias[] = [
  {
    name: "BMJ 2025 guideline",
    pattern: /\b(?:The )?BMJ\b(?: Rapid Recommendations?)?|\bRapid Recommendations?\b|\bMAGIC\b/g,
    sourceIds: ["busse-bmj-2025"],
    unless: NMA_CONTEXT,
  },
  {
    name: "BMJ 2025 network meta-analysis",
    pattern:
      /\bBMJ\b(?=[^.]*\b(?:network meta-analys[ie]s|NMA|systematic review)\b)|\bnetwork meta-analys[ie]s\b|\bNMA\b/g,
    sourceIds: ["wang-bmj-2025-nma"],
  },
  {
    name: "NICE quality standard QS155",
    pattern: /\bQS ?155\b|\bNICE quality standard\b/g,
    sourceIds: ["nice-qs155"],
  },
  {
    name: "NICE guideline NG59",
    pattern: /\bNG ?59\b|\bNICE\b|National Institute for Health and Care Excellence/g,
    sourceIds: ["nice-ng59", "nice-qs155"],
    unless: /\bQS ?155\b|\bquality standard\b/i,
  },
  {
    name: "ACR/SAA/SPARTAN 2019",
    pattern: /American College of Rheumatology|\bACR\b|Spondylitis Association of America|\bSPARTAN\b/g,
    sourceIds: ["acr-saa-spartan-2019"],
  },
  {
    name: "PM&R 2023 synthesis",
    pattern: /\bPM&R\b|\bPM and R\b/g,
    sourceIds: ["olivier-pmr-2023"],
  },
  {
    name: "ACP 2017 guideline",
    pattern: /American College of Physicians|\bACP\b/g,
    sourceIds: ["acp-qaseem-2017"],
  },
  {
    name: "WHO 2023 guideline",
    pattern: /World Health Organi[sz]ation|\bWHO\b/g,
    sourceIds: ["who-2023-cplbp"],
  },
  {
    name: "multisociety SI joint consensus (RAPM 2025)",
    pattern: /\bRAPM\b|Regional Anesthesia (?:&|and) Pain Medicine|\bASRA\b/g,
    sourceIds: ["mccormick-rapm-2025-sijcp"],
  },
  {
    name: "American Academy of Pain Medicine",
    pattern: /American Academy of Pain Medicine|\bAAPM\b/g,
    sourceIds: ["mccormick-rapm-2025-sijcp", "aapm-lcd-alert-2023"],
  },
  {
    name: "ASPN 2024 guideline",
    pattern: /\bASPN\b|American Society of Pain and Neuroscience/g,
    sourceIds: ["aspn-sayed-2024-si"],
  },
  {
    name: "Cochrane review",
    pattern: /\bCochrane\b/g,
    sourceIds: ["cochrane-maas-2015"],
  },
  {
    name: "Medicare SI joint LCDs",
    pattern:
      /\bLCDs?\b|Local Coverage Determinations?|\bL39(?:383|402|455|462|464|475)\b|\bMedicare\b(?! Advantage)|\bMACs?\b|\bPalmetto\b|\bNoridian\b|\bCGS\b|\bWPS\b/g,
    // The summary of the six LCDs and L39455's own words (the others share its text).
    sourceIds: ["cms-lcd-sij-2023", "cms-lcd-l39455"],
  },
  {
    name: "NGS Medicare FAQs",
    pattern:
      /\b(?:NGS|National Government Services)(?:['’]s?)?(?:\s+Medicare)?\s+FAQs?\b|\bNGS\b|National Government Services|\bFAQs?\b/g,
    sourceIds: ["ngs-sij-faq"],
    when: /^(?=[^]*(?:\bNGS\b|National Government Services))(?=[^]*\bFAQs?\b)/,
  },
  {
    name: "National Government Services (NGS)",
    pattern: new RegExp(NGS.source, "g"),
    // The contractor's LCD and its FAQ answers.
    sourceIds: ["cms-lcd-sij-2023", "cms-lcd-l39455", "ngs-sij-faq"],
    unless: FAQ,
  },
  {
    name: "multisociety response to the BMJ guideline",
    pattern:
      /International Pain and Spine Intervention Society|\bIPSIS\b|\b(?:34|[Tt]hirty-four) (?:medical )?(?:professional )?societies\b|\bmultisociety (?:response|statement)\b/g,
    sourceIds: ["society-responses-bmj-2025"],
  },
  {
    name: "Aetna CPB 0016",
    pattern: /\bAetna\b|\bCPB 0?016\b/g,
    sourceIds: ["aetna-cpb-0016"],
  },
  {
    name: "eviCore / Cigna CMM-203/208",
    pattern: /\beviCore\b|\bCigna\b|\bEvernorth\b|\bCMM-?20[38]\b/g,
    sourceIds: ["evicore-cmm-203-208"],
  },
  {
    name: "UnitedHealthcare policy",
    pattern: /United ?Healthcare|\bUHC\b/g,
    sourceIds: ["uhc-ablative-spinal-pain"],
  },
  {
    name: "BCBS Alabama MP-558",
    pattern: /Blue Cross(?: and| &)? Blue Shield|\bBCBS\w*\b|\bMP-?558\b/g,
    sourceIds: ["bcbsal-mp-558"],
  },
  {
    name: "HealthPartners policy",
    pattern: /\bHealthPartners\b/g,
    sourceIds: ["healthpartners-rfa"],
  },
  {
    name: "AoMRC Evidence-Based Interventions",
    pattern: /Academy of Medical Royal Colleges|\bAoMRC\b|Evidence-Based Interventions|\bEBI\b/g,
    sourceIds: ["aomrc-ebi-lbp"],
  },
  {
    name: "NHS Humber and North Yorkshire policy",
    pattern: /Humber and North Yorkshire|\bHNY\b/g,
    sourceIds: ["nhs-hny-lumbar-rfd"],
  },
];

/** Every alias target must exist in the corpus (a start-up check). */
export function aliasProblems(sourceIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const alias of SOURCE_ALIASES) {
    for (const id of alias.sourceIds) {
      if (!sourceIds.has(id))
        problems.push(`verifyCitations alias "${alias.name}" names unknown source "${id}"`);
    }
  }
  return problems;
}
