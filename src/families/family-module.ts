import type { z } from "zod";

/**
 * The code side of a procedure family: its id (the folder corpus/families/<id>/ holds its data) and
 * the zod schema of the clinical facts a client sends for it. Everything else about a family is data.
 */
export interface FamilyModule {
  id: string;
  /** The family's fields of the case's `clinical` object (a strict object; fields are optional). */
  clinical: z.ZodObject;
}
