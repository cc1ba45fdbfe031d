import type { LetterContext } from "../src/letters/context-schema.js";
import type { SiJointClinical } from "../src/families/si-joint/input.js";

/**
 * The reference case as evaluateSIJointRFA input (from docs/research/reference-case.md):
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
} satisfies {
  request: { services: { code: string; units?: number }[]; diagnoses: string[] };
  clinical: SiJointClinical;
};

/** The reference case's codes, as the demo looks them up. */
export const REFERENCE_CODES = ["64625", "J1100", "M53.3", "M47.817"];

/** The reviewer's question the demo asks citeGuideline. */
export const REFERENCE_QUESTION =
  "Is sacroiliac joint radiofrequency ablation recommended for chronic axial spine pain?";

/**
 * Letter context for the demo: a commercial ERISA plan. Every name, number and address is made up
 * (555 numbers, example names); a real letter takes them from the plan's systems.
 */
export const REFERENCE_LETTER_CONTEXT = {
  regime: "commercial-erisa",
  noticeDate: "2026-11-27",
  requestReceived: "2026-11-20",
  member: { name: "Sample Member", id: "EXA-000000" },
  provider: { name: "Sample Pain Clinic", npi: "1234567893" },
  plan: {
    name: "Example Health Plan",
    product: "Employer PPO",
    contact: {
      phone: "1-800-555-0100",
      address: "Example Health Plan, PO Box 0000, Example City",
      hours: "Monday to Friday, 8am to 6pm",
    },
    appealAddress: "Appeals Unit, Example Health Plan, PO Box 0000, Example City",
    policyProvision: "Summary Plan Description, section 4.2 (medically necessary services)",
  },
  reviewer: {
    name: "Dr. A. Reviewer",
    credentials: "MD, board-certified in physical medicine and rehabilitation",
  },
  peerToPeer: { phone: "1-800-555-0101", window: "within 1 business day, weekdays 8am to 6pm" },
  languageAssistance: { phone: "1-800-555-0102" },
  consumerAssistance: {
    name: "Example State Department of Insurance consumer line",
    phone: "1-800-555-0103",
  },
  stateAiDisclosure: true,
} satisfies LetterContext;
