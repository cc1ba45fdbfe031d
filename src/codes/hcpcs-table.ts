/** One HCPCS Level II procedure or modifier record. */
export interface HcpcsEntry {
  code: string;
  kind: "procedure" | "modifier";
  longDescription: string;
  shortDescription: string;
  addedDate: string | null;
  effectiveDate: string | null;
  terminationDate: string | null;
}

export interface HcpcsTable {
  procedures: Map<string, HcpcsEntry>;
  modifiers: Map<string, HcpcsEntry>;
  /** Procedure codes in ascending order (the file's order). */
  procedureCodes: string[];
}

/** Parses the importer's hcpcs-<year>.tsv (code, P/M, long, short, added, effective, terminated). */
export function parseHcpcsTable(text: string): HcpcsTable {
  const procedures = new Map<string, HcpcsEntry>();
  const modifiers = new Map<string, HcpcsEntry>();
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  lines.forEach((line, i) => {
    const [code = "", kind, long = "", short = "", added = "", effective = "", terminated = "", extra] =
      line.split("\t");
    if ((kind !== "P" && kind !== "M") || extra !== undefined || code === "" || long === "") {
      throw new Error(`HCPCS table line ${i + 1}: expected 7 tab-separated columns with kind P or M`);
    }
    const entry: HcpcsEntry = {
      code,
      kind: kind === "P" ? "procedure" : "modifier",
      longDescription: long,
      shortDescription: short,
      addedDate: added || null,
      effectiveDate: effective || null,
      terminationDate: terminated || null,
    };
    (kind === "P" ? procedures : modifiers).set(code, entry);
  });
  const procedureCodes = [...procedures.keys()];
  if (procedureCodes.some((c, i) => i > 0 && (procedureCodes[i - 1] ?? "") >= c)) {
    throw new Error("HCPCS table: procedure codes must be in ascending order");
  }
  return { procedures, modifiers, procedureCodes };
}
