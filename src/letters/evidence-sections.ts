import { fill, section, type Compose } from "./compose.js";
import type { Section } from "./letter-schema.js";

/** How to reach the plan: phone (with hours) or address; a marked blank when the context has neither. */
export function contactLine(c: Compose, element: number): string {
  const contact = c.ctx.plan?.contact;
  if (!contact?.phone && !contact?.address) return fill(c, undefined, element, "plan phone or address");
  const parts = [
    contact.phone
      ? `call ${fill(c, contact.phone, element, "")}${contact.hours ? ` (${fill(c, contact.hours, element, "")})` : ""}`
      : "",
    contact.address ? `write to ${fill(c, contact.address, element, "")}` : "",
  ].filter((p) => p.length > 0);
  return parts.join(" or ");
}

/** The named policy with its version and date, the guideline it follows, the plan provision (element 4). */
export function policySection(c: Compose): Section {
  const { ev } = c;
  const governing = [...new Set(ev.governingEvidence.map((g) => g.sourceId))]
    .map((id) => c.corpus.sources.get(id))
    .filter((s) => s !== undefined)
    .map((s) => {
      const name = (s.shortTitle ?? s.title).replace(/\bLCDs?\b/g, "local coverage rule");
      const date = /\d{4}-\d{2}-\d{2}/.exec(s.published)?.[0];
      const when = !date
        ? ""
        : /effective/i.test(s.published)
          ? `, in effect from ${date}`
          : `, published ${date}`;
      return `${name}${when}`;
    });
  const provision = c.ctx.plan?.policyProvision;
  return section("policy", "The rules we used", [
    `Our policy: ${ev.policy.title}, version ${ev.policy.version}, in effect from ${ev.policy.effectiveDate}.`,
    governing.length ? `It follows: ${governing.join("; ")}.` : "",
    `Your plan's rule: ${fill(c, provision, 4, "plan document and section this decision rests on")}.`,
  ]);
}

/** Free copies of the criteria and of every relevant document (element 6). */
export function freeCopiesSection(c: Compose): Section {
  return section("free-copies", "Free copies", [
    "You can ask for a free copy of the policy and rules we used. You can also ask for free copies of all papers about your request.",
    `To ask, ${contactLine(c, 6)}.`,
  ]);
}
