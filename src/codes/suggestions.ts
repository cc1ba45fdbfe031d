import { ICD_SHAPE } from "./code-shapes.js";
import { hcpcsRef, icdRef } from "./code-refs.js";
import { ancestorIndex, billableDescendants } from "./icd10cm-table.js";
import type { CodeData } from "./load-code-data.js";
import type { CodeResult } from "./lookup-result-schema.js";

export type Suggestion = NonNullable<CodeResult["suggestions"]>[number];

const MAX = 5;
const ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** Strings one edit away: a character changed, removed, added, or two neighbours swapped. */
function oneEditAway(code: string, alphabetAt: (position: number) => string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < code.length; i++) {
    for (const ch of alphabetAt(i)) out.add(code.slice(0, i) + ch + code.slice(i + 1));
    out.add(code.slice(0, i) + code.slice(i + 1));
    if (i + 1 < code.length)
      out.add(code.slice(0, i) + (code[i + 1] ?? "") + (code[i] ?? "") + code.slice(i + 2));
  }
  for (let i = 0; i <= code.length; i++)
    for (const ch of alphabetAt(i)) out.add(code.slice(0, i) + ch + code.slice(i));
  out.delete(code);
  return out;
}

/** Typos that keep the category (first 3 characters) and the length rank first. */
function typoRank(input: string, candidate: string): number {
  return (candidate.slice(0, 3) === input.slice(0, 3) ? 0 : 2) + (candidate.length === input.length ? 0 : 1);
}

class Picker {
  readonly list: Suggestion[] = [];
  private readonly seen = new Set<string>();
  add(s: Suggestion): void {
    const key = `${s.system}:${s.code}`;
    if (this.list.length >= MAX || this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(s);
  }
}

function addCategories(data: CodeData, prefix: string, pick: Picker): void {
  const { icd } = data;
  for (const i of icd.categories) {
    if (pick.list.length >= MAX) break;
    if (icd.startsWith(i, prefix)) pick.add({ ...icdRef(data, i), why: `category starting with ${prefix}` });
  }
}

function addIcd(data: CodeData, bare: string, pick: Picker): void {
  const { icd } = data;
  if (bare.length < 3) addCategories(data, bare, pick);
  const ancestor = ancestorIndex(icd, bare);
  if (ancestor >= 0) pick.add({ ...icdRef(data, ancestor), why: "nearest existing ancestor" });
  const typos = [...oneEditAway(bare, (i) => (i === 0 ? LETTERS : ALNUM))]
    .filter((c) => ICD_SHAPE.test(c))
    .map((c) => icd.find(c))
    .filter((i) => i >= 0)
    .sort((a, b) => typoRank(bare, icd.code(a)) - typoRank(bare, icd.code(b)) || a - b);
  for (const i of typos) pick.add({ ...icdRef(data, i), why: "one character different" });
  if (ancestor >= 0) {
    for (const i of billableDescendants(icd, ancestor, MAX).first)
      pick.add({ ...icdRef(data, i), why: "under the same ancestor" });
  }
  addCategories(data, bare.slice(0, 2), pick);
}

/** Up to 5 real ICD-10-CM codes near a code that is not in the release, nearest first. */
export function icdSuggestions(data: CodeData, bare: string): Suggestion[] {
  const pick = new Picker();
  addIcd(data, bare, pick);
  return pick.list;
}

/** Up to 5 real codes near an HCPCS-shaped code missing from the file: HCPCS typos, then ICD-10-CM, then neighbours. */
export function hcpcsSuggestions(data: CodeData, bare: string): Suggestion[] {
  const { hcpcs } = data;
  const pick = new Picker();
  const typos = [...oneEditAway(bare, (i) => (i === 0 ? LETTERS : "0123456789"))]
    .filter((c) => hcpcs.procedures.has(c))
    .sort((a, b) => typoRank(bare, a) - typoRank(bare, b) || (a < b ? -1 : 1));
  for (const c of typos.slice(0, 3)) {
    const entry = hcpcs.procedures.get(c);
    if (entry) pick.add({ ...hcpcsRef(entry), why: "one character different" });
  }
  if (ancestorIndex(data.icd, bare) >= 0) {
    const i = ancestorIndex(data.icd, bare);
    pick.add({ ...icdRef(data, i), why: "read as ICD-10-CM: nearest existing ancestor" });
  }
  let lo = 0;
  let hi = hcpcs.procedureCodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((hcpcs.procedureCodes[mid] ?? "") < bare) lo = mid + 1;
    else hi = mid;
  }
  for (const c of [hcpcs.procedureCodes[lo - 1], hcpcs.procedureCodes[lo]]) {
    const entry = c === undefined ? undefined : hcpcs.procedures.get(c);
    if (entry && entry.code[0] === bare[0]) pick.add({ ...hcpcsRef(entry), why: "next to it in code order" });
  }
  return pick.list;
}
