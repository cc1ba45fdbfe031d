import { z } from "zod";
import { HCPCS_SHAPE } from "./code-shapes.js";

const IsoDate = z.iso.date();
const Code = z.string().regex(HCPCS_SHAPE, "expected an HCPCS Level II code (a letter and 4 digits)");

/** Where a fact of an update entry was seen, and whose words it is. */
export const UpdateSourceSchema = z.strictObject({
  quote: z.string().min(1).describe("The words as seen at `seenAt`, verbatim."),
  seenAt: z.string().min(1).describe("The address (or repository file) where the quote was seen."),
  seenAtKind: z
    .enum(["publisher", "repository", "copy", "secondary"])
    .describe(
      "publisher: the publisher's own site (CMS); repository: a public copy of the publisher's data file; copy: a third-party site reproducing the publisher's text; secondary: someone else's summary.",
    ),
  document: z.string().min(1).describe("The document or page the quote is from."),
  stance: z
    .enum(["supports", "conflicts", "context"])
    .describe(
      "Whether the source supports the entry as recorded, contradicts part of it, or only gives context.",
    ),
});

export const HcpcsUpdateSchema = z
  .strictObject({
    code: Code,
    change: z.enum(["added", "deleted"]),
    effectiveDate: IsoDate.nullable().describe(
      "added: the first date of service the code is valid for; deleted: the first date of service it is no longer valid for; null when no source gives it.",
    ),
    description: z
      .string()
      .min(1)
      .nullable()
      .describe(
        "added: the descriptor as best supported by the sources; deleted: null (the shipped file has its own).",
      ),
    replaces: z.array(Code).optional().describe("added: the codes it replaces."),
    replacedBy: z.array(Code).optional().describe("deleted: the codes that replace it."),
    verifiedAtCms: z
      .boolean()
      .describe("true only when the entry was checked against a CMS file or transmittal."),
    sources: z.array(UpdateSourceSchema).min(1),
    note: z
      .string()
      .min(1)
      .describe("What the sources leave open or contradict, and why the recorded values were chosen."),
  })
  .superRefine((entry, ctx) => {
    if (entry.change === "added" && entry.replacedBy)
      ctx.addIssue({ code: "custom", path: ["replacedBy"], message: "an added code has no replacedBy" });
    if (entry.change === "deleted" && (entry.replaces || entry.description !== null))
      ctx.addIssue({ code: "custom", message: "a deleted code has no replaces and a null description" });
    if (!entry.sources.some((s) => s.stance === "supports"))
      ctx.addIssue({ code: "custom", path: ["sources"], message: "expected at least one supporting source" });
  });

/**
 * corpus/codes/hcpcs-updates.json: HCPCS Level II codes created or deleted after the shipped HCPCS
 * file that this product meets, each with its sources. Written by hand, not imported.
 */
export const HcpcsUpdatesSchema = z
  .strictObject({
    label: z.string().min(1).describe("How answers name this data, e.g. in a result's `release`."),
    about: z.string().min(1),
    after: z.string().min(1).describe("The shipped HCPCS release these changes come after."),
    entries: z.array(HcpcsUpdateSchema),
  })
  .superRefine((updates, ctx) => {
    const byCode = new Map(updates.entries.map((e) => [e.code, e]));
    updates.entries.forEach((entry, i) => {
      if (updates.entries.findIndex((e) => e.code === entry.code) !== i)
        ctx.addIssue({ code: "custom", path: ["entries", i], message: `${entry.code} is listed twice` });
      // A replacement is stated on both sides, so either code's answer names the other.
      const links = entry.change === "added" ? (entry.replaces ?? []) : (entry.replacedBy ?? []);
      for (const other of links) {
        const back = byCode.get(other);
        const backLinks = back?.change === "added" ? back.replaces : back?.replacedBy;
        if (!backLinks?.includes(entry.code))
          ctx.addIssue({
            code: "custom",
            path: ["entries", i],
            message: `${entry.code} names ${other}, which does not name it back`,
          });
      }
    });
  });

export type HcpcsUpdates = z.infer<typeof HcpcsUpdatesSchema>;
export type HcpcsUpdate = z.infer<typeof HcpcsUpdateSchema>;
export type UpdateSource = z.infer<typeof UpdateSourceSchema>;
