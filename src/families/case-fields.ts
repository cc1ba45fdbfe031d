import { z } from "zod";
import { GUIDE_KEY } from "../util/field-guide.js";
import type { Family } from "./load-family.js";
import type { Fact } from "./family-schema.js";

/*
 * The case fields of a family, explained: every field of the case input (the request, and the
 * family's clinical facts) with its type, bounds and allowed values, its longer explanation (the
 * zod schema's `guide`, else its description), and the facts the policy logic reads from it
 * (facts.json). The tool definitions carry the short form; this is the long one, generated from the
 * same zod schema, so the two never disagree.
 */

type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => typeof v === "object" && v !== null && !Array.isArray(v);

function properties(node: Node): [string, Node][] {
  return isNode(node.properties)
    ? Object.entries(node.properties).filter((e): e is [string, Node] => isNode(e[1]))
    : [];
}

function range(node: Node, unit = ""): string | undefined {
  const pairs: [string, string][] = [
    ["minimum", "maximum"],
    ["minLength", "maxLength"],
    ["minItems", "maxItems"],
  ];
  for (const [lo, hi] of pairs) {
    const min = typeof node[lo] === "number" ? node[lo] : undefined;
    const max = typeof node[hi] === "number" ? node[hi] : undefined;
    const what = lo === "minLength" ? " characters" : lo === "minItems" ? " items" : unit;
    if (min !== undefined && min === max) return `exactly ${min}${what}`;
    if (min !== undefined && max !== undefined) return `${min}-${max}${what}`;
    if (max !== undefined) return `at most ${max}${what}`;
    if (min !== undefined) return `at least ${min}${what}`;
  }
  return undefined;
}

/** A field's type in a few words: "number 0-100", "one of a, b", "list of …, at most 10 items". */
function typeText(node: Node): string {
  if (Array.isArray(node.anyOf)) return node.anyOf.filter(isNode).map(typeText).join(", or ");
  if (Array.isArray(node.enum)) return `one of ${node.enum.map((v) => JSON.stringify(v)).join(", ")}`;
  const type = Array.isArray(node.type)
    ? node.type.join(" or ")
    : typeof node.type === "string"
      ? node.type
      : "any value";
  if (node.type === "array" && Array.isArray(node.prefixItems))
    return `[${node.prefixItems.filter(isNode).map(typeText).join(", ")}]`;
  if (node.type === "array") {
    const items = isNode(node.items) ? node.items : undefined;
    const of = items ? (items.type === "object" ? "entries (below)" : typeText(items)) : "values";
    const bounds = range(node);
    return `list of ${of}${bounds ? `, ${bounds}` : ""}`;
  }
  if (node.type === "object") return "object (fields below)";
  const bounds = range(node);
  const pattern = node.pattern === "^\\d{4}-\\d{2}-\\d{2}$" ? "YYYY-MM-DD" : undefined;
  return [type === "integer" ? "whole number" : type, pattern ?? bounds].filter(Boolean).join(" ");
}

/** The case paths a fact reads ("clinical.priorRFA[].durationMonths"), from its facts.json reader. */
function readPaths(read: unknown): string[] {
  if (typeof read === "string") return /^(clinical|request)\./.test(read) ? [read] : [];
  if (Array.isArray(read)) return read.flatMap(readPaths);
  if (!isNode(read)) return [];
  const out: string[] = [];
  for (const [key, value] of Object.entries(read)) {
    if ((key === "each" || key === "latest") && typeof value === "string" && typeof read.field === "string")
      out.push(`${value}[].${read.field}`);
    else out.push(...readPaths(value));
  }
  return out;
}

function factText(fact: Fact): string {
  return `${fact.name}${fact.unit ? ` (${fact.unit})` : ""}: ${fact.description}`;
}

function fieldLines(
  node: Node,
  path: string,
  required: boolean,
  readers: Map<string, Fact[]>,
  depth: number,
): string[] {
  const about = node[GUIDE_KEY] ?? node.description;
  const facts = readers.get(path) ?? [];
  const indent = "  ".repeat(depth);
  const lines = [
    `${indent}- \`${path}\` (${typeText(node)}${required ? "; required" : ""})${typeof about === "string" ? `: ${about}` : ""}` +
      (facts.length ? `. Read as ${facts.map((f) => f.name).join(", ")}.` : ""),
  ];
  const object =
    node.type === "object"
      ? node
      : isNode(node.items) && node.items.type === "object"
        ? node.items
        : undefined;
  if (object) {
    const inner = object === node ? path : `${path}[]`;
    const needed = Array.isArray(object.required) ? object.required : [];
    for (const [name, child] of properties(object))
      lines.push(...fieldLines(child, `${inner}.${name}`, needed.includes(name), readers, depth + 1));
  }
  return lines;
}

/** The case fields resource of one family, as markdown. */
export function caseFieldsMarkdown(caseSchema: z.ZodType, family: Family, toolName: string): string {
  const json = z.toJSONSchema(caseSchema, { io: "input", unrepresentable: "any" }) as Node;
  const top = Object.fromEntries(properties(json));
  const readers = new Map<string, Fact[]>();
  for (const fact of family.facts.facts)
    for (const path of new Set(readPaths(fact.read))) readers.set(path, [...(readers.get(path) ?? []), fact]);

  const own = new Set(Object.keys(family.module.clinical.shape));
  const request = top.request;
  const clinical = top.clinical;
  const requestRequired = Array.isArray(request?.required) ? request.required : [];
  const lines = [
    `# Case fields: ${family.data.title} (${family.id})`,
    "",
    `The \`case\` of ${toolName} and of draftDeterminationLetter: \`request\` and \`clinical\`, both required objects with only these fields.`,
    "Give only what the record documents: an absent fact is unknown, never false; an empty list ([]) says the record documents none.",
    "A relief described only in words (such as good relief) is not a percentage: leave it out. `clinical.notes` is never read by the logic and never echoed.",
    "",
    "## request",
    "",
    ...properties(request ?? {}).flatMap(([name, node]) =>
      fieldLines(node, `request.${name}`, requestRequired.includes(name), readers, 0),
    ),
    "",
    "## clinical",
    "",
    ...properties(clinical ?? {})
      .filter(([name]) => own.has(name))
      .flatMap(([name, node]) => fieldLines(node, `clinical.${name}`, false, readers, 0)),
    "",
    "## Facts the policy reads",
    "",
    "Each criterion reads these facts, from the fields above or from the diagnosis codes.",
    "",
    ...family.facts.facts.map((fact) => {
      const paths = [...new Set(readPaths(fact.read))];
      const from = paths.length ? paths.map((p) => `\`${p}\``).join(", ") : "";
      const codes = fact.fromDiagnoses ? "the diagnosis codes" : "";
      const sources = [from, codes].filter(Boolean).join("; ");
      return `- ${factText(fact)}${sources ? ` (from ${sources})` : ""}`;
    }),
  ];
  return `${lines.join("\n")}\n`;
}
