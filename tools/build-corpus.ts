/**
 * Build corpus/evidence/sources/<source id>.json from the evidence source file
 * (data/upstream/evidence/evidence-sources.json), keeping every source and passage id and every quote
 * exactly, then rewrite corpus/manifest.json.
 *
 *   npm run build-corpus [-- --from FILE] [-- --corpus DIR]
 *
 * Output is deterministic: the same input gives byte-identical files. Files from an earlier build
 * whose source left the evidence source file are removed; ingested PDFs are left alone. Files built
 * here carry the origin kind "shared-evidence" (the corpus's name for this file's evidence).
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { sha256Hex } from "../src/corpus/manifest.js";
import { DirectionSchema } from "../src/corpus/schemas.js";
import type { EvidenceFile, Passage, Source, SourceType } from "../src/corpus/schemas.js";
import { corpusDir } from "../src/util/package-root.js";
import {
  evidenceFilesOfKind,
  removeEvidenceFile,
  writeEvidenceFile,
  writeManifest,
} from "./corpus-writer.js";
import { UPSTREAM_FILES } from "./upstream.js";

const SourceFilePassageSchema = z.object({
  id: z.string(),
  section: z.string(),
  quote: z.string(),
  strength: z.string().nullable(),
  certainty: z.string().nullable(),
  direction: DirectionSchema.nullable(),
  population: z.string().nullable(),
  intervention: z.string().nullable(),
  seenAt: z.string(),
  seenAtKind: z.enum(["publisher", "repository", "copy", "secondary"]),
});
const SourceFileSourceSchema = z.object({
  id: z.string(),
  title: z.string(),
  authors: z.array(z.string()),
  organisation: z.string(),
  year: z.number().int().nullable(),
  published: z.string(),
  doi: z.string().nullable(),
  pmid: z.string().nullable(),
  url: z.string().nullable(),
  licence: z.string().nullable(),
  type: z.string(),
  quality_note: z.string().nullable(),
  passages: z.array(SourceFilePassageSchema),
});
type SourceFileSource = z.infer<typeof SourceFileSourceSchema>;

/**
 * Editorial metadata the evidence source file does not carry as fields, taken from its quality notes
 * and its README: the method behind each source, a short name for attributions and, for the file's
 * type "consensus", which of the corpus types it is (a Delphi consensus guideline, or an advocacy /
 * position statement that reviews no evidence).
 */
const EDITORIAL: Record<string, { method: string; shortTitle: string; type?: SourceType }> = {
  "busse-bmj-2025": {
    method: "GRADE",
    shortTitle: "BMJ Rapid Recommendation on interventional procedures for chronic spine pain",
  },
  "wang-bmj-2025-nma": {
    method: "network meta-analysis (systematic review of randomised trials; GRADE certainty)",
    shortTitle: "BMJ network meta-analysis of interventional procedures for chronic spine pain",
  },
  "nice-ng59": {
    method: "NICE guideline methods (systematic evidence review; strength conveyed by wording)",
    shortTitle: "NICE guideline NG59 (low back pain and sciatica)",
  },
  "nice-qs155": {
    method: "NICE quality standard (derived from NG59; no new evidence review)",
    shortTitle: "NICE quality standard QS155, statement 6",
  },
  "aomrc-ebi-lbp": {
    method: "coverage policy (NHS commissioning guidance implementing NICE NG59)",
    shortTitle: "AoMRC Evidence-Based Interventions guidance on low back pain injections and lumbar RFD",
  },
  "nhs-hny-lumbar-rfd": {
    method: "coverage policy (NHS local commissioning policy)",
    shortTitle: "NHS Humber and North Yorkshire lumbar radiofrequency denervation policy",
  },
  "acr-saa-spartan-2019": {
    method: "GRADE",
    shortTitle: "ACR/SAA/SPARTAN 2019 recommendations for axial spondyloarthritis",
  },
  "olivier-pmr-2023": {
    method: "systematic review of clinical practice guidelines (AGREE-appraised)",
    shortTitle: "PM&R 2023 synthesis of guidelines on interventional low back pain care",
  },
  "acp-qaseem-2017": {
    method: "ACP guideline grading system (systematic review; strong/weak recommendations)",
    shortTitle: "ACP 2017 guideline on noninvasive treatments for low back pain",
  },
  "who-2023-cplbp": {
    method: "GRADE",
    shortTitle: "WHO 2023 guideline on chronic primary low back pain",
  },
  "mccormick-rapm-2025-sijcp": {
    method: "modified Delphi",
    shortTitle: "multisociety consensus practice guidelines on sacroiliac joint complex pain (RAPM 2025)",
    type: "consensus-statement",
  },
  "aspn-sayed-2024-si": {
    method: "society best-practice guideline (non-GRADE evidence grading, UNVERIFIED)",
    shortTitle: "ASPN 2024 best practice guideline for sacroiliac disorders",
  },
  "cochrane-maas-2015": {
    method: "systematic review (Cochrane)",
    shortTitle: "Cochrane review of radiofrequency denervation for chronic low back pain",
  },
  "cms-lcd-sij-2023": {
    method: "coverage policy (LCD)",
    shortTitle: "Medicare LCDs 'Sacroiliac Joint Injections and Procedures'",
  },
  "aapm-lcd-alert-2023": {
    method: "advocacy statement (not an evidence review)",
    shortTitle: "AAPM practice alert on the Medicare SI joint LCD",
    type: "position-statement",
  },
  "society-responses-bmj-2025": {
    method: "position statement (not an evidence review)",
    shortTitle: "multisociety response to the BMJ 2025 spine pain guideline",
    type: "position-statement",
  },
  "aetna-cpb-0016": {
    method: "coverage policy (commercial payer)",
    shortTitle: "Aetna CPB 0016 'Back Pain - Invasive Procedures'",
  },
  "evicore-cmm-203-208": {
    method: "coverage policy (commercial payer guideline)",
    shortTitle: "eviCore CMM-203 / CMM-208 guidelines",
  },
  "uhc-ablative-spinal-pain": {
    method: "coverage policy (commercial payer)",
    shortTitle: "UnitedHealthcare policy 'Ablative Treatment for Spinal Pain' (2014-2016 versions)",
  },
  "bcbsal-mp-558": {
    method: "coverage policy (commercial payer)",
    shortTitle: "BCBS of Alabama medical policy MP-558",
  },
  "healthpartners-rfa": {
    method: "coverage policy (commercial payer)",
    shortTitle: "HealthPartners policy on RFA denervation procedures",
  },
};

/** Fields the evidence source file sets to null are left out; everything else is copied verbatim. */
function present<T>(value: T | null): T | undefined {
  return value === null ? undefined : value;
}

function toSource(from: SourceFileSource): Source {
  const editorial = EDITORIAL[from.id];
  if (!editorial) throw new Error(`${from.id}: no method / short title in EDITORIAL; add one`);
  const type = editorial.type ?? from.type;
  if (from.type === "consensus" && !editorial.type) {
    throw new Error(`${from.id}: source file type "consensus" needs an explicit corpus type in EDITORIAL`);
  }
  return {
    id: from.id,
    title: from.title,
    shortTitle: editorial.shortTitle,
    authors: from.authors,
    organisation: from.organisation,
    year: present(from.year),
    published: from.published,
    doi: present(from.doi),
    pmid: present(from.pmid),
    url: present(from.url),
    licence: present(from.licence),
    type: type as SourceType,
    method: editorial.method,
    qualityNote: present(from.quality_note),
  };
}

function toPassage(sourceId: string, from: SourceFileSource["passages"][number]): Passage {
  return {
    id: from.id,
    sourceId,
    section: from.section,
    text: from.quote,
    provenance: { seenAt: from.seenAt, seenAtKind: from.seenAtKind },
    direction: present(from.direction),
    strength: present(from.strength),
    certainty: present(from.certainty),
    population: present(from.population),
    intervention: present(from.intervention),
  };
}

/** Convert the evidence source file's bytes into evidence files (validated by the server's schemas). */
export function evidenceFromSourceFile(bytes: Buffer, fileName: string): EvidenceFile[] {
  const sources = z.array(SourceFileSourceSchema).parse(JSON.parse(bytes.toString("utf8")));
  const origin = { kind: "shared-evidence" as const, file: fileName, sha256: sha256Hex(bytes) };
  return sources.map((s) => ({
    origin,
    source: toSource(s),
    passages: s.passages.map((p) => toPassage(s.id, p)),
  }));
}

function option(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  if (at < 0) return undefined;
  const value = argv[at + 1];
  if (!value) throw new Error(`${name} needs a value`);
  return value;
}

/** Rebuild the shared-evidence files of a corpus folder from the evidence source file, then its manifest. */
export function buildCorpus(
  from: string,
  corpus: string,
): { sources: number; passages: number; version: string } {
  const files = evidenceFromSourceFile(readFileSync(from), basename(from));
  const keep = new Set(files.map((f) => `${f.source.id}.json`));
  for (const stale of evidenceFilesOfKind(corpus, "shared-evidence")) {
    if (!keep.has(stale)) removeEvidenceFile(corpus, stale);
  }
  for (const file of files) writeEvidenceFile(corpus, file);
  const manifest = writeManifest(corpus);
  const passages = files.reduce((n, f) => n + f.passages.length, 0);
  return { sources: files.length, passages, version: manifest.version };
}

function main(argv: string[]): void {
  const from = option(argv, "--from") ?? UPSTREAM_FILES.evidence;
  const corpus = option(argv, "--corpus") ?? corpusDir();
  const built = buildCorpus(from, corpus);
  console.error(
    `built ${built.sources} sources, ${built.passages} passages from ${from}; corpus version ${built.version}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
