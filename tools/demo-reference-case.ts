import type { LetterContext } from "../src/letters/context-schema.js";
import type { EvaluateInput } from "../src/policy/evaluation-schema.js";

/**
 * The reference case as evaluateSIJointRFA input (from reference-case.md in the shared research):
 * SI joint RFA and dexamethasone for chronic mechanical axial pain, positive provocative tests,
 * a prior RFA with 40-50% relief lasting 6 months.
 */
export const REFERENCE_CASE = {
  request: {
    services: [{ code: "64625" }, { code: "J1100", units: 10 }],
    diagnoses: ["M53.3", "M47.817"],
  },
  clinical: {
    painDurationMonths: 12,
    painType: "axial",
    inflammatorySpondyloarthropathy: false,
    cancerRelated: false,
    provocativeTests: { positive: 3 },
    priorRFA: [{ reliefPercent: [40, 50], durationMonths: 6 }],
  },
} satisfies EvaluateInput;

/** The reference case's codes, as the demo looks them up. */
export const REFERENCE_CODES = ["64625", "J1100", "M53.3", "M47.817"];

/** The reviewer's question the demo asks citeGuideline. */
export const REFERENCE_QUESTION =
  "Is sacroiliac joint radiofrequency ablation recommended for chronic axial spine pain?";

/** Letter context for the demo: a commercial ERISA plan with made-up contact details; member and provider left as placeholders. */
export const REFERENCE_LETTER_CONTEXT = {
  regime: "commercial-erisa",
  plan: {
    name: "Example Health Plan",
    product: "PPO",
    contact: { phone: "1-800-555-0100", hours: "Monday to Friday, 8am to 6pm" },
    appealAddress: "Appeals Unit, Example Health Plan, PO Box 0000, Example City",
  },
  reviewer: {
    name: "Dr. A. Reviewer",
    credentials: "MD, board-certified in physical medicine and rehabilitation",
  },
  peerToPeer: { phone: "1-800-555-0101", window: "within 1 business day, weekdays 8am to 6pm" },
  languageAssistance: { phone: "1-800-555-0102" },
} satisfies LetterContext;
