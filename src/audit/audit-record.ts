import { z } from "zod";
import { DeterminationSchema } from "../engine/evaluation-schema.js";

/** The hash a chain starts from (the prevHash of line 1). */
export const GENESIS_HASH = "0".repeat(64);

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, "expected 64 lower-case hex digits");

/**
 * One line of the audit log. Hashes and determinations only: no case content (no notes, no
 * clinical values, no diagnoses). `hash` = sha256 of the canonical JSON of every other field.
 */
export const AuditRecordSchema = z.strictObject({
  seq: z.int().min(1),
  prevHash: Sha256,
  hash: Sha256,
  inputSha256: Sha256,
  policy: z.strictObject({ id: z.string(), version: z.string(), sha256: Sha256 }),
  corpusVersion: z.string(),
  engineVersion: z.string(),
  determination: DeterminationSchema,
  services: z.array(z.strictObject({ code: z.string(), determination: DeterminationSchema })),
});
export type AuditRecord = z.infer<typeof AuditRecordSchema>;
