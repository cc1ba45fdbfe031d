import { hcpcsRef, icdRef } from "./code-refs.js";
import type { CodeData } from "./load-code-data.js";
import type { CodeRef, SearchMatch } from "./lookup-result-schema.js";
import { SearchIndex, queryWords } from "./search-index.js";

/** Docs: ICD-10-CM entries (CMS order), then HCPCS procedures (code order), then our CPT summaries. */
class CodeSearch {
  readonly index: SearchIndex;
  private readonly icdCount: number;
  private readonly hcpcsCodes: string[];
  private readonly cptCodes: string[];

  constructor(private readonly data: CodeData) {
    this.icdCount = data.icd.size;
    this.hcpcsCodes = data.hcpcs.procedureCodes;
    this.cptCodes = [...data.cptDescriptions.keys()];
    const count = this.icdCount + this.hcpcsCodes.length + this.cptCodes.length;
    this.index = new SearchIndex(
      count,
      (doc) => this.text(doc),
      (doc) => this.code(doc),
    );
  }

  private code(doc: number): string {
    if (doc < this.icdCount) return this.data.icd.code(doc);
    const h = doc - this.icdCount;
    return h < this.hcpcsCodes.length
      ? (this.hcpcsCodes[h] ?? "")
      : (this.cptCodes[h - this.hcpcsCodes.length] ?? "");
  }

  private text(doc: number): string {
    if (doc < this.icdCount) return this.data.icd.title(doc);
    const code = this.code(doc);
    return this.data.hcpcs.procedures.get(code)?.longDescription ?? this.data.cptDescriptions.get(code) ?? "";
  }

  ref(doc: number): CodeRef {
    if (doc < this.icdCount) return icdRef(this.data, doc);
    const code = this.code(doc);
    const entry = this.data.hcpcs.procedures.get(code);
    if (entry) return hcpcsRef(entry);
    return { code, system: "CPT", description: this.data.cptDescriptions.get(code) ?? "" };
  }
}

const built = new WeakMap<CodeData, CodeSearch>();

/** Ranked matches for a free-text query (order: see SearchIndex), and how many matched at all. The index is built on first use. */
export function searchCodes(
  data: CodeData,
  query: string,
  limit: number,
): { matches: SearchMatch[]; total: number } {
  const words = queryWords(query);
  if (words.length === 0) return { matches: [], total: 0 };
  let search = built.get(data);
  if (!search) {
    search = new CodeSearch(data);
    built.set(data, search);
  }
  const { hits, total } = search.index.search(words, limit);
  const matches = hits.map(({ doc, matched, exact }) => ({
    ...search.ref(doc),
    score: Math.round((matched + exact / (words.length + 1)) * 1000) / 1000,
  }));
  return { matches, total };
}
