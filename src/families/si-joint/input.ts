import { z } from "zod";
import { isoDate } from "../../util/iso-date.js";
import type { FamilyModule } from "../family-module.js";

/*
 * The clinical facts of a sacroiliac joint request, as a client sends them (the family's only
 * source file). Absent facts are unknown, never false; facts.json says how each is read.
 * A field's `description` is what the tool definition shows (short, or none where the name, type
 * and values say it); its `guide` (util/field-guide.ts) is the longer explanation the case fields
 * resource mnm://families/si-joint/facts shows.
 */

const IsoDateSchema = isoDate().meta({ guide: "calendar date YYYY-MM-DD" });

/** A percentage 0-100; a value strictly between 0 and 1 is almost always a fraction sent by mistake. */
const PercentSchema = z
  .number()
  .min(0)
  .max(100)
  .refine((v) => v === 0 || v >= 1, { error: "expected a percent, e.g. 80 (not a fraction such as 0.8)" });

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
  .meta({ guide: "percent relief, 0-100, or a documented range [min, max] such as [40, 50]" });

export const BLOCK_TYPES = ["intra-articular", "lateral-branch", "other"] as const;
const SideSchema = z
  .enum(["left", "right", "bilateral"])
  .meta({ guide: "side injected: left, right or bilateral" });
const InjectateSchema = z
  .enum(["local-anaesthetic", "glucocorticoid", "local-anaesthetic-and-glucocorticoid", "biologic", "other"])
  .meta({ guide: "what was injected, e.g. local-anaesthetic-and-glucocorticoid" });

export const DiagnosticBlockSchema = z.strictObject({
  reliefPercent: ReliefPercentSchema,
  type: z.enum(BLOCK_TYPES).optional().meta({ guide: "intra-articular (SI joint) or lateral-branch block" }),
  date: IsoDateSchema.optional(),
  side: SideSchema.optional(),
  injectate: InjectateSchema.optional(),
});

export const PriorRfaSchema = z.strictObject({
  reliefPercent: ReliefPercentSchema,
  durationMonths: z
    .number()
    .min(0)
    .max(240)
    .optional()
    .meta({ description: "months of relief", guide: "months the relief lasted, >= 0, e.g. 6" }),
  date: IsoDateSchema.optional(),
});

export const TherapeuticInjectionSchema = z.strictObject({
  date: IsoDateSchema.optional(),
  side: SideSchema.optional(),
  target: z.enum(BLOCK_TYPES).optional().meta({ guide: "intra-articular (SI joint) or lateral-branch" }),
  injectate: InjectateSchema.optional(),
  reliefPercent: ReliefPercentSchema.optional(),
  reliefDurationMonths: z
    .number()
    .min(0)
    .max(120)
    .optional()
    .meta({ guide: "months the relief lasted, e.g. 4" }),
  functionImprovementPercent: PercentSchema.optional().meta({
    guide:
      "improvement in previously painful movements and daily activities against baseline, percent, e.g. 50",
  }),
});

export const OTHER_CAUSES = [
  "central-stenosis",
  "foraminal-stenosis",
  "disc-herniation-with-radiculopathy",
  "infection",
  "tumour",
  "fracture",
  "pseudarthrosis",
  "spinal-instrumentation",
  "other",
] as const;

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
    performed: z
      .int()
      .min(0)
      .max(20)
      .optional()
      .meta({ guide: "number of provocative manoeuvres performed" }),
    positive: z.int().min(0).max(20).optional().meta({ guide: "number of positive provocative manoeuvres" }),
    names: z
      .array(z.string().min(1).max(60))
      .max(20)
      .optional()
      .meta({ description: "of the positive tests", guide: "names of the positive tests, e.g. FABER" }),
  })
  .refine((t) => t.performed === undefined || t.positive === undefined || t.positive <= t.performed, {
    error: "expected positive <= performed",
    path: ["positive"],
  });

export const SiJointClinicalSchema = z.strictObject({
  painDurationMonths: z
    .number()
    .min(0)
    .max(1200)
    .optional()
    .meta({ guide: "months since onset, >= 0, e.g. 12" }),
  painDurationWeeks: z
    .number()
    .min(0)
    .max(5200)
    .optional()
    .meta({ guide: "weeks since onset, e.g. 13 (used instead of painDurationMonths when given)" }),
  painType: z
    .enum(["axial", "radicular", "mixed"])
    .optional()
    .meta({ guide: "axial (back and buttock), radicular (down the leg) or mixed" }),
  painLocation: z.enum(["si-joint-below-l5", "above-l5", "widespread", "other"]).optional().meta({
    guide:
      "where the pain is: si-joint-below-l5 (over the SI joint, between the iliac crests and the gluteal fold), above-l5, widespread or other",
  }),
  inflammatorySpondyloarthropathy: z
    .boolean()
    .optional()
    .meta({ guide: "axial spondyloarthritis / inflammatory sacroiliitis documented" }),
  cancerRelated: z.boolean().optional().meta({ guide: "the pain is related to cancer" }),
  otherCauses: z.array(z.enum(OTHER_CAUSES)).max(10).optional().meta({
    guide:
      'other causes of the pain found on examination or imaging; [] when the record documents none, e.g. ["fracture"]',
  }),
  ageYears: z.int().min(0).max(120).optional().meta({ guide: "age in years, e.g. 54" }),
  pregnant: z.boolean().optional().meta({ guide: "the member is pregnant" }),
  requestType: z.enum(["diagnostic", "therapeutic"]).optional().meta({
    description: "of the requested injection",
    guide: "whether the requested SI joint injection is diagnostic (a block) or therapeutic",
  }),
  imageGuidance: z.enum(["fluoroscopy", "ct", "ultrasound", "none"]).optional().meta({
    description: "planned, for the requested injection",
    guide: "planned image guidance for the requested injection",
  }),
  contrastAllergy: z
    .boolean()
    .optional()
    .meta({ guide: "a documented allergy to contrast (allows ultrasound under the LCD)" }),
  provocativeTests: ProvocativeTestsSchema.optional().meta({
    guide:
      "SI joint provocative manoeuvres (FABER, Gaenslen, thigh thrust, compression, distraction, Yeoman): how many done and positive",
  }),
  diagnosticBlocks: z
    .array(DiagnosticBlockSchema)
    .max(10)
    .optional()
    .meta({ guide: "every diagnostic SI joint block done before, with its relief; [] when none" }),
  therapeuticInjections: z
    .array(TherapeuticInjectionSchema)
    .max(20)
    .optional()
    .meta({ guide: "every therapeutic SI joint injection done before, with date and relief; [] when none" }),
  priorRFA: z
    .array(PriorRfaSchema)
    .max(10)
    .optional()
    .meta({ guide: "earlier SI joint radiofrequency ablations" }),
  conservativeCare: z
    .strictObject({
      weeks: z
        .number()
        .min(0)
        .max(520)
        .optional()
        .meta({ guide: "weeks of conservative care that failed, >= 0, e.g. 6" }),
      modalities: z
        .array(z.enum(CONSERVATIVE_MODALITIES))
        .max(10)
        .optional()
        .meta({ guide: 'treatments tried, e.g. ["physical-therapy", "nsaids"]' }),
    })
    .optional()
    .meta({
      description: "care that did not relieve the pain",
      guide: "conservative care that did not relieve the pain: how many weeks, and what",
    }),
  notes: z
    .string()
    .max(5000)
    .optional()
    .meta({ guide: "free text for the reviewer; never read by the logic and never echoed in the output" }),
});
export type SiJointClinical = z.infer<typeof SiJointClinicalSchema>;

export const siJointFamily: FamilyModule = { id: "si-joint", clinical: SiJointClinicalSchema };
