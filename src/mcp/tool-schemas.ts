import type { StandardSchemaWithJSON } from "@modelcontextprotocol/server";
import type { z } from "zod";

type Standard<S extends z.ZodType> = StandardSchemaWithJSON<z.input<S>, z.output<S>>["~standard"];
type JsonSchemaOptions = Parameters<Standard<z.ZodType>["jsonSchema"]["input"]>[0];

/**
 * Zod writes a tuple in JSON Schema 2020-12 (the dialect the v2 SDK advertises) as `prefixItems`
 * plus `items: false`. A client validating with draft-07 (the v1 SDK client, for one) ignores
 * `prefixItems` and reads `items` as the schema of every item, so it rejects every tuple the
 * server returns; the MCP Inspector's --strict check flags the bare `false` too. The same tuple
 * without `items`, its length bounded by `maxItems`, means the same in 2020-12 and is valid (if
 * less strict about the item types) in draft-07.
 */
function portable(options: JsonSchemaOptions): JsonSchemaOptions {
  return {
    ...options,
    libraryOptions: {
      ...options.libraryOptions,
      override: (ctx: { jsonSchema: Record<string, unknown> }) => {
        const node = ctx.jsonSchema;
        if (node.items !== false || !Array.isArray(node.prefixItems)) return;
        delete node.items;
        node.maxItems ??= node.prefixItems.length;
      },
    },
  };
}

/**
 * JSON Schemas already written, by zod schema, direction and dialect. HTTP builds a server per
 * request, and the SDK converts a tool's output schema to JSON Schema on each server's first call
 * of the tool; the schemas are fixed, so each is written once per process. The SDK only reads them.
 */
const written = new WeakMap<z.ZodType, Map<string, Record<string, unknown>>>();

function withPortableJsonSchema<S extends z.ZodType>(schema: S, standard: Standard<S>): Standard<S> {
  const write = (io: "input" | "output", options: JsonSchemaOptions): Record<string, unknown> => {
    let cache = written.get(schema);
    if (!cache) written.set(schema, (cache = new Map<string, Record<string, unknown>>()));
    const key = `${io} ${options.target}`;
    let json = cache.get(key);
    if (!json) cache.set(key, (json = standard.jsonSchema[io](portable(options))));
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
 * A tool's input schema as the SDK takes it, reporting problems in this server's wording: one line
 * per issue, "<what was expected and received> at <field>". The SDK's own formatting ("codes.0:
 * <message>", issues joined by commas) would put the field first and in another notation; here the
 * issues reach it as one message with no path, so the isError text reads "Input validation error:
 * Invalid arguments for tool <name>: expected …, received … at codes[0]".
 */
export function toolInput<S extends z.ZodType>(schema: S): StandardSchemaWithJSON<z.input<S>, z.output<S>> {
  const standard = schema["~standard"] as Standard<S>;
  return {
    "~standard": {
      ...withPortableJsonSchema(schema, standard),
      validate: async (value) => {
        const result = await schema.safeParseAsync(value);
        if (result.success) return { value: result.data };
        return { issues: [{ message: result.error.issues.map(issueText).join("\n") }] };
      },
    },
  };
}

/** A tool's output schema as the SDK takes it: the zod schema, advertised in portable JSON Schema. */
export function toolOutput<S extends z.ZodType>(schema: S): StandardSchemaWithJSON<z.input<S>, z.output<S>> {
  return { "~standard": withPortableJsonSchema(schema, schema["~standard"] as Standard<S>) };
}
