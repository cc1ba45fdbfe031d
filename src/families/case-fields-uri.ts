/** The case fields resource of a family (families/case-fields.ts writes it). */
export const CASE_FIELDS_URI_TEMPLATE = "mnm://families/{id}/facts";

export function caseFieldsUri(familyId: string): string {
  return `mnm://families/${encodeURIComponent(familyId)}/facts`;
}
