import { jsonProblems } from "../corpus/checked-json.js";
import type { z } from "zod";
import { sha256Hex } from "../corpus/manifest.js";
import type { VerifiedFiles } from "../corpus/verified-files.js";
import type { FamilyModule } from "./family-module.js";
import { DiagnosisClassesSchema, FactsSchema, FamilySchema, WorkedExamplesSchema } from "./family-schema.js";
import type { DiagnosisClasses, Fact, FactsData, FamilyData, WorkedExamples } from "./family-schema.js";
import { ProfileSchema } from "./profile-schema.js";
import type { Profile } from "./profile-schema.js";

/** Families live in corpus/families/<id>/. */
export const FAMILIES_DIR = "families";

export interface LoadedProfile {
  profile: Profile;
  /** corpus-relative path, e.g. "families/si-joint/profiles/evidence-hierarchy.v1.json" */
  file: string;
  /** sha256 of the file's bytes */
  sha256: string;
}

/** A procedure family: its code (input schema) and its data, validated. */
export interface Family {
  id: string;
  module: FamilyModule;
  /** corpus-relative folder, e.g. "families/si-joint" */
  folder: string;
  data: FamilyData;
  facts: FactsData;
  factByName: ReadonlyMap<string, Fact>;
  classes: DiagnosisClasses;
  /** Profile id → its versions, oldest first. */
  profiles: ReadonlyMap<string, readonly LoadedProfile[]>;
  examples: WorkedExamples["examples"];
  /** Criteria that can never be unknown, with why (from the examples files). */
  neverUnknown: WorkedExamples["neverUnknown"];
}

function parseFile<T>(
  files: VerifiedFiles,
  file: string,
  schema: z.ZodType<T>,
  problems: string[],
): T | undefined {
  const shown = `corpus/${file}`;
  if (!files.has(file)) {
    problems.push(`${shown}: missing`);
    return undefined;
  }
  const parsed = files.json(file, schema);
  if (!parsed.ok) {
    problems.push(...jsonProblems(shown, parsed));
    return undefined;
  }
  return parsed.value;
}

const PROFILE_FILE = /^([A-Za-z0-9][A-Za-z0-9-]*)\.v([0-9]+)\.json$/;

function loadProfiles(
  files: VerifiedFiles,
  folder: string,
  problems: string[],
): Map<string, LoadedProfile[]> {
  const profiles = new Map<string, LoadedProfile[]>();
  const prefix = `${folder}/profiles/`;
  for (const file of files.list(prefix)) {
    const name = file.slice(prefix.length);
    const match = PROFILE_FILE.exec(name);
    if (!match) {
      problems.push(`corpus/${file}: a profile file is named <profile id>.v<version>.json`);
      continue;
    }
    const [, id = "", version = ""] = match;
    const profile = parseFile(files, file, ProfileSchema, problems);
    if (!profile) continue;
    if (profile.id !== id)
      problems.push(`corpus/${file}: id is "${profile.id}", expected "${id}" (the file name)`);
    if (profile.version !== String(Number(version)))
      problems.push(`corpus/${file}: version "${profile.version}" does not match the file name`);
    const versions = profiles.get(id) ?? [];
    // The hash the start-up check verified against the manifest.
    versions.push({ profile, file, sha256: files.entry(file)?.sha256 ?? sha256Hex(files.bytes(file)) });
    profiles.set(id, versions);
  }
  for (const versions of profiles.values())
    versions.sort((a, b) => Number(a.profile.version) - Number(b.profile.version));
  return profiles;
}

/** Read and validate a family's data folder; cross-references are checked by checkFamily(). */
export function loadFamily(
  files: VerifiedFiles,
  module: FamilyModule,
): { family?: Family; problems: string[] } {
  const problems: string[] = [];
  const folder = `${FAMILIES_DIR}/${module.id}`;
  const data = parseFile(files, `${folder}/family.json`, FamilySchema, problems);
  const facts = parseFile(files, `${folder}/facts.json`, FactsSchema, problems);
  const classes = parseFile(files, `${folder}/diagnosis-classes.json`, DiagnosisClassesSchema, problems);
  const profiles = loadProfiles(files, folder, problems);
  const exampleFiles = files
    .list(`${folder}/examples/`)
    .flatMap((file) => parseFile(files, file, WorkedExamplesSchema, problems) ?? []);
  const examples = exampleFiles.flatMap((f) => f.examples);
  const neverUnknown = exampleFiles.flatMap((f) => f.neverUnknown);
  if (data && data.id !== module.id)
    problems.push(`corpus/${folder}/family.json: id is "${data.id}", expected "${module.id}"`);
  if (profiles.size === 0) problems.push(`corpus/${folder}/profiles/: no profile`);
  if (problems.length > 0 || !data || !facts || !classes) return { problems };
  return {
    family: {
      id: module.id,
      module,
      folder,
      data,
      facts,
      factByName: new Map(facts.facts.map((f) => [f.name, f])),
      classes,
      profiles,
      examples,
      neverUnknown,
    },
    problems,
  };
}
