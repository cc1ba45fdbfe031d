import { z } from "zod";
import type { Family } from "../families/load-family.js";
import { isoDate } from "../util/iso-date.js";

/*
 * The case a review reads: the request (services, diagnoses, date of service, policy) and the clinical
 * facts, whose fields the procedure families declare. Absent facts are unknown, never false.
 * `description`: what the tool definition shows; `guide` (util/field-guide.ts): the longer text of
 * the case fields resource.
 */

export const LateralitySchema = z.enum(["left", "right", "bilateral"]);

function requestedServiceSchema(exampleCodes: readonly string[]) {
  return z.strictObject({
    code: z
      .string()
      .min(1)
      .max(16)
      .meta({ guide: `CPT or HCPCS code${exampleCodes.length ? `, e.g. ${exampleCodes.join(", ")}` : ""}` }),
    units: z.int().min(1).max(9999).optional().meta({
      description: "in the code's unit (J1100: 1 mg)",
      guide: "units billed, in the code's own unit (e.g. J1100 is 1 mg: 8 units = 8 mg)",
    }),
    laterality: LateralitySchema.optional().meta({ guide: "left, right or bilateral" }),
  });
}
export type RequestedService = z.infer<ReturnType<typeof requestedServiceSchema>>;

/** The request part of a case; `policy` is one of the profile ids the loaded families declare. */
function requestSchema(families: readonly Family[], profileIds: readonly string[], defaultProfile: string) {
  const [first, ...rest] = profileIds;
  const policy = first === undefined ? z.never() : z.enum([first, ...rest]);
  // The description's examples: the first code of each service group, then the next ones, four in all.
  const groups = families.flatMap((f) => f.data.groups.map((g) => g.codes.map((c) => c.code)));
  const examples = [...new Set([...groups.map((codes) => codes[0] ?? ""), ...groups.flat()])].slice(0, 4);
  return z.strictObject({
    services: z.array(requestedServiceSchema(examples)).min(1).max(20).meta({
      guide: "the services requested (1-20), each a CPT or HCPCS code with optional units and side",
    }),
    diagnoses: z
      .array(z.string().min(1).max(16))
      .max(25)
      .meta({ description: "ICD-10-CM", guide: "ICD-10-CM codes, e.g. M53.3, M47.817" }),
    dateOfService: isoDate().optional().meta({ guide: "date of service, a calendar date YYYY-MM-DD" }),
    policy: policy.optional().meta({ guide: `policy profile; default "${defaultProfile}"` }),
  });
}

/** The case input of the review tools: the request, and the clinical fields of every family (strict). */
export function caseSchema(
  families: readonly Family[],
  profileIds: readonly string[],
  defaultProfile: string,
) {
  const shape: Record<string, z.ZodType> = {};
  for (const family of families) {
    for (const [name, field] of Object.entries(family.module.clinical.shape)) {
      if (name in shape && shape[name] !== field)
        throw new Error(`families declare the clinical field "${name}" twice (${family.id})`);
      shape[name] = field as z.ZodType;
    }
  }
  return z.strictObject({
    request: requestSchema(families, profileIds, defaultProfile),
    clinical: z.strictObject(shape),
  });
}

/** A validated case, as the engine reads it (clinical fields are read through each family's facts.json). */
export interface CaseInput {
  request: {
    services: RequestedService[];
    diagnoses: string[];
    dateOfService?: string | undefined;
    policy?: string | undefined;
  };
  clinical: Record<string, unknown>;
}
