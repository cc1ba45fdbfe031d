import { z } from "zod";

/**
 * How much a tool answers: "summary" (the default) gives the facts a reader acts on in a few
 * hundred tokens; "full" gives every fact the tool has, de-duplicated. Both levels carry the same
 * facts in their structured content and their text block. (No description: the values and the
 * default say it in the tool definition, which a model reads on every turn.)
 */
export const DetailSchema = z.enum(["summary", "full"]).default("summary");

export type Detail = z.infer<typeof DetailSchema>;
