import { explainCode } from "./code-explanations.js";
import type { Compose } from "./compose.js";
import type { ChecklistItem } from "./letter-schema.js";

/** The 14 elements of a draft SI joint RFA / SIJI determination letter (um-and-coverage.md section 4.7), short. */
export const CHECKLIST_ELEMENTS: readonly string[] = [
  "header and identification",
  "decision by service",
  "specific reason tied to the member's facts",
  "named policy with version, and plan provision",
  "clinical rationale",
  "criteria and documents free on request",
  "what would change the outcome, and how to send it",
  "appeal rights",
  "peer-to-peer offer",
  "reviewer name and credentials",
  "recipients: member and treating practitioner",
  "language help and non-discrimination",
  "AI-use disclosure",
  "Medicare Advantage standard notice (CMS-10003)",
];

/** Problems a reviewer must settle before sending, by element, that are not blanks. */
export interface ChecklistGaps {
  byElement: Map<number, string[]>;
}

function codeGaps(c: Compose): string[] {
  const gaps: string[] = [];
  const all = [
    ...c.ev.services.map((s) => explainCode(c, s.code, "service")),
    ...c.ev.diagnoses.map((d) => explainCode(c, d.code, "diagnosis")),
  ];
  for (const e of all) {
    if (e.from === "code-set")
      gaps.push(`${e.code} is explained from the code set's description: check the wording`);
    if (e.from === "none") gaps.push(`${e.code} is not in the code sets: explain it in plain words`);
  }
  const sets = c.ev.codeSets;
  for (const r of sets ? [sets.icd10cm, sets.hcpcs] : []) {
    if (r.fit === "outside")
      gaps.push(
        `the date of service ${sets?.dateOfService ?? ""} is outside the window of ${r.label} (${r.inForceFrom} to ${r.inForceTo}): check the codes against the release in force`,
      );
  }
  return gaps;
}

function policyGaps(c: Compose): string[] {
  const gaps: string[] = [];
  const secondary = [
    ...new Set(
      c.ev.governingEvidence.filter((g) => g.provenance.seenAtKind === "secondary").map((g) => g.sourceId),
    ),
  ];
  if (secondary.length)
    gaps.push(
      `the governing text of ${secondary.join(", ")} is known only through a third party's summary: cite the policy text itself`,
    );
  const rules = c.regime.coverageRules;
  if (rules && c.ev.policy.id !== rules.profile)
    gaps.push(
      `${rules.note}; this review used ${c.ev.policy.id}: review again with ${rules.profile} before deciding`,
    );
  if (!c.ev.policy.inForce) gaps.push("no version of the policy was in force on the date of service");
  return gaps;
}

/** Each element: where it is in the member letter (a section id), or why it is missing or not applicable. */
export function checklist(c: Compose, present: ReadonlySet<string>): ChecklistItem[] {
  const { type, regime, ctx } = c;
  const adverse = type !== "approval";
  const where: (string | undefined)[] = [
    "header",
    "decision",
    "reason",
    "policy",
    "reason",
    adverse ? "free-copies" : undefined,
    adverse && type !== "not-applicable" ? "change" : undefined,
    type === "denial" ? "appeal" : undefined,
    adverse ? "peer-to-peer" : undefined,
    "reviewer",
    "header",
    "language",
    "ai-disclosure",
    undefined,
  ];
  const extra = new Map<number, string[]>([
    [1, codeGaps(c)],
    [4, type === "denial" ? policyGaps(c) : []],
  ]);
  if (ctx.stateAiDisclosure === undefined)
    extra.set(13, [
      "the context does not say whether the member's State requires an AI-use disclosure (stateAiDisclosure)",
    ]);
  return CHECKLIST_ELEMENTS.map((element, i) => {
    const id = i + 1;
    const at = where[i];
    if (id === 14) {
      if (regime.standardNotice && type === "denial")
        return { id, element, status: "missing", note: regime.standardNotice.instruction };
      return {
        id,
        element,
        status: "not-applicable",
        note: regime.standardNotice
          ? "only a denial uses the standard notice"
          : `not Medicare Advantage (${regime.label})`,
      };
    }
    if (!at || !present.has(at)) {
      const note =
        type === "approval"
          ? "an approval is not an adverse determination"
          : id === 8
            ? "no adverse determination yet: appeal rights come with a denial"
            : "not part of this letter type";
      return { id, element, status: "not-applicable", note };
    }
    const blanks = c.blanks.filter((b) => b.element === id).map((b) => `blank: ${b.label}`);
    const gaps = [...blanks, ...(extra.get(id) ?? [])];
    if (id === 5) gaps.length = 0;
    return gaps.length
      ? { id, element, status: "missing", where: at, note: gaps.join("; ") }
      : {
          id,
          element,
          status: "present",
          where: at,
          ...(id === 5
            ? { note: "short reason here; the full rationale is the reviewer rationale, free on request" }
            : {}),
        };
  });
}
