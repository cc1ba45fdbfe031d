import { ICD_SHAPE, dottedIcd, normalizeCode } from "../codes/code-shapes.js";
import type { HcpcsEntry } from "../codes/hcpcs-table.js";
import { knownUpdate, updateOrigin, updateStatus } from "../codes/hcpcs-updates.js";
import type { HcpcsUpdate } from "../codes/hcpcs-updates-schema.js";
import { billableDescendants } from "../codes/icd10cm-table.js";
import type { CodeData, DatedCodeData } from "../codes/load-code-data.js";
import type { CodeDating } from "../codes/release-dating.js";
import type { CaseInput } from "../engine/case-schema.js";
import type { CodeFinding } from "../codes/code-findings.js";
import type { FieldProblem, ReviewProblemCode } from "./review-error.js";

/** A header finding names at most this many billable children (the total is given too). */
export const FINDING_CHILDREN_CAP = 10;
/** ... and its message at most this many. */
const MESSAGE_CHILDREN = 5;

/** What the code checks of a review found: input it cannot take, findings about the rest, and the releases used. */
export interface CodeChecks {
  /** Input that is not a code of the right kind: the review refuses the case (ReviewError). */
  problems: FieldProblem[];
  /** Codes of the right kind that cannot be taken at face value, and how the date of service fits the releases. */
  findings: CodeFinding[];
  /** The releases the codes were checked against, chosen by the date of service. */
  releases: CodeDating;
}

const SERVICE_EXPECTED =
  "a CPT code (5 digits, or 4 digits and F, T or U) or an HCPCS Level II procedure code (e.g. G0260, J1100)";

function shown(code: string): string {
  return JSON.stringify(code.length > 20 ? `${code.slice(0, 20)}…` : code);
}

type Outcome = { problem: FieldProblem } | { finding: CodeFinding } | null;

function problem(code: ReviewProblemCode, path: string, raw: string, why: string, expected: string): Outcome {
  return { problem: { code, path, received: `${shown(raw)} (${why})`, expected } };
}

/** Where the ICD-10-CM release stands to the date of service, as a phrase after "release". */
function icdStanding(dating: CodeDating): string {
  const date = dating.dateOfService;
  if (dating.icd10cm.fit === "in-force") return `the release in force on the date of service ${date ?? ""}`;
  if (dating.icd10cm.fit === "outside")
    return `the shipped release nearest the date of service ${date ?? ""}`;
  return "the newest shipped release (no date of service given)";
}

/** The day after a YYYY-MM-DD date (calendar arithmetic only). */
function nextDay(iso: string): string {
  const [y = 0, m = 1, d = 1] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

function byText(entry: HcpcsUpdate | undefined): string {
  return entry?.replacedBy?.length ? `; replaced by ${entry.replacedBy.join(", ")}` : "";
}

/** A procedure code of the HCPCS file: terminated there, or deleted per the updates, for the date of service? */
function hcpcsFileFinding(
  data: CodeData,
  entry: HcpcsEntry,
  date: string | undefined,
  path: string,
): Outcome {
  const release = data.releases.hcpcs.label;
  const update = knownUpdate(data, entry.code);
  const deletion = update?.change === "deleted" ? update : undefined;
  const base = { code: "code-deleted" as const, path, value: entry.code, system: "HCPCS" as const, release };
  const when = date ? `, on or before the date of service ${date}` : " (no date of service was given)";
  const replacedBy = deletion?.replacedBy?.length ? { replacedBy: deletion.replacedBy } : {};
  if (entry.terminationDate) {
    // The termination date is the code's last date of service (the action takes effect the next day).
    if (date !== undefined && date <= entry.terminationDate) return null;
    const before = date ? `, before the date of service ${date}` : " (no date of service was given)";
    return {
      finding: {
        ...base,
        message: `${entry.code} was terminated in the ${release} file, with ${entry.terminationDate} as its last date of service${before}: not valid for services after that date${byText(deletion)}.`,
        ...replacedBy,
        effectiveDate: nextDay(entry.terminationDate),
      },
    };
  }
  if (!deletion) return null;
  const status = updateStatus(deletion, date);
  if (status === "valid") return null;
  const message =
    status === "undetermined"
      ? `${entry.code} was deleted after the ${release} file on a date its sources do not give, per ${updateOrigin(deletion)}: whether it was valid on ${date ?? "the date of service"} is not known${byText(deletion)}.`
      : `${entry.code} was deleted on ${deletion.effectiveDate ?? ""} per ${updateOrigin(deletion)}${when}: not valid for services on or after that date${byText(deletion)}.`;
  return {
    finding: {
      ...base,
      message,
      ...replacedBy,
      ...(deletion.effectiveDate ? { effectiveDate: deletion.effectiveDate } : {}),
    },
  };
}

/** An HCPCS code the file lacks that the updates file records as added after it. */
function addedFinding(
  data: CodeData,
  entry: HcpcsUpdate,
  date: string | undefined,
  path: string,
): CodeFinding {
  const { label, year } = data.releases.hcpcs;
  const replaces = entry.replaces?.length ? entry.replaces : undefined;
  const as = entry.description ? ` as "${entry.description}"` : "";
  const base = {
    path,
    value: entry.code,
    system: "HCPCS" as const,
    release: label,
  };
  const links = {
    ...(replaces ? { replaces } : {}),
    ...(entry.effectiveDate ? { effectiveDate: entry.effectiveDate } : {}),
  };
  if (updateStatus(entry, date) === "not-yet-valid") {
    return {
      code: "code-added-after-service",
      ...base,
      message: `${entry.code} was added on ${entry.effectiveDate ?? ""}${as} per ${updateOrigin(entry)}, after the date of service ${date ?? ""}: not valid for it${replaces ? `; ${replaces.join(", ")} applied then` : ""}.`,
    };
  }
  const added = entry.effectiveDate
    ? `added ${entry.effectiveDate}`
    : "added after it on a date its sources do not give";
  return {
    code: "code-known-from-updates",
    ...base,
    message: `${entry.code} is not in the ${year} HCPCS file (${label}); known only from ${updateOrigin(entry)}: ${added}${as}${replaces ? `, replacing ${replaces.join(", ")}` : ""}.`,
    ...links,
  };
}

function icdFoundAnywhere(data: CodeData, bare: string): boolean {
  return data.icd.find(bare) >= 0 || data.icdElsewhere(bare).length > 0;
}

function checkService(data: CodeData, dating: CodeDating, raw: string, path: string): Outcome {
  const date = dating.dateOfService ?? undefined;
  const { bare, shape } = normalizeCode(raw);
  switch (shape) {
    // CPT codes are checked for shape only: CPT descriptors are not shipped (AMA copyright).
    case "cpt":
      return null;
    case "hcpcs": {
      const entry = data.hcpcs.procedures.get(bare);
      if (entry) return hcpcsFileFinding(data, entry, date, path);
      const update = knownUpdate(data, bare);
      if (update?.change === "added") return { finding: addedFinding(data, update, date, path) };
      if (update?.change === "deleted" && updateStatus(update, date) !== "valid") {
        const when = date ? `, on or before the date of service ${date}` : " (no date of service was given)";
        return {
          finding: {
            code: "code-deleted",
            path,
            value: bare,
            system: "HCPCS",
            release: data.releases.hcpcs.label,
            message: `${bare} is not in the ${data.releases.hcpcs.label} file and was deleted on ${update.effectiveDate ?? "a date its sources do not give"} per ${updateOrigin(update)}${when}${byText(update)}.`,
            ...(update.replacedBy?.length ? { replacedBy: update.replacedBy } : {}),
            ...(update.effectiveDate ? { effectiveDate: update.effectiveDate } : {}),
          },
        };
      }
      if (icdFoundAnywhere(data, bare))
        return problem(
          "diagnosis-as-service",
          path,
          raw,
          `ICD-10-CM ${dottedIcd(bare)}, a diagnosis code; put it in request.diagnoses`,
          SERVICE_EXPECTED,
        );
      const { label, year } = data.releases.hcpcs;
      return {
        finding: {
          code: "code-not-in-release",
          path,
          value: bare,
          system: "HCPCS",
          release: label,
          message: `${bare} is not in the ${year} HCPCS file (${label}) nor in the known HCPCS updates: not verifiable there (it may have been created after ${year} or be mistyped).`,
        },
      };
    }
    case "icd":
      return problem(
        "diagnosis-as-service",
        path,
        raw,
        icdFoundAnywhere(data, bare)
          ? "this is a diagnosis code; put it in request.diagnoses"
          : "the shape of an ICD-10-CM diagnosis code, not of a procedure code",
        SERVICE_EXPECTED,
      );
    case "modifier":
      return problem(
        "modifier-as-service",
        path,
        raw,
        data.hcpcs.modifiers.has(bare)
          ? "an HCPCS modifier, not a procedure"
          : "2 characters: the shape of a modifier, not of a procedure code",
        SERVICE_EXPECTED,
      );
    case "icd-short":
    case "unknown":
      return problem(
        "malformed-service-code",
        path,
        raw,
        "not the shape of a CPT or HCPCS code",
        SERVICE_EXPECTED,
      );
  }
}

function headerFinding(data: CodeData, i: number, path: string): CodeFinding {
  const { icd } = data;
  const code = dottedIcd(icd.code(i));
  const children = billableDescendants(icd, i, FINDING_CHILDREN_CAP);
  const listed = children.first.slice(0, MESSAGE_CHILDREN).map((j) => dottedIcd(icd.code(j)));
  const more = children.total > listed.length ? `, … (${children.total} in all)` : "";
  const release = data.releases.icd10cm.label;
  return {
    code: "icd-header-code",
    path,
    value: code,
    system: "ICD-10-CM",
    release,
    message:
      children.total > 0
        ? `${code} is a header in ${release} (a category or subcategory with more specific codes), not valid on a claim; code one of its billable children: ${listed.join(", ")}${more}.`
        : `${code} is a header in ${release}, not valid on a claim, and has no billable children.`,
    billableChildren: children.first.map((j) => ({
      code: dottedIcd(icd.code(j)),
      description: icd.title(j),
    })),
    billableChildrenTotal: children.total,
  };
}

function checkDiagnosis(data: CodeData, dating: CodeDating, raw: string, path: string): Outcome {
  const { bare, shape } = normalizeCode(raw);
  const expected = `an ICD-10-CM diagnosis code (e.g. M53.3, M47.817)`;
  if (shape === "cpt")
    return problem("procedure-as-diagnosis", path, raw, "a CPT procedure code, not a diagnosis", expected);
  // Undotted, an HCPCS procedure code reads as a procedure even where ICD-10-CM has the same characters (J1100, J11.00).
  if (shape === "hcpcs" && (data.hcpcs.procedures.has(bare) || knownUpdate(data, bare)))
    return problem(
      "procedure-as-diagnosis",
      path,
      raw,
      data.icd.find(bare) >= 0
        ? `an HCPCS procedure code, not a diagnosis; write the dot (${dottedIcd(bare)}) to mean the ICD-10-CM code`
        : "an HCPCS procedure code, not a diagnosis",
      expected,
    );
  if ((shape === "icd" || shape === "hcpcs") && ICD_SHAPE.test(bare)) {
    const i = data.icd.find(bare);
    if (i >= 0) return data.icd.billable[i] === 1 ? null : { finding: headerFinding(data, i, path) };
    const release = data.releases.icd10cm.label;
    const elsewhere = data.icdElsewhere(bare);
    const also = elsewhere.map((r) => `${r.label} (in force ${r.inForceFrom} to ${r.inForceTo})`).join(", ");
    const code = dottedIcd(bare);
    return {
      finding: {
        code: "code-not-in-release",
        path,
        value: code,
        system: "ICD-10-CM",
        release,
        message: `${code} is not in ${release}, ${icdStanding(dating)}: not verifiable in ${release} (it may be new, deleted or mistyped)${elsewhere.length ? `; it is in ${also}` : ""}.`,
        ...(elsewhere.length ? { inOtherReleases: elsewhere.map((r) => r.label) } : {}),
      },
    };
  }
  const why =
    shape === "modifier" && data.hcpcs.modifiers.has(bare)
      ? "an HCPCS modifier, not a diagnosis code"
      : shape === "modifier" && /^\d\d$/.test(bare)
        ? "2 digits: the shape of a CPT modifier, not of a diagnosis code"
        : shape === "modifier" || shape === "icd-short"
          ? "too short: ICD-10-CM codes have 3 to 7 characters"
          : "not the shape of an ICD-10-CM code";
  return problem("malformed-diagnosis-code", path, raw, why, expected);
}

/** The date-of-service findings of the systems the request has codes of. */
function dateFindings(dating: CodeDating, systems: { icd: boolean; hcpcs: boolean }): CodeFinding[] {
  const findings: CodeFinding[] = [];
  const value = dating.dateOfService ?? "";
  const entries = [
    ["ICD-10-CM", dating.icd10cm, systems.icd],
    ["HCPCS", dating.hcpcs, systems.hcpcs],
  ] as const;
  for (const [system, fit, present] of entries) {
    if (!present || fit.fit === "in-force") continue;
    findings.push({
      code: fit.fit === "outside" ? "date-outside-release" : "no-date-of-service",
      path: "request.dateOfService",
      value,
      system,
      release: fit.label,
      message: fit.note,
    });
  }
  return findings;
}

/**
 * The code checks of a review, against the releases chosen for its date of service. Problems
 * (the case is refused) only for input that is not a code of the right kind: a diagnosis or a
 * modifier given as a service, a procedure given as a diagnosis, a string of no supported shape.
 * Everything else is a finding: a header code, a code not in the release, a code known only from
 * the HCPCS updates, a code deleted before the date of service, a date outside the releases.
 * Both lists are in input order (services, then diagnoses, then the date).
 */
export function checkCodes(codes: DatedCodeData, input: CaseInput): CodeChecks {
  const { data, dating } = codes;
  const problems: FieldProblem[] = [];
  const findings: CodeFinding[] = [];
  const take = (outcome: Outcome): void => {
    if (outcome && "problem" in outcome) problems.push(outcome.problem);
    else if (outcome) findings.push(outcome.finding);
  };
  input.request.services.forEach((service, i) =>
    take(checkService(data, dating, service.code, `request.services.${i}.code`)),
  );
  input.request.diagnoses.forEach((code, i) =>
    take(checkDiagnosis(data, dating, code, `request.diagnoses.${i}`)),
  );
  findings.push(
    ...dateFindings(dating, {
      icd: input.request.diagnoses.length > 0,
      hcpcs: input.request.services.some((s) => normalizeCode(s.code).shape === "hcpcs"),
    }),
  );
  return { problems, findings, releases: dating };
}
