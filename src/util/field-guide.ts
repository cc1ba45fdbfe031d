/**
 * A tool input field's longer explanation (what it means clinically, units, examples), kept in the
 * zod schema as metadata under this key: `.meta({ guide: "…" })`, beside a `description` that is
 * short or absent. The tool definitions leave it out (a model reads them on every turn); the case
 * fields resource (mnm://families/{id}/facts) shows it.
 */
export const GUIDE_KEY = "guide";
