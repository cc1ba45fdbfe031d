import { dottedIcd } from "./code-shapes.js";
import type { CodeData } from "./load-code-data.js";
import type { HcpcsEntry } from "./hcpcs-table.js";
import type { CodeRef } from "./lookup-result-schema.js";

export function icdRef(data: CodeData, i: number): CodeRef {
  return {
    code: dottedIcd(data.icd.code(i)),
    system: "ICD-10-CM",
    billable: data.icd.billable[i] === 1,
    description: data.icd.title(i),
  };
}

export function hcpcsRef(entry: HcpcsEntry): CodeRef {
  if (entry.kind === "modifier")
    return { code: entry.code, system: "HCPCS", description: entry.longDescription };
  return {
    code: entry.code,
    system: "HCPCS",
    billable: entry.terminationDate === null,
    description: entry.longDescription,
  };
}
