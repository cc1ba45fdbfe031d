import { fill, section, type Compose } from "./compose.js";
import type { Section } from "./letter-schema.js";
import { plainText } from "./plain-text.js";

export const AI_DISCLOSURE =
  "Software helped write this letter. It applies fixed, published rules to your records. The software did not make this decision. A licensed clinician reviewed your records and made the decision.";

/** The same, for a letter that decides nothing yet (a request for information, a case sent to individual review). */
export const AI_DISCLOSURE_UNDECIDED =
  "Software helped write this letter. It applies fixed, published rules to your records. The software does not make decisions. No decision has been made yet: a licensed clinician will review your records and make it.";

export function closingSections(c: Compose): Section[] {
  const { ctx } = c;
  const reviewer = ctx.reviewer;
  return [
    section("reviewer", "Who reviewed your request", [
      `${fill(c, reviewer?.name, 10, "reviewer name")}, ${fill(c, reviewer?.credentials, 10, "reviewer credentials")}${reviewer?.specialty ? `, ${plainText(reviewer.specialty)}` : ""}.`,
      "Signature: ______________________",
    ]),
    section("language", "Help in your language", [
      `Do you need help in another language, or large print or braille? Call ${fill(c, ctx.languageAssistance?.phone, 12, "language help phone")}. This help is free.`,
      "We follow federal civil rights laws. We do not treat people unfairly because of race, color, national origin, age, disability or sex.",
    ]),
    section("ai-disclosure", "How this letter was made", [
      c.type === "denial" || c.type === "approval" ? AI_DISCLOSURE : AI_DISCLOSURE_UNDECIDED,
      typeof ctx.stateAiDisclosure === "string" ? plainText(ctx.stateAiDisclosure) : "",
    ]),
  ];
}
