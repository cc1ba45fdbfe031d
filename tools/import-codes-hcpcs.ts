import { z } from "zod";
import type { HcpcsEntry } from "../src/codes/hcpcs-table.js";
import { ImportError, textLines } from "./import-codes-icd.js";

/** One record of the CMS file: the same shape the server's HCPCS table holds. */
export type HcpcsRecord = HcpcsEntry;

const HcpcsRecordSchema = z.strictObject({
  code: z
    .string()
    .regex(
      /^([A-Z]\d{4}|[A-Z0-9]{2})$/,
      "expected a procedure code (letter + 4 digits) or a 2-character modifier",
    ),
  kind: z.enum(["procedure", "modifier"]),
  longDescription: z
    .string()
    .min(1)
    .regex(/^[^\t\r\n]*$/, "expected no tabs"),
  shortDescription: z.string().regex(/^[^\t\r\n]*$/, "expected no tabs"),
  addedDate: z.iso.date().nullable(),
  effectiveDate: z.iso.date().nullable(),
  terminationDate: z.iso.date().nullable(),
});

/** The CMS file is Windows-1252 (its disclaimer has a 0x92 apostrophe). */
export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder("windows-1252").decode(bytes);
}

// 1-5 code (modifiers right-justified), 6-10 sequence, 11 RECID.
const RECORD_START = /^([A-Z0-9 ]{5})(\d{5})([3478])/;

function isoDate(field: string, what: string, where: string): string | null {
  if (field.trim() === "") return null;
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(field);
  if (!m) throw new ImportError(`${where}: expected ${what} as YYYYMMDD or blank, found "${field}"`);
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/**
 * The fixed-width HCPCS file (320-character records; 1-based columns): 1-5 code, 6-10 sequence,
 * 11 RECID (3 procedure, 4 its continuation, 7 modifier, 8 its continuation), 12-91 long
 * description, 92-119 short description, 269-276 add date, 277-284 action effective date,
 * 285-292 termination date. Continuation records extend the long description. Lines before the
 * first record (the disclaimer) are skipped.
 */
export function parseHcpcsFile(text: string): HcpcsRecord[] {
  const records: HcpcsRecord[] = [];
  const parts: string[] = [];
  let current: HcpcsRecord | undefined;
  let started = false;
  const finish = (): void => {
    if (!current) return;
    current.longDescription = parts.join(" ");
    const parsed = HcpcsRecordSchema.safeParse(current);
    if (!parsed.success)
      throw new ImportError(`HCPCS ${current.code}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
    records.push(parsed.data);
    parts.length = 0;
    current = undefined;
  };
  textLines(text).forEach((line, i) => {
    const where = `HCPCS file line ${i + 1}`;
    const m = RECORD_START.exec(line);
    if (!m) {
      if (started && line.trim() !== "")
        throw new ImportError(`${where}: expected a record (code, sequence, RECID 3/4/7/8)`);
      return;
    }
    started = true;
    const code = (m[1] ?? "").trim();
    const recid = m[3];
    const text80 = line.slice(11, 91).trim();
    if (recid === "4" || recid === "8") {
      const expectedKind = recid === "4" ? "procedure" : "modifier";
      if (current?.code !== code || current.kind !== expectedKind)
        throw new ImportError(`${where}: continuation of ${code} does not follow its first record`);
      if (text80 !== "") parts.push(text80);
      return;
    }
    finish();
    if (line.length < 119) throw new ImportError(`${where}: a first record must be at least 119 characters`);
    parts.push(text80);
    current = {
      code,
      kind: recid === "3" ? "procedure" : "modifier",
      longDescription: "",
      shortDescription: line.slice(91, 119).trim(),
      addedDate: isoDate(line.slice(268, 276), "the add date (columns 269-276)", where),
      effectiveDate: isoDate(line.slice(276, 284), "the action effective date (columns 277-284)", where),
      terminationDate: isoDate(line.slice(284, 292), "the termination date (columns 285-292)", where),
    };
  });
  finish();
  if (records.length === 0) throw new ImportError("HCPCS file: no records");
  const seen = new Set<string>();
  for (const r of records) {
    const key = `${r.kind}:${r.code}`;
    if (seen.has(key)) throw new ImportError(`HCPCS file: ${r.kind} ${r.code} appears twice`);
    seen.add(key);
  }
  return records;
}

/** Sorted by kind (procedures first), then code. */
export function sortHcpcs(records: HcpcsRecord[]): HcpcsRecord[] {
  const rank = (r: HcpcsRecord): number => (r.kind === "procedure" ? 0 : 1);
  return [...records].sort((a, b) => rank(a) - rank(b) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The committed HCPCS table: code, P/M, long, short, added, effective, terminated (blank when none). */
export function hcpcsTsv(records: HcpcsRecord[]): string {
  return sortHcpcs(records)
    .map(
      (r) =>
        [
          r.code,
          r.kind === "procedure" ? "P" : "M",
          r.longDescription,
          r.shortDescription,
          r.addedDate ?? "",
          r.effectiveDate ?? "",
          r.terminationDate ?? "",
        ].join("\t") + "\n",
    )
    .join("");
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** The file date from the CMS read-me ("November 2, 2019"), or null when it has none. */
export function readmeDate(text: string): string | null {
  const m = new RegExp(`(${MONTHS.join("|")}) (\\d{1,2}), (\\d{4})`).exec(text);
  if (!m?.[1] || !m[2] || !m[3]) return null;
  const month = String(MONTHS.indexOf(m[1]) + 1).padStart(2, "0");
  return `${m[3]}-${month}-${m[2].padStart(2, "0")}`;
}
