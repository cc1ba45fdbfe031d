// Seeded inputs for the fuzz script (tools/fuzz.ts) and its short test: mutations of valid tool
// inputs and arbitrary JSON, the same sequence for the same seed.
import {
  REFERENCE_CASE,
  REFERENCE_CODES,
  REFERENCE_LETTER_CONTEXT,
  REFERENCE_QUESTION,
} from "./demo-reference-case.js";

/** mulberry32: a small seeded PRNG, enough for fuzzing (not for anything secret). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const ALPHABET = [
  "a",
  "Z",
  "0",
  "9",
  ".",
  "-",
  "#",
  " ",
  '"',
  "'",
  "“",
  "”",
  "‘",
  "’",
  "«",
  "»",
  ">",
  "\n",
  "\t",
  "\r",
  "\u0000",
  "\u001b",
  "\u007f",
  "\u00a0",
  "\u200b",
  "\u2028",
  "\ud83d\ude00",
  "\ud800",
  "é",
  "ß",
  "≥",
  "%",
  "[1]",
  "(2025)",
  "Busse",
  "NICE",
  "BMJ",
  "et al.",
  "strong recommendation against",
  "RFA",
  "M53.3",
  "64625",
  "J1100",
  "busse-bmj-2025#rec-joint-rfa",
  "corpus://",
  "{",
  "}",
  "\\",
  "__proto__",
  "constructor",
];

export class FuzzInputs {
  private readonly random: () => number;

  constructor(seed: number) {
    this.random = prng(seed);
  }

  int(max: number): number {
    return Math.floor(this.random() * max);
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** A string of pieces: usually short, now and then long (up to 300,000 characters). */
  string(): string {
    const r = this.random();
    if (r < 0.001) return this.pick(["a", " ", '"x" ', "9"]).repeat(150_000 + this.int(150_000));
    const pieces = r < 0.03 ? 50 + this.int(400) : this.int(12);
    let text = "";
    for (let i = 0; i < pieces; i++) text += this.pick(ALPHABET);
    return text;
  }

  number(): number {
    return this.pick([0, -1, 1, 0.5, 1e308, -1e308, 2 ** 53 + 1, 100, 101, 12, -0, 1e-300, 3.14159, 65535]);
  }

  value(depth = 0): Json {
    const r = this.random();
    if (depth > 4 || r < 0.2) return this.string();
    if (r < 0.35) return this.number();
    if (r < 0.42) return this.chance(0.5);
    if (r < 0.47) return null;
    if (r < 0.49) {
      // Deep nesting, within what JSON.parse and the SDK take on one line.
      let deep: Json = "x";
      for (let i = 0, n = 10 + this.int(500); i < n; i++) deep = [deep];
      return deep;
    }
    if (r < 0.7) return Array.from({ length: this.int(6) }, () => this.value(depth + 1));
    const object: Record<string, Json> = {};
    for (let i = 0, n = this.int(6); i < n; i++) object[this.string().slice(0, 40)] = this.value(depth + 1);
    return object;
  }

  /** A copy of a valid input with a few fields changed, removed, added or replaced. */
  mutate(input: Json, rounds = 1 + this.int(4)): Json {
    let copy = structuredClone(input);
    for (let i = 0; i < rounds; i++) copy = this.mutateOnce(copy, 0);
    return copy;
  }

  private mutateOnce(node: Json, depth: number): Json {
    if (node === null || typeof node !== "object" || this.chance(depth === 0 ? 0.02 : 0.25)) {
      return this.chance(0.5) ? this.value(2) : this.pick([this.string(), this.number(), null, [], {}]);
    }
    if (Array.isArray(node)) {
      if (node.length === 0 || this.chance(0.2)) {
        if (this.chance(0.05))
          return Array.from({ length: 100 + this.int(5000) }, () => node[0] ?? this.string());
        return [...node, this.value(2)];
      }
      const at = this.int(node.length);
      if (this.chance(0.2)) return node.filter((_, i) => i !== at);
      node[at] = this.mutateOnce(node[at] as Json, depth + 1);
      return node;
    }
    const keys = Object.keys(node);
    if (keys.length === 0 || this.chance(0.15)) {
      node[
        this.chance(0.5)
          ? this.string().slice(0, 30)
          : this.pick(["units", "side", "policy", "date", "limit", "filters"])
      ] = this.value(2);
      return node;
    }
    const key = this.pick(keys);
    if (this.chance(0.15)) {
      delete node[key];
      return node;
    }
    node[key] = this.mutateOnce(node[key] as Json, depth + 1);
    return node;
  }
}

const CASE = REFERENCE_CASE as unknown as Json;
const CONTEXT = REFERENCE_LETTER_CONTEXT as unknown as Json;

/** Valid inputs per tool, the seeds of the mutations. */
const VALID: Record<string, Json[]> = {
  lookupCodes: [
    { codes: REFERENCE_CODES },
    { query: "sacroiliitis", limit: 5 },
    { codes: ["M53.3"], dateOfService: "2026-03-02" },
  ],
  evaluateSIJointRFA: [
    CASE,
    { ...(CASE as object), request: { services: [{ code: "27096" }], diagnoses: ["M46.1"] } },
  ],
  citeGuideline: [
    { query: REFERENCE_QUESTION },
    { passageId: "busse-bmj-2025#rec-joint-rfa" },
    { sourceId: "nice-ng59", limit: 3 },
    { query: "radiofrequency", filters: { direction: "against", publishedFrom: 2020 } },
  ],
  verifyCitations: [
    {
      text: 'The 2025 BMJ guideline states: "the guideline panel issued strong recommendations against: joint radiofrequency ablation". The 2020 NICE guideline agrees.',
    },
    { text: "Busse et al. (2025) made a strong recommendation for SI joint RFA [1]." },
  ],
  draftDeterminationLetter: [{ case: CASE, context: CONTEXT }],
};

export const FUZZED_TOOLS = Object.keys(VALID);

/** The arguments of the next call to `tool`: mostly mutations of a valid input, some arbitrary. */
export function fuzzArguments(inputs: FuzzInputs, tool: string): Json {
  const valid = VALID[tool] ?? [{}];
  const r = inputs.int(100);
  if (r < 5) return inputs.pick(valid);
  if (r < 15) return inputs.value(0);
  let args = inputs.mutate(inputs.pick(valid));
  // verifyCitations' cost grows with the quotations and claims in its text: keep most texts short.
  if (tool === "verifyCitations" && args && typeof args === "object" && !Array.isArray(args)) {
    const text = args.text;
    if (typeof text === "string" && text.length > 4000 && !inputs.chance(0.002))
      args = { ...args, text: text.slice(0, 4000) };
  }
  return args;
}
