import { bullets, or, section, type Compose } from "./compose.js";
import type { Section } from "./letter-schema.js";

export interface RightsPart {
  sections: Section[];
  /** Checklist gaps, by element id. */
  gaps: Map<number, string[]>;
}

function contactLine(c: Compose): string | undefined {
  const contact = c.ctx.plan?.contact;
  if (!contact?.phone && !contact?.address) return undefined;
  const parts = [
    contact.phone ? `call ${contact.phone}${contact.hours ? ` (${contact.hours})` : ""}` : "",
    contact.address ? `write to ${contact.address}` : "",
  ].filter((p) => p.length > 0);
  return parts.join(" or ");
}

/** What would change the outcome: missing information, and facts that would take the case out of the deciding rules. */
function changeItems(c: Compose): string[] {
  const items = [...c.ev.missingInformation];
  const deciding = c.ev.criteria.filter((k) => k.role !== "informative");
  for (const k of deciding.filter((k) => k.status === "unknown"))
    items.push(`records showing whether: ${k.statement}`);
  if (c.type === "denial") {
    for (const k of deciding.filter((k) => k.status === "met" && k.role === "applicability")) {
      items.push(`records showing that this is not the case: ${k.statement}`);
    }
    for (const k of deciding.filter((k) => k.status === "not-met"))
      items.push(`records showing that this is met: ${k.statement}`);
  }
  return [...new Set(items)];
}

function changeSection(c: Compose, gaps: Map<number, string[]>): Section {
  const items = changeItems(c);
  const contact = contactLine(c);
  if (!contact) gaps.set(7, ["no plan phone or address for sending records"]);
  const how = `To send records, ${contact ?? "[plan phone or address for sending records]"}.`;
  const intro =
    c.type === "request-for-information"
      ? "Please send us the following so that we can decide:"
      : "We would look at this decision again if you or your doctor send us:";
  return section(
    "change",
    c.type === "request-for-information" ? "What we need from you" : "What could change this decision",
    [
      items.length ? `${intro}\n${bullets(items)}` : `${intro} any records that bear on the reasons above.`,
      how,
    ],
  );
}

function freeCopiesSection(c: Compose, gaps: Map<number, string[]>): Section {
  const contact = contactLine(c);
  if (!contact) gaps.set(6, ["no plan phone or address to request the criteria from"]);
  return section("free-copies", "Your right to the criteria and documents, free of charge", [
    "You can ask for a free copy of the policy and the clinical criteria we used, and free copies of all documents, records and other information relevant to your request.",
    `To ask, ${contact ?? "[plan phone or address for requesting copies]"}.`,
  ]);
}

function appealSection(c: Compose, gaps: Map<number, string[]>): Section {
  const { regime, ctx } = c;
  const missing: string[] = [];
  let deadline = regime.deadline;
  if (regime.needsStateAppealDeadline) {
    deadline = ctx.plan?.stateAppealDeadline ?? null;
    if (!deadline) missing.push("no State appeal deadline (plan.stateAppealDeadline) in context");
  }
  const where = ctx.plan?.appealAddress ?? contactLine(c);
  if (!where) missing.push("no appeal address or plan contact in context");
  let assistance = regime.publicAssistance ?? "";
  if (regime.needsConsumerAssistanceContact) {
    const ca = ctx.consumerAssistance;
    if (ca?.name || ca?.phone) {
      assistance = `For free help with your appeal you can contact ${or(ca.name, "consumer assistance program")}${ca.phone ? ` at ${ca.phone}` : ""}.`;
    } else {
      missing.push("no State consumer assistance or ombudsman contact in context");
      assistance =
        "For free help with your appeal you can contact [State consumer assistance program or ombudsman, and phone].";
    }
  }
  if (missing.length) gaps.set(8, missing);
  return section("appeal", "Your right to appeal", [
    `If you disagree with this decision, you can ask for ${/^[aeiou]/i.test(regime.appealName) ? "an" : "a"} ${regime.appealName}. You must ask within ${deadline ?? "[State appeal deadline]"}.`,
    `How to ask: send your request to ${where ?? "[appeal address or plan contact]"}, with any records you want us to consider.`,
    regime.expedited,
    regime.representative,
    regime.rightsDuringAppeal,
    regime.externalReview ?? "",
    regime.fairHearing ?? "",
    regime.civilAction ?? "",
    assistance,
    `These rights rest on: ${regime.basis.join("; ")}.`,
  ]);
}

function peerSection(c: Compose, gaps: Map<number, string[]>): Section {
  const p = c.ctx.peerToPeer;
  const missing = [
    !p?.phone ? "no peer-to-peer phone" : "",
    !p?.window ? "no peer-to-peer window" : "",
  ].filter((m) => m);
  if (missing.length) gaps.set(9, [`${missing.join(" and ")} in context`]);
  return section("peer-to-peer", "For your doctor: talk to the reviewer", [
    `Your treating provider may discuss this decision with the reviewing clinician (a peer-to-peer discussion) by calling ${or(p?.phone, "peer-to-peer phone")}, ${or(p?.window, "time window for the discussion")}.`,
  ]);
}

export function rightsSections(c: Compose): RightsPart {
  const gaps = new Map<number, string[]>();
  if (c.type === "approval") return { sections: [], gaps };
  if (c.type === "denial") {
    return {
      sections: [
        changeSection(c, gaps),
        freeCopiesSection(c, gaps),
        appealSection(c, gaps),
        peerSection(c, gaps),
      ],
      gaps,
    };
  }
  if (c.type === "not-applicable")
    return { sections: [freeCopiesSection(c, gaps), peerSection(c, gaps)], gaps };
  return { sections: [changeSection(c, gaps), freeCopiesSection(c, gaps), peerSection(c, gaps)], gaps };
}
