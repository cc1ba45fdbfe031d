import type { Compose } from "./compose.js";
import type { ChecklistItem } from "./letter-schema.js";

/** The 14 elements of a draft SI joint RFA / SIJI determination letter (docs/research/um-and-coverage.md section 4.7). */
export const CHECKLIST_ELEMENTS: readonly string[] = [
  "Header and identification (notice date, member, plan and product, services explained, provider, date received)",
  "The decision, service by service",
  "Specific reason in plain language, tied to this member's facts",
  "Named criterion and policy citation, with version (and the plan provision)",
  "Clinical rationale applying the criteria to the member's circumstances",
  "Criteria and relevant documents available free of charge",
  "What additional information would change the outcome, and how to send it",
  "Appeal rights: deadline, expedited appeal, representative, further review",
  "Peer-to-peer offer to the treating practitioner",
  "Reviewer name and credentials",
  "Recipients: the member and the treating practitioner",
  "Language assistance and non-discrimination notice",
  "AI-use disclosure",
  "Medicare Advantage: CMS-10003 standard notice text",
];

export interface ChecklistInputs {
  headerMissing: string[];
  policyGaps: string[];
  gaps: ReadonlyMap<number, string[]>;
}

export function checklist(c: Compose, inputs: ChecklistInputs): ChecklistItem[] {
  const { ctx, type, regime } = c;
  const item = (id: number, missing: string[], presentReason: string): ChecklistItem => ({
    id,
    element: CHECKLIST_ELEMENTS[id - 1] ?? "",
    status: missing.length ? "missing" : "present",
    reason: missing.length ? `missing: ${missing.join("; ")}` : presentReason,
  });
  const na = (id: number, reason: string): ChecklistItem => ({
    id,
    element: CHECKLIST_ELEMENTS[id - 1] ?? "",
    status: "not-applicable",
    reason,
  });
  const items: ChecklistItem[] = [];
  items.push(
    item(
      1,
      inputs.headerMissing,
      "every header field is filled and every code is explained in plain language",
    ),
  );
  items.push(item(2, [], "the decision is stated for each requested service"));
  items.push(
    item(3, [], "the reason restates this member's documented facts and what the policy says about them"),
  );
  items.push(
    item(
      4,
      type === "denial" ? inputs.policyGaps : [],
      "the policy is named with its id, version and hash, with the governing evidence and its publication date",
    ),
  );
  items.push(
    item(
      5,
      [],
      "the clinical rationale section applies the policy to the member's facts and quotes the governing evidence",
    ),
  );
  for (const id of [6, 7, 8, 9]) {
    if (type === "approval") items.push(na(id, "an approval is not an adverse determination"));
    else if (id === 8 && type !== "denial")
      items.push(na(id, "no adverse determination yet: appeal rights come with a denial"));
    else items.push(item(id, inputs.gaps.get(id) ?? [], "included with the details from the context"));
  }
  const reviewerMissing = [
    !ctx.reviewer?.name ? "no reviewer name" : "",
    !ctx.reviewer?.credentials ? "no reviewer credentials" : "",
  ];
  items.push(
    item(
      10,
      reviewerMissing.filter((m) => m),
      "the reviewing clinician's name and credentials are given",
    ),
  );
  const recipientsMissing = [
    !ctx.member?.name ? "no member name" : "",
    !ctx.provider?.name ? "no treating provider" : "",
  ];
  items.push(
    item(
      11,
      recipientsMissing.filter((m) => m),
      "addressed to the member with a copy to the treating provider",
    ),
  );
  items.push(
    item(
      12,
      ctx.languageAssistance?.phone ? [] : ["no language-assistance phone in context"],
      "language help line and non-discrimination notice",
    ),
  );
  if (ctx.stateAiDisclosure === false) {
    items.push(
      na(
        13,
        "the context says no State AI-use disclosure applies; a general note on how the letter was prepared is still included",
      ),
    );
  } else if (ctx.stateAiDisclosure === undefined) {
    items.push(
      item(
        13,
        [
          "the context does not say whether the member's State requires an AI-use disclosure (stateAiDisclosure); a general note is included",
        ],
        "",
      ),
    );
  } else {
    items.push(
      item(
        13,
        [],
        typeof ctx.stateAiDisclosure === "string"
          ? "the State's wording and a general note are included"
          : "a general AI-use disclosure is included",
      ),
    );
  }
  if (regime.standardNotice && type === "denial") {
    items.push(
      item(
        14,
        [
          `this product does not store the ${regime.standardNotice.form} text; the letter says the facts must be copied onto that form`,
        ],
        "",
      ),
    );
  } else {
    items.push(
      na(
        14,
        regime.standardNotice
          ? "only denials use the standard denial notice"
          : `not a Medicare Advantage plan (${regime.label})`,
      ),
    );
  }
  return items;
}
