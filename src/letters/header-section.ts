import { explainCode, type CodeExplanation } from "./code-explanations.js";
import { bullets, capitalise, fill, section, type Compose } from "./compose.js";
import type { Section } from "./letter-schema.js";

/** The services as the letter names them: canonical code, plain words, short name. */
export function serviceNames(c: Compose): CodeExplanation[] {
  return c.ev.services.map((s) => explainCode(c, s.code, "service"));
}

function serviceLine(c: Compose, e: CodeExplanation, index: number): string {
  const requested = c.input.request.services[index];
  const extras = [
    requested?.laterality ? `side: ${requested.laterality}` : "",
    requested?.units ? `amount asked for: ${requested.units} units` : "",
  ].filter((x) => x.length > 0);
  return `${e.system} ${e.code}: ${e.plain}.${extras.length ? ` ${capitalise(extras.join(", "))}.` : ""}`;
}

/** Who, what and when: checklist elements 1 (header) and 11 (recipients). */
export function headerSection(c: Compose): Section {
  const { ctx, ev } = c;
  const npi = ctx.provider?.npi ? ` (NPI ${ctx.provider.npi})` : "";
  const lines = [
    `Date: ${fill(c, ctx.noticeDate, 1, "date of this letter")}`,
    `To: ${fill(c, ctx.member?.name, 11, "member name")}, member ID ${fill(c, ctx.member?.id, 1, "member ID")}`,
    `Copy to: ${fill(c, ctx.provider?.name, 11, "doctor who asked for this care")}${npi}, who asked for this care`,
    `Plan: ${fill(c, ctx.plan?.name, 1, "plan name")}, ${fill(c, ctx.plan?.product, 1, "plan product")} (${c.regime.label})`,
    `We got the request on: ${fill(c, ctx.requestReceived, 1, "date the request came in")}`,
    `Date of care: ${ev.audit.asOf ?? "not given (you asked before the care)"}`,
  ];
  const services = serviceNames(c).map((e, i) => serviceLine(c, e, i));
  const diagnoses = ev.diagnoses.map((d) => {
    const e = explainCode(c, d.code, "diagnosis");
    return `${e.code}: ${e.plain}.`;
  });
  return section("header", "About this letter", [
    lines.join("  \n"),
    `What your doctor asked for:\n${bullets(services)}`,
    diagnoses.length
      ? `The health problems (diagnosis codes) on the request:\n${bullets(diagnoses)}`
      : "The request gave no diagnosis codes.",
  ]);
}
