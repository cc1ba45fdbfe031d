import { or, section, type Compose } from "./compose.js";
import type { Section } from "./letter-schema.js";

export const AI_DISCLOSURE =
  "This letter was drafted with the help of software that applies fixed, published rules to the facts in your records and to stored evidence. The software recommends; it did not make this decision. A licensed clinician reviewed your records and made the decision.";

export function closingSections(c: Compose): Section[] {
  const { ctx } = c;
  const reviewer = ctx.reviewer;
  const sections: Section[] = [
    section("reviewer", "Who reviewed your request", [
      `Reviewing clinician: ${or(reviewer?.name, "reviewer name")}, ${or(reviewer?.credentials, "reviewer credentials")}${reviewer?.specialty ? `, ${reviewer.specialty}` : ""}.`,
      "Signature: ______________________ (required: a licensed clinician must review, edit as needed and sign before this letter is sent)",
    ]),
    section("recipients", "Who receives this letter", [
      `This letter is sent to the member, ${or(ctx.member?.name, "member name")}, and a copy to the treating provider, ${or(ctx.provider?.name, "treating provider")}.`,
    ]),
    section("language", "Help in your language", [
      `If you need help in another language, or in another format such as large print or braille, call ${or(ctx.languageAssistance?.phone, "language assistance phone")}. This help is free.`,
      "We comply with applicable federal civil rights laws and do not discriminate on the basis of race, colour, national origin, age, disability or sex.",
    ]),
    section("ai-disclosure", "How this letter was prepared", [
      AI_DISCLOSURE,
      typeof ctx.stateAiDisclosure === "string" ? ctx.stateAiDisclosure : "",
    ]),
  ];
  if (c.type === "denial" && c.regime.standardNotice) {
    sections.push(
      section("standard-notice", `Required standard notice: ${c.regime.standardNotice.form}`, [
        c.regime.standardNotice.instruction,
      ]),
    );
  }
  return sections;
}
