import type { Profile } from "./profile-schema.js";

/** The numeric value of every parameter of a policy version. */
export function policyParams(profile: Profile): Record<string, number> {
  return Object.fromEntries(Object.entries(profile.parameters).map(([name, p]) => [name, p.value]));
}

const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9]*)\}/g;

/** Replace "{paramName}" with the parameter's value, so texts never restate a threshold in code. */
export function fillTemplate(text: string, params: Readonly<Record<string, number>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** Placeholder names a text uses (checked against the parameters at start-up). */
export function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? "");
}
