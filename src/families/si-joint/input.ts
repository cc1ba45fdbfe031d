import { z } from "zod";
import type { FamilyModule } from "../family-module.js";

/*
 * The clinical facts of a sacroiliac joint request, as a client sends them (the family's only
 * source file). Absent facts are unknown, never false; facts.json says how each is read.
 */

const IsoDateSchema = z.iso.date().describe("calendar date YYYY-MM-DD");

const PercentSchema = z.number().min(0).max(100);

/** A relief percentage as documented: one number, or a range [min, max] evaluated at its lower bound. */
export const ReliefPercentSchema = z
  .union(
    [
      PercentSchema,
      z.tuple([PercentSchema, PercentSchema]).refine(([min, max]) => min <= max, {
        error: "expected a range [min, max] with min <= max (each 0-100)",
      }),
    ],
    {
      error: (issue) =>
        issue.code === "invalid_union"
          ? `expected a percentage 0-100 or a range [min, max], received ${Array.isArray(issue.input) ? `an array of ${issue.input.length} items` : typeof issue.input}`
          : undefined,
    },
  )
  .describe("percent relief, 0-100, or a documented range [min, max] such as [40, 50]");

export const BLOCK_TYPES = ["intra-articular", "lateral-branch", "other"] as const;

export const DiagnosticBlockSchema = z.strictObject({
  reliefPercent: ReliefPercentSchema,
  type: z.enum(BLOCK_TYPES).optional(),
  date: IsoDateSchema.optional(),
});

export const PriorRfaSchema = z.strictObject({
  reliefPercent: ReliefPercentSchema,
  durationMonths: z.number().min(0).max(240).describe("months the relief lasted, >= 0"),
  date: IsoDateSchema.optional(),
});

export const CONSERVATIVE_MODALITIES = [
  "physical-therapy",
  "exercise",
  "nsaids",
  "analgesics",
  "chiropractic",
  "activity-modification",
  "other",
] as const;

export const ProvocativeTestsSchema = z
  .strictObject({
    performed: z.int().min(0).max(20).optional().describe("number of provocative manoeuvres performed"),
    positive: z.int().min(0).max(20).optional().describe("number of positive provocative manoeuvres"),
    names: z.array(z.string().min(1).max(60)).max(20).optional().describe("names of the positive tests"),
  })
  .refine((t) => t.performed === undefined || t.positive === undefined || t.positive <= t.performed, {
    error: "expected positive <= performed",
    path: ["positive"],
  });

export const SiJointClinicalSchema = z.strictObject({
  painDurationMonths: z.number().min(0).max(1200).optional().describe("months since onset, >= 0"),
  painType: z.enum(["axial", "radicular", "mixed"]).optional(),
  inflammatorySpondyloarthropathy: z.boolean().optional(),
  cancerRelated: z.boolean().optional(),
  provocativeTests: ProvocativeTestsSchema.optional(),
  diagnosticBlocks: z.array(DiagnosticBlockSchema).max(10).optional(),
  priorRFA: z.array(PriorRfaSchema).max(10).optional(),
  conservativeCare: z
    .strictObject({
      weeks: z.number().min(0).max(520).optional().describe("weeks of conservative care that failed, >= 0"),
      modalities: z.array(z.enum(CONSERVATIVE_MODALITIES)).max(10).optional(),
    })
    .optional(),
  notes: z
    .string()
    .max(5000)
    .optional()
    .describe("free text for the reviewer; never read by the logic and never echoed in the output"),
});
export type SiJointClinical = z.infer<typeof SiJointClinicalSchema>;

export const siJointFamily: FamilyModule = { id: "si-joint", clinical: SiJointClinicalSchema };
