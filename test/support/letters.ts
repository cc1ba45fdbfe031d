import type { LetterContext } from "../../src/letters/context-schema.js";
import { draftLetter } from "../../src/letters/draft-letter.js";
import type { Detail, Letter } from "../../src/letters/letter-schema.js";
import { review, shippedKnowledge } from "./knowledge.js";

/** The reference case (docs/research/reference-case.md) as evaluateSIJointRFA input: the demo's copy. */
export { REFERENCE_CASE } from "../../tools/demo-reference-case.js";

/** A letter context with every field a complete letter needs (fictitious plan, member and people). */
export function fullContext(regime: LetterContext["regime"]): LetterContext {
  return {
    regime,
    noticeDate: "2026-03-02",
    requestReceived: "2026-02-23",
    member: { name: "Jane Doe", id: "XYZ123456" },
    provider: { name: "Dr Alex Smith, Example Spine Clinic", npi: "1234567893" },
    plan: {
      name: "Example Health Plan",
      product: "Example Gold",
      contact: { phone: "1-800-555-0100", address: "PO Box 100, Springfield", hours: "weekdays 8am to 8pm" },
      appealAddress: "Appeals Unit, PO Box 200, Springfield",
      policyProvision: "Evidence of Coverage, chapter 4, section 2 (medically necessary services)",
    },
    reviewer: {
      name: "Dr Sam Lee",
      credentials: "MD, board-certified in physical medicine and rehabilitation",
      specialty: "pain medicine",
    },
    peerToPeer: {
      phone: "1-800-555-0199",
      window: "within 1 business day of this notice, weekdays 8am to 6pm",
    },
    languageAssistance: { phone: "1-800-555-0111" },
    consumerAssistance: { name: "the State Consumer Assistance Program", phone: "1-800-555-0122" },
    stateAiDisclosure: true,
  };
}

/** A letter drafted for a case through the one review path, against the shipped knowledge. */
export function draftFor(input: unknown, context: LetterContext, detail: Detail = "summary"): Letter {
  return draftLetter(shippedKnowledge(), review(input), context, detail);
}
