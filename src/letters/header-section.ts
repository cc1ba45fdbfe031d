import { explainCode } from "./code-explanations.js";
import { bullets, or, section, type Compose } from "./compose.js";
import type { Section } from "./letter-schema.js";

export interface HeaderPart {
  section: Section;
  /** What checklist element 1 lacks: context fields not given and codes without a plain explanation. */
  missing: string[];
}

function serviceLine(c: Compose, code: string, index: number): { line: string; explained: boolean } {
  const { text, explained } = explainCode(c, code);
  const requested = c.input.request.services[index];
  const extras = [
    requested?.laterality ? `side: ${requested.laterality}` : "",
    requested?.units ? `units requested: ${requested.units}` : "",
  ].filter((e) => e.length > 0);
  return { line: `${text}${extras.length ? ` (${extras.join("; ")})` : ""}`, explained };
}

export function headerSection(c: Compose): HeaderPart {
  const { ctx, ev } = c;
  const missing: string[] = [];
  const need = (value: string | undefined, label: string) => {
    if (!value) missing.push(label);
    return or(value, label);
  };
  const services = ev.services.map((s, i) => serviceLine(c, s.code, i));
  const diagnoses = ev.diagnoses.map((d) => explainCode(c, d.code));
  const unexplained = [
    ...new Set([...ev.services.map((s) => s.code), ...ev.diagnoses.map((d) => d.code)]),
  ].filter((code) => !c.letters.plain.has(code));
  if (unexplained.length) missing.push(`a plain-language explanation of code ${unexplained.join(", ")}`);
  const lines = [
    `Date of this notice: ${need(ctx.noticeDate, "date")}`,
    `Member: ${need(ctx.member?.name, "member name")}, member ID ${need(ctx.member?.id, "member ID")}`,
    `Plan: ${need(ctx.plan?.name, "plan name")}, ${need(ctx.plan?.product, "plan product")} (${c.regime.label})`,
    `Requesting (treating) provider: ${need(ctx.provider?.name, "treating provider")}${ctx.provider?.npi ? ` (NPI ${ctx.provider.npi})` : ""}`,
    `Request received: ${need(ctx.requestReceived, "date the request was received")}`,
    `Date of service: ${ev.audit.asOf ?? "not stated (a request before the service)"}`,
  ];
  const text = [
    lines.join("  \n"),
    `Services requested:\n${bullets(services.map((s) => s.line))}`,
    diagnoses.length
      ? `Diagnoses on the request:\n${bullets(diagnoses.map((d) => d.text))}`
      : "No diagnosis codes were given.",
  ];
  return { section: section("header", "About this notice", text), missing };
}
