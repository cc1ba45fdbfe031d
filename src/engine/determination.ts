import { z } from "zod";

export const DeterminationSchema = z.enum([
  "not-medically-necessary",
  "medically-necessary",
  "insufficient-information",
  "not-applicable",
]);
export type Determination = z.infer<typeof DeterminationSchema>;
