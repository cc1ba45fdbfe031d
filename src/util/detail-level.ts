import { z } from "zod";

/**
 * How much a tool answers: "summary" (the default) gives the facts a reader acts on in a few
 * hundred tokens; "full" gives every fact the tool has, de-duplicated. Both levels carry the same
 * facts in their structured content and their text block.
 */
export const DetailSchema = z
  .enum(["summary", "full"])
  .default("summary")
  .describe('"summary" (default): the facts to act on, compact. "full": every detail, de-duplicated.');

export type Detail = z.infer<typeof DetailSchema>;
