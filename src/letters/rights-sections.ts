import { bullets, fill, section, sentence, type Compose } from "./compose.js";
import { contactLine, freeCopiesSection } from "./evidence-sections.js";
import { serviceNames } from "./header-section.js";
import type { Section } from "./letter-schema.js";

/** At most this many outcome-changing items are listed. */
const MAX_CHANGES = 4;

function alternatives(c: Compose): string[] {
  return c.ev.alternatives
    .map((a) => c.letters.wording.alternatives.get(a.id))
    .filter((t): t is string => t !== undefined);
}

/** A denial: only the re-evaluated changes that approve a denied service; otherwise what the member can do instead. */
function changeSection(c: Compose): Section {
  const names = new Map(serviceNames(c).map((n) => [n.code, n.short]));
  const found = c.changes.changes.slice(0, MAX_CHANGES);
  if (found.length === 0) {
    const alt = alternatives(c);
    return section("change", "What could change this decision", [
      "Under our policy, no new record would change this decision. Here is what you can do:",
      bullets([
        "Ask for an appeal if you disagree. See How to appeal below.",
        alt.length
          ? `Talk with your doctor about other care, such as: ${alt.join("; ")}.`
          : "Talk with your doctor about other care.",
      ]),
    ]);
  }
  const items = found.map((f) => {
    const what = f.approves.map((code) => names.get(code) ?? code).join(" and ");
    const facts = f.texts.length > 1 ? `both ${f.texts.join(", and ")}` : (f.texts[0] ?? "");
    return `${sentence(facts)} Then we could approve the ${what}.`;
  });
  return section("change", "What could change this decision", [
    `We would look at this again if your records show that:\n${bullets(items)}`,
    `Your doctor can send these records. To send them, ${contactLine(c, 7)}.`,
  ]);
}

/** A request for information: the records we need, by when, and what happens without them. */
function needSection(c: Compose): Section {
  const wording = c.letters.wording.requests;
  const items = [...new Set(c.ev.missingInformation.map((m) => wording.get(m) ?? m))];
  const rfi = c.regime.informationRequest;
  const due = c.ctx.respondBy
    ? `Please send it by ${c.ctx.respondBy}.`
    : (rfi.respondWithin?.text ?? `Please send it by ${fill(c, undefined, 7, "date the records are due")}.`);
  return section("change", "What we need from you", [
    `Please have your doctor send us:\n${bullets(items.map(sentence))}`,
    due,
    rfi.withoutResponse.text,
    `To send records, ${contactLine(c, 7)}.`,
  ]);
}

function consumerAssistance(c: Compose): string {
  const ca = c.ctx.consumerAssistance;
  if (ca?.name || ca?.phone) {
    const name = fill(c, ca.name, 8, "consumer help program");
    return `For free help with your appeal, you can contact ${name}${ca.phone ? ` at ${fill(c, ca.phone, 8, "")}` : ""}.`;
  }
  if (!c.regime.needsConsumerAssistanceContact) return "";
  return `For free help with your appeal, you can contact ${fill(c, undefined, 8, "State consumer help program and phone")}.`;
}

function appealSection(c: Compose): Section {
  const { regime, ctx } = c;
  const where = ctx.plan?.appealAddress
    ? fill(c, ctx.plan.appealAddress, 8, "")
    : ctx.plan?.contact?.address
      ? fill(c, ctx.plan.contact.address, 8, "")
      : fill(c, undefined, 8, "appeal address");
  return section("appeal", "How to appeal", [
    `If you disagree with this decision, you can ask for an ${regime.appealName}. ${regime.appealDeadline.text}`,
    `Send your request to ${where}. Add any records you want us to look at.`,
    regime.expedited.text,
    regime.representative.text,
    regime.appealReview.text,
    ...regime.furtherReview.map((f) => f.text),
    regime.helpLine?.text ?? "",
    consumerAssistance(c),
  ]);
}

function peerSection(c: Compose): Section {
  const p = c.ctx.peerToPeer;
  return section("peer-to-peer", "For your doctor", [
    `Your doctor can talk with the doctor who reviewed this request. Call ${fill(c, p?.phone, 9, "peer-to-peer phone")}, ${fill(c, p?.window, 9, "when to call")}.`,
  ]);
}

export function rightsSections(c: Compose): Section[] {
  switch (c.type) {
    case "approval":
      return [];
    case "denial":
      return [changeSection(c), freeCopiesSection(c), appealSection(c), peerSection(c)];
    case "not-applicable":
      return [freeCopiesSection(c), peerSection(c)];
    case "request-for-information":
      return [needSection(c), freeCopiesSection(c), peerSection(c)];
  }
}
