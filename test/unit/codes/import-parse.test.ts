import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  decodeWindows1252,
  hcpcsTsv,
  parseHcpcsFile,
  readmeDate,
} from "../../../tools/import-codes-hcpcs.js";
import {
  ImportError,
  parseChapters,
  parseCsv,
  parseOrderFile,
  parseOrderLine,
  parseSections,
  placeCategories,
} from "../../../tools/import-codes-icd.js";
import type { OrderEntry } from "../../../tools/import-codes-icd.js";

const FIXTURES = join(import.meta.dirname, "..", "..", "fixtures", "codes");

function orderLine(order: number, code: string, flag: 0 | 1, title: string): string {
  return `${String(order).padStart(5, "0")} ${code.padEnd(7)} ${flag} ${title.slice(0, 60).padEnd(60)} ${title}`;
}

describe("ICD-10-CM order file", () => {
  it("parses one fixed-width line (columns 1-5, 7-13, 15, 78-)", () => {
    const line =
      "19755 M47817  1 Spondyls w/o myelopathy or radiculopathy, lumbosacr region   Spondylosis without myelopathy or radiculopathy, lumbosacral region";
    expect(parseOrderLine(line, 1)).toEqual({
      order: 19755,
      code: "M47817",
      billable: true,
      longTitle: "Spondylosis without myelopathy or radiculopathy, lumbosacral region",
    });
  });

  it("rejects a line whose layout or fields are wrong, naming the line", () => {
    expect(() => parseOrderLine("00001 A00 0 Cholera", 7)).toThrow(/line 7: expected the fixed-width/);
    expect(() => parseOrderLine(orderLine(1, "A00", 0, "Cholera").replace(" 0 ", " 2 "), 3)).toThrow(
      /flag 0 or 1/,
    );
    expect(() => parseOrderLine(orderLine(1, "hello", 0, "Cholera"), 4)).toThrow(ImportError);
  });

  it("parses the fixture file (CRLF) and checks the hierarchy", () => {
    const entries = parseOrderFile(readFileSync(join(FIXTURES, "icd10cm-order-2027.txt"), "latin1"));
    expect(entries).toHaveLength(14);
    expect(entries.filter((e) => e.billable).map((e) => e.code)).toEqual([
      "M461",
      "M47816",
      "M47817",
      "M533",
      "M534",
      "M539",
      "S336XXA",
    ]);
  });

  it("rejects children of a billable code, orphans, out-of-run codes and disordered numbers", () => {
    const file = (rows: [string, 0 | 1][]): string =>
      rows.map(([c, f], i) => orderLine(i + 1, c, f, `Title ${c}`)).join("\r\n");
    expect(
      () =>
        file &&
        parseOrderFile(
          file([
            ["M53", 0],
            ["M533", 1],
            ["M5330", 1],
          ]),
        ),
    ).toThrow(/cannot have children/);
    expect(() =>
      parseOrderFile(
        file([
          ["M53", 0],
          ["M5433", 1],
        ]),
      ),
    ).toThrow(/no ancestor/);
    expect(() =>
      parseOrderFile(
        file([
          ["M53", 0],
          ["M533", 0],
          ["M54", 0],
          ["M5331", 1],
        ]),
      ),
    ).toThrow(/not inside the run/);
    const swapped = [orderLine(2, "A00", 0, "A"), orderLine(1, "A01", 0, "B")].join("\n");
    expect(() => parseOrderFile(swapped)).toThrow(/order numbers must increase/);
  });
});

describe("chapters and sections CSV", () => {
  it("reads quoted fields with commas and doubled quotes", () => {
    expect(parseCsv('a,"b, c","say ""hi"""\r\n1,2,3\n')).toEqual([
      ["a", "b, c", 'say "hi"'],
      ["1", "2", "3"],
    ]);
  });

  it("parses chapters with their ranges and sections with single-category ranges", () => {
    const chapters = parseChapters(readFileSync(join(FIXTURES, "icd10cm-chapters-2027.csv"), "utf8"));
    expect(chapters[1]).toEqual({
      number: 19,
      first: "S00",
      last: "T88",
      title: "Injury, poisoning and certain other consequences of external causes (S00-T88)",
    });
    const sections = parseSections(
      "section_range,chapter,description\nB10,1,Other human herpesviruses (B10)\n",
    );
    expect(sections).toEqual([
      { first: "B10", last: "B10", chapter: 1, title: "Other human herpesviruses (B10)" },
    ]);
    expect(() => parseChapters("chapter,title\n1,x\n")).toThrow(/expected the header/);
    expect(() => parseChapters("chapter,description\n1,No range here\n")).toThrow(/end with a range/);
  });

  it("places categories by order-file position: C4A in C43-C44, J45 in J40-J4A, D3A not in D37-D48", () => {
    const cats = ["C43", "C4A", "C44", "D36", "D3A", "D37", "D48", "J40", "J44", "J4A", "J45", "J47"];
    const entries: OrderEntry[] = cats.map((code, i) => ({
      order: i + 1,
      code,
      billable: false,
      longTitle: code,
    }));
    const chapters = [
      { number: 2, first: "C00", last: "D49", title: "Neoplasms (C00-D49)" },
      { number: 10, first: "J00", last: "J99", title: "Respiratory (J00-J99)" },
    ];
    const blocks = [
      { first: "C43", last: "C44", chapter: 2, title: "Skin" },
      { first: "D3A", last: "D3A", chapter: 2, title: "Benign neuroendocrine" },
      { first: "D37", last: "D48", chapter: 2, title: "Uncertain behavior" },
      { first: "D36", last: "D36", chapter: 2, title: "Other benign" },
      { first: "J40", last: "J4A", chapter: 10, title: "Chronic lower respiratory" },
      { first: "C00", last: "D49", chapter: 2, title: "All neoplasms" },
    ];
    const places = placeCategories(entries, chapters, blocks);
    expect(places.get("C4A")).toEqual({ chapter: 2, blocks: ["C43-C44", "C00-D49"] });
    expect(places.get("D3A")).toEqual({ chapter: 2, blocks: ["D3A", "C00-D49"] });
    expect(places.get("J45")).toEqual({ chapter: 10, blocks: ["J40-J4A"] });
    expect(() => placeCategories(entries, chapters.slice(0, 1), blocks)).toThrow(
      /block J40-J4A names unknown chapter 10/,
    );
    expect(() => placeCategories(entries, chapters.slice(0, 1), blocks.slice(0, 4))).toThrow(
      /J40: lies in 0 chapters/,
    );
  });
});

describe("HCPCS fixed-width file", () => {
  const text = decodeWindows1252(readFileSync(join(FIXTURES, "HCPC2021_ANWEB_fixture.txt")));

  it("decodes Windows-1252 (0x92 is a right single quote)", () => {
    expect(text).toContain("CMS\u2019 2021");
  });

  it("joins continuation records into the long description and reads dates", () => {
    const records = parseHcpcsFile(text);
    const c9752 = records.find((r) => r.code === "C9752");
    expect(c9752).toEqual({
      code: "C9752",
      kind: "procedure",
      longDescription:
        "Destruction of intraosseous basivertebral nerve, first two vertebral bodies, including imaging guidance (e.g., fluoroscopy), lumbar/sacrum",
      shortDescription: "Intraosseous des lumb/sacrum",
      addedDate: "2019-01-01",
      effectiveDate: "2021-01-01",
      terminationDate: "2021-12-31",
    });
    const rt = records.find((r) => r.code === "RT");
    expect(rt?.kind).toBe("modifier");
    expect(rt?.longDescription).toBe(
      "Right side (used to identify procedures performed on the right side of the body)",
    );
    expect(records).toHaveLength(7);
  });

  it("writes procedures first, then modifiers, each by code", () => {
    const codes = hcpcsTsv(parseHcpcsFile(text))
      .trimEnd()
      .split("\n")
      .map((l) => l.split("\t")[0]);
    expect(codes).toEqual(["A4206", "C9752", "G0260", "J1100", "J1111", "LT", "RT"]);
  });

  it("rejects a continuation without its first record and a bad date", () => {
    const lines = text.split("\r\n");
    const orphan = lines.filter((l) => !l.startsWith("G0260001003")).join("\r\n");
    expect(() => parseHcpcsFile(orphan)).toThrow(/continuation of G0260 does not follow/);
    const badDate = text.replace("20030101", "2003-1-1");
    expect(() => parseHcpcsFile(badDate)).toThrow(/add date/);
  });

  it("reads the file date from the CMS read-me", () => {
    expect(readmeDate("2020 ALPHA-NUMERIC\n\tNovember 2, 2019\n")).toBe("2019-11-02");
    expect(readmeDate("no date here")).toBeNull();
  });
});
