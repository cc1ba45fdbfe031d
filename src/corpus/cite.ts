import { closestIds } from "./closest-ids.js";
import type { CiteGuidelineInput, CiteGuidelineOutput, CiteGuidelineResult } from "./cite-guideline-schema.js";
import type { Corpus } from "./load-evidence.js";
import type { Passage } from "./schemas.js";
import { matchesFilters, searchPassages } from "./search.js";
import { citationFor } from "./store.js";
import { passageUri } from "./uris.js";

export const DEFAULT_LIMIT = 5;

export type CiteOutcome = { ok: true; output: CiteGuidelineOutput } | { ok: false; message: string };

function resultOf(corpus: Corpus, passage: Passage, score?: number): CiteGuidelineResult {
  const source = corpus.sources.get(passage.sourceId);
  if (!source) throw new Error(`passage "${passage.id}" names unknown source "${passage.sourceId}"`);
  const citation = citationFor(corpus, passage.id);
  return {
    passageId: passage.id,
    sourceId: source.id,
    quote: citation.quote,
    section: passage.section,
    page: passage.page,
    pageLabel: passage.pageLabel,
    locator: citation.locator,
    provenance: citation.provenance,
    direction: passage.direction,
    strength: passage.strength,
    certainty: passage.certainty,
    population: passage.population,
    intervention: passage.intervention,
    source,
    citation: citation.citation,
    score,
    resourceUri: passageUri(passage.id),
  };
}

function unknown(field: string, id: string, known: Iterable<string>): CiteOutcome {
  const near = closestIds(id, known);
  return {
    ok: false,
    message: `${field}: no ${field === "passageId" ? "passage" : "source"} has the id ${JSON.stringify(id)}; expected a known id. Closest ids: ${near.join(", ")}.`,
  };
}

/** Resolve a citeGuideline request against the corpus (input already validated by its schema). */
export function citeGuideline(corpus: Corpus, input: CiteGuidelineInput): CiteOutcome {
  const given = (["passageId", "sourceId", "query"] as const).filter((k) => input[k] !== undefined);
  if (given.length !== 1) {
    return {
      ok: false,
      message: `expected exactly one of passageId, sourceId or query, received ${given.length === 0 ? "none" : given.join(" and ")}`,
    };
  }
  const limit = input.limit ?? DEFAULT_LIMIT;
  const filters = input.filters ?? {};
  const { publishedFrom, publishedTo } = filters;
  if (publishedFrom !== undefined && publishedTo !== undefined && publishedFrom > publishedTo) {
    return {
      ok: false,
      message: `filters.publishedFrom: expected a year not after filters.publishedTo (${publishedTo}), received ${publishedFrom}`,
    };
  }
  const base = { corpusVersion: corpus.version };

  if (input.passageId !== undefined) {
    if (input.filters) {
      return { ok: false, message: "filters: filters narrow a query or sourceId look-up; remove them when asking for one passageId" };
    }
    const passage = corpus.passages.get(input.passageId);
    if (!passage) return unknown("passageId", input.passageId, corpus.passages.keys());
    return { ok: true, output: { ...base, lookup: "passageId", results: [resultOf(corpus, passage)], total: 1 } };
  }

  if (input.sourceId !== undefined) {
    const source = corpus.sources.get(input.sourceId);
    if (!source) return unknown("sourceId", input.sourceId, corpus.sources.keys());
    const matching = corpus.passagesOf(source.id).filter((p) => matchesFilters(p, source, filters));
    return {
      ok: true,
      output: {
        ...base,
        lookup: "sourceId",
        results: matching.slice(0, limit).map((p) => resultOf(corpus, p)),
        total: matching.length,
      },
    };
  }

  const query = (input.query ?? "").trim();
  if (query.length === 0) {
    return { ok: false, message: `query: expected words to search for, received ${JSON.stringify(input.query)}` };
  }
  const hits = searchPassages(corpus, query, filters);
  return {
    ok: true,
    output: {
      ...base,
      lookup: "query",
      query,
      results: hits.slice(0, limit).map((h) => resultOf(corpus, h.passage, h.score)),
      total: hits.length,
    },
  };
}
