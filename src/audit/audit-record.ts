import { z } from "zod";
import { DeterminationSchema } from "../engine/evaluation-schema.js";

/** The format version written in every line and in the head. */
export const AUDIT_FORMAT = 2 as const;

/** The chain value before line 1 (the `prev` of line 1, and the head of an empty log). */
export const GENESIS_CHAIN = "0".repeat(64);

/** The tools whose answers are audited. */
export const AUDITED_TOOLS = ["evaluateSIJointRFA", "draftDeterminationLetter"] as const;
export type AuditedTool = (typeof AUDITED_TOOLS)[number];

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/, "expected 64 lower-case hex digits");

const Chained = {
  v: z.literal(AUDIT_FORMAT),
  seq: z.int().min(1),
  /** The previous line's `mac` (GENESIS_CHAIN for line 1). */
  prev: Hex64,
  /** HMAC-SHA256 (chain key) of the canonical JSON of every other field of the line, `prev` included. */
  mac: Hex64,
};

/**
 * One evaluation (or a letter drafted from a case): keyed hashes and determinations only, no case
 * content (no notes, no clinical values, no diagnoses) and no plain hash of the input.
 */
export const EvaluationRecordSchema = z.strictObject({
  ...Chained,
  kind: z.literal("evaluation"),
  tool: z.enum(AUDITED_TOOLS),
  /** HMAC-SHA256 (input key) of the input's canonical-JSON sha256: matches an answer only with the key. */
  inputHmac: Hex64,
  policy: z.strictObject({ id: z.string(), version: z.string(), sha256: z.string() }),
  corpusVersion: z.string(),
  engineVersion: z.string(),
  determination: DeterminationSchema,
  services: z.array(z.strictObject({ code: z.string(), determination: DeterminationSchema })),
});
export type EvaluationRecord = z.infer<typeof EvaluationRecordSchema>;

/** What `verify-audit --repair` did, written into the log itself. */
export const RepairRecordSchema = z.strictObject({
  ...Chained,
  kind: z.literal("repair"),
  /** The torn last line moved out of the log, or null. */
  quarantined: z
    .strictObject({
      /** File name (beside the log) holding the torn bytes as they were. */
      file: z.string(),
      bytes: z.int().min(1),
      /** HMAC-SHA256 (quarantine key) of those bytes. */
      mac: Hex64,
    })
    .nullable(),
  /** The head was missing and was rebuilt from the log: truncation before this line cannot be ruled out. */
  headRebuilt: z.boolean(),
});
export type RepairRecord = z.infer<typeof RepairRecordSchema>;

export const AuditRecordSchema = z.discriminatedUnion("kind", [EvaluationRecordSchema, RepairRecordSchema]);
export type AuditRecord = z.infer<typeof AuditRecordSchema>;

/** `<log>.head`: the sequence number and chain value the log must end at, signed. */
export const AuditHeadSchema = z.strictObject({
  v: z.literal(AUDIT_FORMAT),
  seq: z.int().min(0),
  chain: Hex64,
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  /** HMAC-SHA256 (head key) of the canonical JSON of the other fields. */
  mac: Hex64,
});
export type AuditHead = z.infer<typeof AuditHeadSchema>;
