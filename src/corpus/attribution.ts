import type { Provenance } from "./citation.js";
import { shortLabel } from "./format-citation.js";
import type { PassageProvenance, Source } from "./schemas.js";

/** The host a passage was seen on ("www." dropped), or the file name of an ingested PDF. */
export function seenAtHost(seenAt: string): string {
  const file = /^file:(\S+)/.exec(seenAt);
  if (file?.[1]) return file[1];
  try {
    return new URL(seenAt).hostname.replace(/^www\./, "");
  } catch {
    return seenAt;
  }
}

/**
 * Whose words a quote is, and a plain warning when they are not the publisher's own text
 * (data/upstream/evidence/README.md: a secondary passage is cited as the third party's words).
 */
export function provenanceFor(source: Source, provenance: PassageProvenance, section: string): Provenance {
  const host = seenAtHost(provenance.seenAt);
  const name = source.shortTitle ?? source.title;
  const own = `${shortLabel(source)}, ${name}`;
  const base = { seenAt: provenance.seenAt, seenAtKind: provenance.seenAtKind };
  switch (provenance.seenAtKind) {
    case "publisher":
      return { ...base, attribution: `the source's own words (${own}), seen on the publisher's site (${host})` };
    case "repository":
      return { ...base, attribution: `the source's own words (${own}), seen in an institutional repository (${host})` };
    case "copy":
      return {
        ...base,
        attribution: `the source's own words (${own}), seen on an unofficial copy (${host})`,
        caution: `seen on an unofficial copy (${host}); re-check against the publisher before relying on it`,
      };
    case "secondary":
      return {
        ...base,
        // Third parties that say they quote the source are still cited as their rendering of it.
        attribution: /as quoted by/i.test(section)
          ? `${name} as quoted by ${host} (the third party's rendering; not seen in the source itself)`
          : `summary of ${name} by ${host}`,
        caution: `these are ${host}'s words about the source, not the source's own text; check the source itself before relying on them`,
      };
    case "ingested-pdf":
      return {
        ...base,
        attribution: `the source's own words (${own}), text extracted from the PDF ${host}`,
        caution: "text extracted automatically from a PDF page; layout such as columns and tables may be flattened",
      };
  }
}
