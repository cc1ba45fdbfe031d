import { createHash } from "node:crypto";
import type { z } from "zod";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkJson, jsonProblems } from "../corpus/checked-json.js";
import { CptPlainLanguageSchema } from "./cpt-plain-language-schema.js";
import type { CptPlainLanguage } from "./cpt-plain-language-schema.js";
import { parseHcpcsTable } from "./hcpcs-table.js";
import type { HcpcsTable } from "./hcpcs-table.js";
import { HcpcsUpdatesSchema } from "./hcpcs-updates-schema.js";
import type { HcpcsUpdate, HcpcsUpdates } from "./hcpcs-updates-schema.js";
import { ShippedNotesSchema } from "./icd-notes-schema.js";
import type { ShippedNotes } from "./icd-notes-schema.js";
import { parseIcdTable } from "./icd10cm-table.js";
import type { IcdTable } from "./icd10cm-table.js";
import { datingFor } from "./release-dating.js";
import type { CodeDating } from "./release-dating.js";
import { CODE_FILES, CodeReleasesSchema } from "./release-manifest.js";
import type { CodeReleases, DataFile, HcpcsRelease, Icd10cmRelease } from "./release-manifest.js";

/** One ICD-10-CM release, parsed. */
export interface IcdReleaseData {
  release: Icd10cmRelease;
  icd: IcdTable;
  notes: ShippedNotes | null;
}

/**
 * The code data one answer reads: the ICD-10-CM release and HCPCS file chosen (for a date of
 * service, or the newest), the CPT summaries and the known HCPCS updates.
 */
export interface CodeData {
  /** The releases answering (labels, windows, sources). */
  releases: { icd10cm: Icd10cmRelease; hcpcs: HcpcsRelease };
  /** Every shipped release, oldest first (releases.json). */
  shipped: CodeReleases;
  icd: IcdTable;
  notes: ShippedNotes | null;
  hcpcs: HcpcsTable;
  cpt: CptPlainLanguage;
  cptDescriptions: Map<string, string>;
  hcpcsNotes: Map<string, string>;
  updates: HcpcsUpdates;
  updatesByCode: Map<string, HcpcsUpdate>;
  /** The other shipped ICD-10-CM releases that hold a code (bare), oldest first; parsed on first use. */
  icdElsewhere: (bare: string) => Icd10cmRelease[];
}

/** The code data for a date of service, and which releases answer and how they fit the date. */
export interface DatedCodeData {
  data: CodeData;
  dating: CodeDating;
}

/** Reads one file of a code-data folder by its name under codes/. */
export type CodeFileReader = (file: string) => Buffer;

/** A data file's text, refused unless its bytes and sha256 are those releases.json records. */
function checkedText(read: CodeFileReader, file: DataFile): string {
  const bytes = read(file.file);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (bytes.length !== file.bytes || sha256 !== file.sha256) {
    throw new Error(
      `corpus/codes/${file.file} differs from releases.json (size or sha256); re-run npm run import-codes`,
    );
  }
  return bytes.toString("utf8");
}

/** Runs a table parser, naming the release whose data it is in any error. */
function parsing<T>(release: { label: string }, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new Error(`${release.label}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function parseIcdRelease(read: CodeFileReader, release: Icd10cmRelease): IcdReleaseData {
  const codes = checkedText(read, release.codes);
  const chapters = checkedText(read, release.chapters.data);
  const blocks = checkedText(read, release.blocks.data);
  const icd = parsing(release, () => parseIcdTable(codes, chapters, blocks));
  const billable = icd.billable.reduce((n, b) => n + b, 0);
  if (billable !== release.billableCount || icd.size - billable !== release.headerCount) {
    throw new Error(
      `corpus/codes/${release.codes.file}: billable or header count differs from releases.json`,
    );
  }
  const notes = release.notes
    ? ShippedNotesSchema.parse(JSON.parse(checkedText(read, release.notes.data)))
    : null;
  return { release, icd, notes };
}

function parseHcpcsRelease(read: CodeFileReader, release: HcpcsRelease): HcpcsTable {
  const text = checkedText(read, release.codes);
  const hcpcs = parsing(release, () => parseHcpcsTable(text));
  if (hcpcs.procedures.size !== release.procedureCount || hcpcs.modifiers.size !== release.modifierCount) {
    throw new Error(
      `corpus/codes/${release.codes.file}: procedure or modifier count differs from releases.json`,
    );
  }
  return hcpcs;
}

/** A codes/ JSON file by its name, checked against its schema: zod's output, or throws. */
export type CodeFileParser = <S extends z.ZodType>(file: string, schema: S) => z.output<S>;

/** A CodeFileParser reading each file with `read` and checking it with zod. */
function parseWithZod(read: CodeFileReader): CodeFileParser {
  return (file, schema) => {
    const checked = checkJson(read(file).toString("utf8"), schema);
    if (!checked.ok) throw new Error(jsonProblems(`codes/${file}`, checked).join("\n"));
    return checked.value;
  };
}

/**
 * The code sets of a corpus: the release facts at hand, each release's tables parsed on first use
 * (start-up stays fast) from bytes that must still have the hashes releases.json records. Every
 * answer reads one view, chosen by date of service; views and tables are built once.
 */
export class CodeSets {
  readonly releases: CodeReleases;
  private readonly updates: HcpcsUpdates;
  private readonly icdTables = new Map<number, IcdReleaseData>();
  private readonly hcpcsTables = new Map<number, HcpcsTable>();
  private readonly views = new Map<string, CodeData>();
  private cpt: CptPlainLanguage | undefined;

  /**
   * `read` gives a file under codes/ by name (the verified corpus bytes, or an importer's output
   * folder); `parse` reads a JSON file and checks it against its schema (zod on the bytes `read`
   * gives; for the corpus, the verified files' own check, which may hold zod's output parsed ahead
   * by the build).
   */
  constructor(
    private readonly read: CodeFileReader,
    private readonly parse: CodeFileParser = parseWithZod(read),
  ) {
    this.releases = parse(CODE_FILES.releases, CodeReleasesSchema);
    this.updates = parse(CODE_FILES.hcpcsUpdates, HcpcsUpdatesSchema);
  }

  /** The newest shipped releases (what an answer without a date of service reads). */
  get(): CodeData {
    return this.forDate().data;
  }

  /**
   * The code data of the ICD-10-CM release in force on the date of service and of the HCPCS file for
   * it, with how each fits the date: in force, outside every shipped window (the nearest answers), or
   * no date given (the newest answers). `dateOfService` is YYYY-MM-DD.
   */
  forDate(dateOfService?: string): DatedCodeData {
    const { icdIndex, hcpcsIndex, dating } = datingFor(
      this.releases.icd10cm,
      this.releases.hcpcs,
      dateOfService,
    );
    return { data: this.view(icdIndex, hcpcsIndex), dating };
  }

  /** One parsed ICD-10-CM release by its position in releases.json. */
  icdRelease(index: number): IcdReleaseData {
    let parsed = this.icdTables.get(index);
    const release = this.releases.icd10cm[index];
    if (!release) throw new Error(`no ICD-10-CM release ${index}`);
    if (!parsed) {
      parsed = parseIcdRelease(this.read, release);
      this.icdTables.set(index, parsed);
    }
    return parsed;
  }

  private hcpcsTable(index: number): HcpcsTable {
    let table = this.hcpcsTables.get(index);
    const release = this.releases.hcpcs[index];
    if (!release) throw new Error(`no HCPCS release ${index}`);
    if (!table) {
      table = parseHcpcsRelease(this.read, release);
      this.hcpcsTables.set(index, table);
    }
    return table;
  }

  private view(icdIndex: number, hcpcsIndex: number): CodeData {
    const key = `${icdIndex}:${hcpcsIndex}`;
    const existing = this.views.get(key);
    if (existing) return existing;
    this.cpt ??= this.parse(CODE_FILES.cpt, CptPlainLanguageSchema);
    const cpt = this.cpt;
    const { release, icd, notes } = this.icdRelease(icdIndex);
    const hcpcsRelease = this.releases.hcpcs[hcpcsIndex];
    if (!hcpcsRelease) throw new Error(`no HCPCS release ${hcpcsIndex}`);
    const data: CodeData = {
      releases: { icd10cm: release, hcpcs: hcpcsRelease },
      shipped: this.releases,
      icd,
      notes,
      hcpcs: this.hcpcsTable(hcpcsIndex),
      cpt,
      cptDescriptions: new Map(cpt.codes.map((c) => [c.code, c.description])),
      hcpcsNotes: new Map(cpt.hcpcsNotes.map((n) => [n.code, n.note])),
      updates: this.updates,
      updatesByCode: new Map(this.updates.entries.map((e) => [e.code, e])),
      icdElsewhere: (bare) =>
        this.releases.icd10cm.flatMap((other, i) =>
          i !== icdIndex && this.icdRelease(i).icd.find(bare) >= 0 ? [other] : [],
        ),
    };
    this.views.set(key, data);
    return data;
  }
}

/** The code sets in a codes folder as written by the importer (tests and tools; no manifest). */
export function loadCodeSets(dir: string): CodeSets {
  return new CodeSets((file) => readFileSync(join(dir, file)));
}

/** The newest releases' code data in a codes folder (importer output). */
export function loadCodeData(dir: string): CodeData {
  return loadCodeSets(dir).get();
}
