import { z } from "zod";
import type { FamilyModule } from "../families/family-module.js";

/*
 * The case a review reads: the request (services, diagnoses, date of service, policy) and the clinical
 * facts, whose fields the procedure families declare. Absent facts are unknown, never false.
 */

const IsoDateSchema = z.iso.date().describe("calendar date YYYY-MM-DD");

export const LateralitySchema = z.enum(["left", "right", "bilateral"]);

export const RequestedServiceSchema = z.strictObject({
  code: z.string().min(1).max(16).describe("CPT or HCPCS code, e.g. 64625, 27096, G0260, J1100"),
  units: z.int().min(1).max(9999).optional(),
  laterality: LateralitySchema.optional(),
});
export type RequestedService = z.infer<typeof RequestedServiceSchema>;

/** The request part of a case; `policy` is one of the profile ids the loaded families declare. */
export function requestSchema(profileIds: readonly string[], defaultProfile: string) {
  const [first, ...rest] = profileIds;
  const policy = first === undefined ? z.never() : z.enum([first, ...rest]);
  return z.strictObject({
    services: z.array(RequestedServiceSchema).min(1).max(20),
    diagnoses: z.array(z.string().min(1).max(16)).max(25).describe("ICD-10-CM codes, e.g. M53.3, M47.817"),
    dateOfService: IsoDateSchema.optional(),
    policy: policy.optional().describe(`policy profile; default "${defaultProfile}"`),
  });
}

/** The case input of the review tools: the request, and the clinical fields of every family (strict). */
export function caseSchema(
  families: readonly FamilyModule[],
  profileIds: readonly string[],
  defaultProfile: string,
) {
  const shape: Record<string, z.ZodType> = {};
  for (const family of families) {
    for (const [name, field] of Object.entries(family.clinical.shape)) {
      if (name in shape && shape[name] !== field)
        throw new Error(`families declare the clinical field "${name}" twice (${family.id})`);
      shape[name] = field as z.ZodType;
    }
  }
  return z.strictObject({
    request: requestSchema(profileIds, defaultProfile),
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
