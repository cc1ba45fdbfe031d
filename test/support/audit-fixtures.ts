import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { canonicalJson } from "../../src/engine/canonical-json.js";
import type { SiCase as EvaluateInput } from "./knowledge.js";
import { REFERENCE_CASE } from "../../tools/demo-reference-case.js";

/** Two valid audit keys (hex, 32 bytes) and the environment that hands the first to a process. */
export const KEY_HEX = "5c".repeat(16) + "a1b2c3d4".repeat(4);
export const OTHER_KEY_HEX = "07".repeat(32);
export const KEY = Buffer.from(KEY_HEX, "hex");
export const OTHER_KEY = Buffer.from(OTHER_KEY_HEX, "hex");
export const KEY_ENV = { MNM_AUDIT_KEY: KEY_HEX };

export const MARKER = "PATIENT-NOTE-MARKER-7f3a";
export const CASE: EvaluateInput = {
  ...REFERENCE_CASE,
  clinical: { ...REFERENCE_CASE.clinical, notes: MARKER },
};
export const OTHER: EvaluateInput = {
  request: { services: [{ code: "27096" }], diagnoses: ["M46.1"] },
  clinical: { painDurationMonths: 2, notes: MARKER },
};

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The plain (unkeyed) hashes a case could be recognised by: of its canonical input, and of its parts. */
export function plainHashesOf(input: EvaluateInput): string[] {
  return [
    sha256(canonicalJson(input)),
    sha256(canonicalJson(input.request)),
    sha256(canonicalJson(input.clinical ?? {})),
    sha256(JSON.stringify(input)),
  ];
}

export interface TempLog {
  dir: string;
  file: string;
  lines(): string[];
  writeLines(lines: string[]): void;
  /** Every file in the directory (log, head, quarantine, …) as text, concatenated. */
  everything(): string;
  remove(): void;
}

export function tempLog(): TempLog {
  const dir = mkdtempSync(join(tmpdir(), "mnm-audit-"));
  const file = join(dir, "audit.jsonl");
  return {
    dir,
    file,
    lines: () => readFileSync(file, "utf8").trimEnd().split("\n"),
    writeLines: (ls) => writeFileSync(file, ls.length ? `${ls.join("\n")}\n` : ""),
    everything: () =>
      readdirSync(dir)
        .map((f) => readFileSync(join(dir, f), "utf8"))
        .join("\n"),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Rewrite a line as someone without the key would: new content, chain values recomputed as plain sha256. */
export function rewriteWithPlainHashes(
  lines: string[],
  index: number,
  edit: (r: Record<string, unknown>) => void,
): string[] {
  const out = [...lines];
  let prev: string | undefined;
  for (let i = index; i < out.length; i++) {
    const record = JSON.parse(out[i] ?? "{}") as Record<string, unknown>;
    if (i === index) edit(record);
    if (prev !== undefined) record.prev = prev;
    delete record.mac;
    record.mac = sha256(canonicalJson(record));
    prev = record.mac as string;
    out[i] = canonicalJson(record);
  }
  return out;
}
