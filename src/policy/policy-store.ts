import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { z } from "zod";
import { readCorpusFile } from "../corpus/corpus-files.js";
import { corpusDir } from "../util/package-root.js";
import type { PolicyProfile } from "./evaluation-schema.js";
import { POLICY_PROFILES } from "./evaluation-schema.js";
import {
  DiagnosisClassesSchema,
  FactVocabularySchema,
  PolicySchema,
  ServicesSchema,
} from "./policy-schema.js";
import type { DiagnosisClasses, FactVocabulary, Policy, Services } from "./policy-schema.js";

/** Policy data lives in corpus/policies/: one file per profile version, plus shared vocabularies. */
export const POLICIES_DIR = "policies";
const SERVICES_FILE = "services.json";
const DIAGNOSIS_CLASSES_FILE = "diagnosis-classes.json";
const FACT_VOCABULARY_FILE = "fact-vocabulary.json";

export interface LoadedPolicy {
  policy: Policy;
  /** corpus-relative path, e.g. "policies/evidence-hierarchy.v1.json" */
  file: string;
  /** sha256 of the file's bytes */
  sha256: string;
}

export interface PolicyBundle {
  policies: ReadonlyMap<PolicyProfile, LoadedPolicy>;
  services: Services;
  diagnosisClasses: DiagnosisClasses;
  vocabulary: FactVocabulary;
}

export class PolicyLoadError extends Error {
  constructor(readonly problems: string[]) {
    super(`the policy data failed to load:\n  - ${problems.join("\n  - ")}`);
    this.name = "PolicyLoadError";
  }
}

interface Read<T> {
  value?: T;
  bytes?: Buffer;
}

function readValidated<T>(dir: string, file: string, schema: z.ZodType<T>, problems: string[]): Read<T> {
  const path = join(dir, ...file.split("/"));
  const shown = `corpus/${file}`;
  if (!existsSync(path)) {
    problems.push(`${shown}: missing`);
    return {};
  }
  const bytes = readCorpusFile(file, dir);
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch (error) {
    problems.push(`${shown}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    return {};
  }
  // Parsed once per process: zod's compiled fast path would cost more than it saves.
  const parsed = schema.safeParse(json, { jitless: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`${shown}: ${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}`);
    }
    return {};
  }
  return { value: parsed.data, bytes };
}

/** The newest version file of a profile: "<profile>.v<N>.json" with the highest N. */
function newestVersionFile(dir: string, profile: PolicyProfile): string | undefined {
  const folder = join(dir, POLICIES_DIR);
  if (!existsSync(folder)) return undefined;
  const pattern = new RegExp(`^${profile}\\.v([0-9]+)\\.json$`);
  const versions = readdirSync(folder)
    .map((name) => pattern.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ name: m[0], version: Number(m[1]) }))
    .sort((a, b) => b.version - a.version);
  return versions[0] ? `${POLICIES_DIR}/${versions[0].name}` : undefined;
}

/** Read and validate every policy file; cross-references are checked by checkPolicies(). */
export function loadPolicyBundle(dir: string): { bundle?: PolicyBundle; problems: string[] } {
  const problems: string[] = [];
  const services = readValidated(dir, `${POLICIES_DIR}/${SERVICES_FILE}`, ServicesSchema, problems).value;
  const diagnosisClasses = readValidated(
    dir,
    `${POLICIES_DIR}/${DIAGNOSIS_CLASSES_FILE}`,
    DiagnosisClassesSchema,
    problems,
  ).value;
  const vocabulary = readValidated(
    dir,
    `${POLICIES_DIR}/${FACT_VOCABULARY_FILE}`,
    FactVocabularySchema,
    problems,
  ).value;
  const policies = new Map<PolicyProfile, LoadedPolicy>();
  for (const profile of POLICY_PROFILES) {
    const file = newestVersionFile(dir, profile);
    if (!file) {
      problems.push(
        `corpus/${POLICIES_DIR}/${profile}.v<N>.json: missing (no version of the "${profile}" profile)`,
      );
      continue;
    }
    const { value, bytes } = readValidated(dir, file, PolicySchema, problems);
    if (!value || !bytes) continue;
    if (value.id !== profile) problems.push(`corpus/${file}: id is "${value.id}", expected "${profile}"`);
    if (`${POLICIES_DIR}/${profile}.v${value.version}.json` !== file) {
      problems.push(`corpus/${file}: version "${value.version}" does not match the file name`);
    }
    policies.set(profile, { policy: value, file, sha256: createHash("sha256").update(bytes).digest("hex") });
  }
  if (problems.length > 0 || !services || !diagnosisClasses || !vocabulary) return { problems };
  return { bundle: { policies, services, diagnosisClasses, vocabulary }, problems };
}

let cached: { dir: string; bundle: PolicyBundle } | undefined;

/** The policy data, loaded once per corpus folder; throws PolicyLoadError naming every problem. */
export function getPolicyBundle(): PolicyBundle {
  const dir = corpusDir();
  if (cached?.dir === dir) return cached.bundle;
  const { bundle, problems } = loadPolicyBundle(dir);
  if (!bundle) throw new PolicyLoadError(problems);
  cached = { dir, bundle };
  return bundle;
}

export function getPolicy(profile: PolicyProfile): LoadedPolicy {
  const loaded = getPolicyBundle().policies.get(profile);
  if (!loaded) throw new PolicyLoadError([`no policy for profile "${profile}"`]);
  return loaded;
}
