import { canonicalJson } from "../engine/canonical-json.js";
import { evaluate } from "../engine/evaluate.js";
import type { Knowledge } from "../knowledge/knowledge.js";
import type { Review } from "../review/review-case.js";
import { SERVER_VERSION } from "../version.js";

/** A candidate change that was re-evaluated, and the services it would approve. */
export interface OutcomeChange {
  /** The candidate ids changed together (one, or two when no single change is enough). */
  ids: string[];
  texts: string[];
  /** Codes of the denied services that the change would make medically necessary. */
  approves: string[];
}

export interface ChangeSearch {
  changes: OutcomeChange[];
  /** How many re-evaluations were run (bounded: every candidate once, then pairs of at most MAX_PAIRED). */
  evaluations: number;
  /** Candidates that were tried (the ones that differ from the case as documented). */
  tried: string[];
}

const MAX_PAIRED = 12;

/** Objects merge, null removes a field, anything else replaces. */
function merge(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else if (typeof value === "object" && !Array.isArray(value)) {
      const current = out[key];
      out[key] = merge(
        current && typeof current === "object" && !Array.isArray(current)
          ? (current as Record<string, unknown>)
          : {},
        value as Record<string, unknown>,
      );
    } else out[key] = value;
  }
  return out;
}

/**
 * What could change a denial: re-evaluate the case with each candidate fact of the letter data
 * changed (then, when no single change is enough, each pair), under the same family, profile
 * version and code findings, and keep the changes that make a denied service medically necessary.
 * Deterministic and bounded by the candidate list (at most 40 candidates, 66 pairs).
 */
export function searchChanges(knowledge: Knowledge, review: Review): ChangeSearch {
  const ev = review.evaluation;
  const denied = ev.services.flatMap((s, i) => (s.determination === "not-medically-necessary" ? [i] : []));
  if (denied.length === 0) return { changes: [], evaluations: 0, tried: [] };
  const clinical = review.input.clinical ?? {};
  const original = canonicalJson(clinical);
  let evaluations = 0;
  const run = (patches: Record<string, unknown>[]): string[] | undefined => {
    const changed = patches.reduce(merge, clinical);
    const parsed = review.family.module.clinical.safeParse(changed);
    if (!parsed.success) return undefined;
    const input = { ...review.input, clinical: parsed.data };
    evaluations += 1;
    const next = evaluate(input, {
      corpus: knowledge.corpus,
      family: review.family,
      profile: review.profile,
      inForce: ev.policy.inForce,
      engineVersion: SERVER_VERSION,
      codeFindings: review.codeFindings,
    });
    return denied
      .filter((i) => next.services[i]?.determination === "medically-necessary")
      .map((i) => ev.services[i]?.code ?? "");
  };
  const candidates = knowledge.letters.wording.changes.filter(
    (c) => canonicalJson(merge(clinical, c.clinical)) !== original,
  );
  const changes: OutcomeChange[] = [];
  const open: typeof candidates = [];
  for (const c of candidates) {
    const approves = run([c.clinical]);
    if (approves === undefined) continue;
    if (approves.length) changes.push({ ids: [c.id], texts: [c.text], approves });
    else open.push(c);
  }
  if (changes.length === 0) {
    const paired = open.slice(0, MAX_PAIRED);
    paired.forEach((a, i) => {
      for (const b of paired.slice(i + 1)) {
        const approves = run([a.clinical, b.clinical]);
        if (approves?.length) changes.push({ ids: [a.id, b.id], texts: [a.text, b.text], approves });
      }
    });
  }
  return { changes, evaluations, tried: candidates.map((c) => c.id) };
}
