// The calls the bench makes: the round trips it times, and the fixed calls whose answers it counts
// in tokens (issue 11's "Done when"). Every call uses the tools' public inputs; `detail` is added
// only when the tool's listed input schema has it (bench/tokens.ts, takesDetail).
import type { LetterContext } from "../src/letters/context-schema.js";
import {
  REFERENCE_CASE,
  REFERENCE_CODES,
  REFERENCE_LETTER_CONTEXT,
  REFERENCE_QUESTION,
} from "../tools/demo-reference-case.js";

export interface Call {
  name: string;
  arguments: Record<string, unknown>;
}

export const ECHO: Call = { name: "echo", arguments: { message: "ping" } };

export const LOOKUP_CODES = [...REFERENCE_CODES, "M46.1", "S33.6XXA", "27096", "G0260", "M47.816", "M54.50"];

/** lookupCodes with 10 codes, a lookupCodes search, evaluateSIJointRFA on the reference case. */
export const TIMED_CALLS = {
  lookup: { name: "lookupCodes", arguments: { codes: LOOKUP_CODES } },
  search: { name: "lookupCodes", arguments: { query: "sacroiliitis" } },
  evaluate: { name: "evaluateSIJointRFA", arguments: REFERENCE_CASE },
} as const satisfies Record<string, Call>;

/** The seed document the verifyCitations tests check (test/contract/verify-citations.test.ts). */
export const SEED_DOCUMENT = ["test", "fixtures", "texts", "seed-000.txt"] as const;

/** The passages that govern the reference case: both summary forms must quote them verbatim. */
export const REFERENCE_GOVERNING = ["busse-bmj-2025#rec-joint-rfa", "busse-bmj-2025#rec-joint-injection"];

/** The reference case's two determinations (test/golden): both summary forms must state them. */
export const REFERENCE_DETERMINATIONS = [
  { code: "64625", determination: "not-medically-necessary" },
  { code: "J1100", determination: "not-medically-necessary" },
] as const;

/**
 * Twenty services (the most the case schema takes): every code of the SI joint family, codes out of
 * scope, injectates that are not, image guidance. The contract tests use the same list.
 */
export const TWENTY_SERVICE_CODES = [
  "64625",
  "27096",
  "G0260",
  "64451",
  "0232T",
  "J1100",
  "J1094",
  "J1010",
  "J1020",
  "J1030",
  "J1040",
  "J3300",
  "J3301",
  "J0702",
  "J0670",
  "64635",
  "62323",
  "77003",
  "J2001",
  "J7325",
] as const;

/** A request with the twenty services on the reference case's facts. */
export const TWENTY_SERVICES = {
  ...REFERENCE_CASE,
  request: {
    diagnoses: REFERENCE_CASE.request.diagnoses,
    services: TWENTY_SERVICE_CODES.map((code) => ({ code })),
  },
};

/** What the bench counts an answer against: tokens in each form, and characters where the issue says. */
export interface AnswerTarget {
  op: "<=" | "<";
  tokens: number;
  chars?: number;
}

export interface CountedCall {
  label: string;
  call: Call;
  /** The detail level asked for, when the tool takes `detail`. */
  detail?: "summary" | "full";
  target: AnswerTarget;
}

/** Below these, in each form, every summary answer of every tool (issue 11). */
export const SUMMARY_BUDGET: AnswerTarget = { op: "<", tokens: 10_000, chars: 50_000 };

export function countedCalls(seedDocument: string): CountedCall[] {
  return [
    {
      label: "evaluateSIJointRFA, reference case, summary",
      call: TIMED_CALLS.evaluate,
      detail: "summary",
      target: { op: "<=", tokens: 1_500 },
    },
    {
      label: "evaluateSIJointRFA, reference case, full",
      call: TIMED_CALLS.evaluate,
      detail: "full",
      target: { op: "<=", tokens: 25_000 },
    },
    {
      label: "evaluateSIJointRFA, 20 services, summary",
      call: { name: "evaluateSIJointRFA", arguments: TWENTY_SERVICES },
      detail: "summary",
      target: SUMMARY_BUDGET,
    },
    {
      label: "lookupCodes, 10 codes",
      call: TIMED_CALLS.lookup,
      detail: "summary",
      target: { op: "<=", tokens: 2_000 },
    },
    {
      label: "verifyCitations, seed document",
      call: { name: "verifyCitations", arguments: { text: seedDocument } },
      detail: "summary",
      target: { op: "<=", tokens: 3_000 },
    },
    {
      label: "draftDeterminationLetter, reference case",
      call: {
        name: "draftDeterminationLetter",
        arguments: { case: REFERENCE_CASE, context: REFERENCE_LETTER_CONTEXT },
      },
      detail: "summary",
      target: { op: "<=", tokens: 5_000 },
    },
    {
      label: "citeGuideline, 20 results",
      call: { name: "citeGuideline", arguments: { query: REFERENCE_QUESTION, limit: 20 } },
      detail: "summary",
      target: { op: "<", tokens: 10_000 },
    },
  ];
}

/** Tool definitions, as a model receives them on every turn (bench/tokens.ts, definitionSize). */
export const DEFINITION_TARGETS = { total: 3_000, perTool: { draftDeterminationLetter: 1_000 } } as const;

/** One case of the conversation: its input, the passage the reviewer cites, the letter context. */
export interface ConversationCase {
  name: string;
  case: { request: { services: { code: string }[]; diagnoses: string[] } } & Record<string, unknown>;
  passageId: string;
  context: LetterContext;
}

const MEDICARE_CONTEXT: LetterContext = { ...REFERENCE_LETTER_CONTEXT, regime: "medicare-advantage" };

/** A Medicare LCD request for a therapeutic SI joint injection (test/policy/variants.json). */
const LCD_INJECTION = {
  request: {
    services: [
      { code: "27096", laterality: "left" },
      { code: "J1100", units: 4 },
    ],
    diagnoses: ["M53.3"],
    policy: "medicare-lcd",
    dateOfService: "2026-03-02",
  },
  clinical: {
    painDurationMonths: 6,
    painType: "axial",
    painLocation: "si-joint-below-l5",
    otherCauses: [],
    requestType: "therapeutic",
    imageGuidance: "fluoroscopy",
    provocativeTests: { performed: 5, positive: 3 },
    therapeuticInjections: [],
  },
};

/**
 * Three different cases reviewed and drafted in one conversation (issue 11): a denial (the
 * reference case), an approval and a request for information (the Medicare LCD injection with and
 * without its conservative care and diagnostic blocks, "Medicare LCD: injection criteria met" and
 * "… unknown" in test/policy/variants.json).
 */
export const CONVERSATION: ConversationCase[] = [
  {
    name: "reference case (denial)",
    case: REFERENCE_CASE,
    passageId: "busse-bmj-2025#rec-joint-rfa",
    context: REFERENCE_LETTER_CONTEXT,
  },
  {
    name: "Medicare LCD injection, criteria met (approval)",
    case: {
      ...LCD_INJECTION,
      clinical: {
        ...LCD_INJECTION.clinical,
        conservativeCare: { weeks: 6, modalities: ["physical-therapy", "nsaids"] },
        diagnosticBlocks: [
          { reliefPercent: 80, date: "2026-01-05" },
          { reliefPercent: [75, 90], date: "2026-01-26" },
        ],
      },
    },
    passageId: "cms-lcd-l39455#positive-diagnostic",
    context: MEDICARE_CONTEXT,
  },
  {
    name: "Medicare LCD injection, criteria unknown (request for information)",
    case: LCD_INJECTION,
    passageId: "cms-lcd-l39455#covered-indications",
    context: MEDICARE_CONTEXT,
  },
];

/**
 * Model turns the conversation takes: one per case (the reviewer asks for the case's review and
 * letter; the model makes the five calls in that turn). A client sends the tool definitions with
 * every request to the model; they are counted once per turn.
 */
export const CONVERSATION_TURNS = CONVERSATION.length;

export const CONVERSATION_TARGET = 40_000;
