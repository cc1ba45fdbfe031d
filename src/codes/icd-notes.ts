import type { NoteSet } from "./icd-notes-schema.js";
import type { CodeData } from "./load-code-data.js";
import { LIST_NOTE_KINDS } from "./lookup-result-schema.js";
import type { CodeResult } from "./lookup-result-schema.js";

type Notes = Pick<CodeResult, "excludes1" | "excludes2" | "notes" | "notesComplete">;
type OtherNote = NonNullable<CodeResult["notes"]>[number];

/**
 * Tabular notes that apply to a code: its own, then each ancestor's upwards, then its blocks'
 * (narrowest first), each with the entry that states it. `chain` is the code and its existing
 * ancestors, most specific first, dotted.
 */
export function icdNotes(data: CodeData, chain: string[], blocks: string[]): Notes {
  const shipped = data.notes;
  if (!shipped) return { notesComplete: false };
  const excludes1: { text: string; from: string }[] = [];
  const excludes2: { text: string; from: string }[] = [];
  const notes: OtherNote[] = [];
  const take = (set: NoteSet | undefined, from: string): void => {
    if (!set) return;
    for (const text of set.excludes1 ?? []) excludes1.push({ text, from });
    for (const text of set.excludes2 ?? []) excludes2.push({ text, from });
    for (const kind of LIST_NOTE_KINDS) {
      for (const text of set[kind] ?? []) notes.push({ kind, text, from });
    }
    for (const [ch, meaning] of Object.entries(set.sevenChrDef ?? {}))
      notes.push({ kind: "sevenChrDef", text: `${ch}: ${meaning}`, from });
  };
  for (const code of chain) take(shipped.codes[code], code);
  for (const range of blocks) take(shipped.blocks[range], range);
  const [self, ...ancestors] = chain;
  // 7-character codes are not entries of the tabular XML: their notes are their ancestors'.
  const selfListed =
    self !== undefined && (shipped.codes[self] !== undefined || self.replace(".", "").length === 7);
  const complete =
    selfListed &&
    ancestors.every((c) => shipped.codes[c] !== undefined) &&
    blocks[0] !== undefined &&
    shipped.blocks[blocks[0]] !== undefined;
  return {
    ...(excludes1.length ? { excludes1 } : {}),
    ...(excludes2.length ? { excludes2 } : {}),
    ...(notes.length ? { notes } : {}),
    notesComplete: complete,
  };
}
