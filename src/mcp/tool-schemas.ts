import type { StandardSchemaWithJSON } from "@modelcontextprotocol/server";
import type { z } from "zod";
import { GUIDE_KEY } from "../util/field-guide.js";

type Standard<S extends z.ZodType> = StandardSchemaWithJSON<z.input<S>, z.output<S>>["~standard"];
type JsonSchemaOptions = Parameters<Standard<z.ZodType>["jsonSchema"]["input"]>[0];

/**
 * Zod writes a tuple in JSON Schema 2020-12 (the dialect the v2 SDK advertises) as `prefixItems`
 * plus `items: false`. A client validating with draft-07 (the v1 SDK client, for one) ignores
 * `prefixItems` and reads `items` as the schema of every item, so it rejects every tuple the
 * server returns; the MCP Inspector's --strict check flags the bare `false` too. The same tuple
 * without `items`, its length bounded by `maxItems`, means the same in 2020-12 and is valid (if
 * less strict about the item types) in draft-07. A tuple whose items all have one schema (a range
 * [min, max]) is written as `items` with `minItems` = `maxItems`: the same in every draft, shorter.
 *
 * Metadata keys of this server's own (`guide`: a field's longer explanation, shown in the case
 * fields resource, not in the tool definition) are left out of every JSON Schema.
 */
function portable(options: JsonSchemaOptions): JsonSchemaOptions {
  return {
    ...options,
    libraryOptions: {
      ...options.libraryOptions,
      override: (ctx: { jsonSchema: Record<string, unknown> }) => {
        const node = ctx.jsonSchema;
        delete node[GUIDE_KEY];
        if (node.items !== false || !Array.isArray(node.prefixItems)) return;
        delete node.items;
        const items = node.prefixItems as unknown[];
        node.maxItems ??= items.length;
        const one = JSON.stringify(items[0]);
        if (
          items.length > 0 &&
          node.minItems === items.length &&
          items.every((i) => JSON.stringify(i) === one)
        ) {
          node.items = items[0];
          delete node.prefixItems;
        }
      },
    },
  };
}

/** The keywords that apply to values of one JSON type only (the others ignore them). */
const TYPE_KEYWORDS: Record<string, readonly string[]> = {
  number: ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"],
  string: ["minLength", "maxLength", "pattern", "format"],
  array: ["items", "prefixItems", "minItems", "maxItems", "uniqueItems", "contains"],
  boolean: [],
  null: [],
};

/**
 * `anyOf` branches of distinct JSON types, each only its type and that type's own keywords
 * (`{ anyOf: [{ type: "number", maximum: 100 }, { type: "array", items: … }] }`), as one schema
 * with a type list (`{ type: ["number", "array"], maximum: 100, items: … }`): the same in every
 * draft, since a type's keywords ignore values of other types. Anything else stays as it is.
 */
function mergedAnyOf(branches: unknown[]): Record<string, unknown> | undefined {
  const merged: Record<string, unknown> = {};
  const types: string[] = [];
  for (const branch of branches) {
    if (typeof branch !== "object" || branch === null || Array.isArray(branch)) return undefined;
    const { type, ...keywords } = branch as Record<string, unknown>;
    const own = typeof type === "string" ? TYPE_KEYWORDS[type] : undefined;
    if (!own || types.includes(type as string)) return undefined;
    if (!Object.keys(keywords).every((k) => own.includes(k))) return undefined;
    types.push(type as string);
    Object.assign(merged, keywords);
  }
  return types.length > 1 ? { type: types, ...merged } : undefined;
}

/**
 * A tool's input schema as a model reads it on every turn, written shorter where the meaning is
 * the same: no `$schema` (MCP's default dialect, 2020-12), `anyOf` of plain types merged
 * (mergedAnyOf), and an object open to anything written as `{ type: "object" }`.
 */
function compactInput(node: unknown, root = true): void {
  if (Array.isArray(node)) return node.forEach((n) => compactInput(n, false));
  if (typeof node !== "object" || node === null) return;
  const schema = node as Record<string, unknown>;
  for (const value of Object.values(schema)) compactInput(value, false);
  if (root) delete schema.$schema;
  if (Array.isArray(schema.anyOf)) {
    const merged = mergedAnyOf(schema.anyOf);
    if (merged) {
      delete schema.anyOf;
      Object.assign(schema, merged);
    }
  }
  const open = schema.additionalProperties;
  const props = schema.properties;
  if (
    typeof open === "object" &&
    open !== null &&
    Object.keys(open).length === 0 &&
    typeof props === "object" &&
    props !== null &&
    Object.keys(props).length === 0
  ) {
    delete schema.properties;
    delete schema.additionalProperties;
  }
}

/**
 * JSON Schemas already written, by zod schema, direction and dialect. HTTP builds a server per
 * request, and the SDK converts a tool's output schema to JSON Schema on each server's first call
 * of the tool; the schemas are fixed, so each is written once per process. The SDK only reads them.
 */
const written = new WeakMap<z.ZodType, Map<string, Record<string, unknown>>>();

/** The dialect the SDK asks for (its JSON_SCHEMA_CONVERSION_TARGET), the one the bundle writes ahead. */
const SDK_TARGET = "draft-2020-12";

/** A schema already written by the bundle step for the SDK's dialect (built-tool-schemas.ts). */
interface Prebuilt {
  input?: Record<string, unknown> | undefined;
  output?: Record<string, unknown> | undefined;
}

function withPortableJsonSchema<S extends z.ZodType>(
  schema: S,
  standard: Standard<S>,
  prebuilt: Prebuilt = {},
): Standard<S> {
  const write = (io: "input" | "output", options: JsonSchemaOptions): Record<string, unknown> => {
    const ready = options.target === SDK_TARGET ? prebuilt[io] : undefined;
    if (ready) return ready;
    let cache = written.get(schema);
    if (!cache) written.set(schema, (cache = new Map<string, Record<string, unknown>>()));
    const key = `${io} ${options.target}`;
    let json = cache.get(key);
    if (!json) {
      json = standard.jsonSchema[io](portable(options));
      if (io === "input") compactInput(json);
      cache.set(key, json);
    }
    return json;
  };
  return {
    ...standard,
    jsonSchema: {
      input: (options) => write("input", options),
      output: (options) => write("output", options),
    },
  };
}

/** A tool's input or output JSON Schema as the SDK lists it (what the bundle step writes ahead). */
export function listedJsonSchema(
  schema: StandardSchemaWithJSON<unknown, unknown>,
  io: "input" | "output",
): Record<string, unknown> {
  return schema["~standard"].jsonSchema[io]({ target: SDK_TARGET });
}

/** A field path as the issue text shows it: codes[0], request.services[1].code. */
function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (i === 0 ? String(key) : typeof key === "number" ? `[${key}]` : `.${String(key)}`))
    .join("");
}

/** One issue as text: the message, then where ("at codes[0]") unless it is about the whole input. */
function issueText(issue: z.core.$ZodIssue): string {
  return issue.path.length === 0 ? issue.message : `${issue.message} at ${fieldPath(issue.path)}`;
}

/**
 * A tool's input schema as the SDK takes it (its JSON Schema `prebuilt` when the bundle wrote it
 * ahead), reporting problems in this server's wording: one line
 * per issue, "<what was expected and received> at <field>". The SDK's own formatting ("codes.0:
 * <message>", issues joined by commas) would put the field first and in another notation; here the
 * issues reach it as one message with no path, so the isError text reads "Input validation error:
 * Invalid arguments for tool <name>: expected …, received … at codes[0]".
 */
export function toolInput<S extends z.ZodType>(
  schema: S,
  prebuilt?: Record<string, unknown>,
): StandardSchemaWithJSON<z.input<S>, z.output<S>> {
  const standard = schema["~standard"] as Standard<S>;
  return {
    "~standard": {
      ...withPortableJsonSchema(schema, standard, { input: prebuilt }),
      // Every tool input schema is synchronous (no async refinement or transform; zod's sync parse
      // would throw on one): the sync parse takes half the time of safeParseAsync.
      validate: (value) => {
        const result = schema.safeParse(value);
        if (result.success) return { value: result.data };
        return { issues: [{ message: result.error.issues.map(issueText).join("\n") }] };
      },
    },
  };
}

/**
 * A tool's output schema as the SDK takes it: the zod schema (which checks every answer),
 * advertised in portable JSON Schema.
 */
export function toolOutput<S extends z.ZodType>(
  schema: S,
  prebuilt?: Record<string, unknown>,
): StandardSchemaWithJSON<z.input<S>, z.output<S>> {
  return {
    "~standard": withPortableJsonSchema(schema, schema["~standard"] as Standard<S>, { output: prebuilt }),
  };
}
