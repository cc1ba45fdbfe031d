import type { Profile } from "./profile-schema.js";

const paramsOf = new WeakMap<Profile, Readonly<Record<string, number>>>();

/** The numeric value of every parameter of a policy version (derived once per loaded profile; frozen, as every review shares it). */
export function policyParams(profile: Profile): Readonly<Record<string, number>> {
  let params = paramsOf.get(profile);
  if (!params) {
    params = Object.freeze(
      Object.fromEntries(Object.entries(profile.parameters).map(([name, p]) => [name, p.value])),
    );
    paramsOf.set(profile, params);
  }
  return params;
}

const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9]*)\}/g;

/** Texts already filled, by the parameters they were filled with (a profile's texts are few and fixed). */
const filled = new WeakMap<Readonly<Record<string, number>>, Map<string, string>>();

/** Replace "{paramName}" with the parameter's value, so texts never restate a threshold in code. */
export function fillTemplate(text: string, params: Readonly<Record<string, number>>): string {
  if (!text.includes("{")) return text;
  let done = filled.get(params);
  if (!done) filled.set(params, (done = new Map<string, string>()));
  let out = done.get(text);
  if (out === undefined) done.set(text, (out = fill(text, params)));
  return out;
}

function fill(text: string, params: Readonly<Record<string, number>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** Placeholder names a text uses (checked against the parameters at start-up). */
export function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? "");
}
