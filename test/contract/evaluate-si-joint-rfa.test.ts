import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countTokens } from "gpt-tokenizer/encoding/o200k_base";
import type { FactValue } from "../../src/engine/evaluation-schema.js";
import type { EvaluationFull } from "../../src/review/evaluation-full-schema.js";
import type { EvaluationSummary } from "../../src/review/evaluation-summary-schema.js";
import { EvaluationViewSchema } from "../../src/review/evaluation-view-schema.js";
import { factText } from "../../src/review/evaluation-view-text.js";
import { TWENTY_SERVICE_CODES } from "../../bench/calls.js";
import { REFERENCE_CASE } from "../../tools/demo-reference-case.js";
import { evaluateCase } from "../support/knowledge.js";
import { connectInMemory, textOf } from "../support/clients.js";

let client: Client;
beforeAll(async () => {
  client = await connectInMemory();
});
afterAll(async () => {
  await client.close();
});

interface JsonSchema {
  type?: string;
  required?: string[];
  additionalProperties?: unknown;
  properties?: Record<string, JsonSchema>;
}

describe("evaluateSIJointRFA in tools/list", () => {
  it("is listed right after lookupCodes, read-only, idempotent and closed-world", async () => {
    const { tools } = await client.listTools();
    const names = tools.map((t) => t.name);
    expect(names.indexOf("evaluateSIJointRFA")).toBe(names.indexOf("lookupCodes") + 1);
    const tool = tools.find((t) => t.name === "evaluateSIJointRFA");
    expect(tool?.annotations).toMatchObject({
      readOnlyHint: true,
      idempotentHint: true,
      openWorldHint: false,
      destructiveHint: false,
    });
    expect(tool?.description).toMatch(/licensed clinician/);
    expect(tool?.outputSchema).toBeDefined();
  });

  it("has strict input objects with the contract's names", async () => {
    const { tools } = await client.listTools();
    const input = tools.find((t) => t.name === "evaluateSIJointRFA")?.inputSchema as JsonSchema;
    expect(input.required?.sort()).toEqual(["clinical", "request"]);
    expect(input.additionalProperties).toBe(false);
    const request = input.properties?.request;
    const clinical = input.properties?.clinical;
    expect(request?.additionalProperties).toBe(false);
    expect(clinical?.additionalProperties).toBe(false);
    expect(Object.keys(request?.properties ?? {}).sort()).toEqual([
      "dateOfService",
      "diagnoses",
      "policy",
      "services",
    ]);
    expect(Object.keys(clinical?.properties ?? {}).sort()).toEqual(
      [
        // The original contract, unchanged:
        "cancerRelated",
        "conservativeCare",
        "diagnosticBlocks",
        "inflammatorySpondyloarthropathy",
        "notes",
        "painDurationMonths",
        "painType",
        "priorRFA",
        "provocativeTests",
        // Optional additions for the LCD's rules (issue 10):
        "ageYears",
        "contrastAllergy",
        "imageGuidance",
        "otherCauses",
        "painDurationWeeks",
        "painLocation",
        "pregnant",
        "requestType",
        "therapeuticInjections",
      ].sort(),
    );
  });

  it("rejects a bad date of service and a bad policy name with the field and what is expected", async () => {
    const bad = await client.callTool({
      name: "evaluateSIJointRFA",
      arguments: {
        request: {
          services: [{ code: "64625" }],
          diagnoses: [],
          dateOfService: "03/02/2026",
          policy: "aetna",
        },
        clinical: {},
      },
    });
    expect(bad.isError).toBe(true);
    expect(textOf(bad)).toMatch(/request\.dateOfService/);
    expect(textOf(bad)).toMatch(
      /expected one of "evidence-hierarchy", "medicare-lcd", received "aetna" at request\.policy/,
    );
  });

  it("rejects an empty service list and too many diagnoses", async () => {
    const empty = await client.callTool({
      name: "evaluateSIJointRFA",
      arguments: { request: { services: [], diagnoses: [] }, clinical: {} },
    });
    expect(empty.isError).toBe(true);
    expect(textOf(empty)).toMatch(/at least 1 items, received an array of 0 items at request\.services/);
    const many = await client.callTool({
      name: "evaluateSIJointRFA",
      arguments: {
        request: { services: [{ code: "64625" }], diagnoses: Array.from({ length: 26 }, () => "M53.3") },
        clinical: {},
      },
    });
    expect(many.isError).toBe(true);
    expect(textOf(many)).toMatch(/at most 25 items.*request\.diagnoses/);
  });
});

type Json = { properties?: Record<string, Json>; items?: Json; description?: string; [key: string]: unknown };

describe("evaluateSIJointRFA input fields are explained", () => {
  it("every field of the case, at every depth, is explained in the case fields resource the description names", async () => {
    const client = await connectInMemory();
    try {
      const { tools } = await client.listTools();
      const tool = tools.find((t) => t.name === "evaluateSIJointRFA");
      expect(tool?.description).toContain("mnm://families/si-joint/facts");
      const schema = tool?.inputSchema as Json;
      const read = await client.readResource({ uri: "mnm://families/si-joint/facts" });
      const text = (read.contents[0] as { text: string }).text;
      const paths: string[] = [];
      const walk = (node: Json | undefined, path: string): void => {
        if (!node || typeof node !== "object") return;
        for (const [name, child] of Object.entries(node.properties ?? {})) {
          const at = `${path}.${name}`;
          paths.push(at);
          walk(child, at);
          walk(child.items, `${at}[]`);
        }
      };
      walk(schema.properties?.request, "request");
      walk(schema.properties?.clinical, "clinical");
      expect(paths.length).toBeGreaterThan(35);
      // Each field's line: `path` (its type and bounds): what it means.
      const lines = text.split("\n");
      const unexplained = paths.filter((p) => {
        const line = lines.find((l) => l.includes(`\`${p}\` (`));
        return !line || !/\): \S/.test(line);
      });
      expect(unexplained).toEqual([]);
      // The tool definition stays short: the explanations are not in it.
      expect(JSON.stringify(schema)).not.toContain("gluteal fold");
      expect(text).toContain("gluteal fold");
    } finally {
      await client.close();
    }
  });
});

// The two views (detail: summary, the default, and full).
/*
 * The two views of evaluateSIJointRFA through a real MCP client (in memory). A client shows the
 * model either the text block or JSON.stringify(structuredContent), so each form is measured in
 * o200k_base tokens (gpt-tokenizer, an approximation of what a model's tokenizer counts) and each
 * must carry the same facts.
 */

type Result = Awaited<ReturnType<Client["callTool"]>>;

const TWENTY = TWENTY_SERVICE_CODES;
/** Twenty-five diagnoses of every kind the policy classes: mechanical, inflammatory, cancer, juvenile, pregnancy, headers. */
const MANY_DIAGNOSES = [
  "M53.3",
  "M47.817",
  "M46.1",
  "M45.7",
  "M54.16",
  "M54.50",
  "G89.4",
  "C79.51",
  "M46.46",
  "M96.0",
  "M48.062",
  "G90.521",
  "M08.1",
  "O26.891",
  "M45.A",
  "M53.2X7",
  "M54.5",
  "M51.16",
  "M47.816",
  "M53.86",
  "M25.50",
  "M79.18",
  "M62.830",
  "S33.6XXA",
  "R52",
];
const services = TWENTY.map((code) => ({ code }));
const LARGE_REQUESTS = {
  "20 services": { ...REFERENCE_CASE, request: { ...REFERENCE_CASE.request, services } },
  "20 services, Medicare LCD": {
    ...REFERENCE_CASE,
    request: { ...REFERENCE_CASE.request, services, policy: "medicare-lcd" },
  },
  "20 services and 25 diagnoses": { ...REFERENCE_CASE, request: { services, diagnoses: MANY_DIAGNOSES } },
  "20 services and 25 diagnoses, Medicare LCD, dated": {
    ...REFERENCE_CASE,
    request: { services, diagnoses: MANY_DIAGNOSES, policy: "medicare-lcd", dateOfService: "2026-03-02" },
  },
};

const { variants } = JSON.parse(
  readFileSync(join(import.meta.dirname, "..", "unit", "engine", "variants.json"), "utf8"),
) as { variants: { name: string; input: Record<string, unknown>; expect: { isError?: boolean } }[] };
const ANSWERED = variants.filter((v) => !v.expect.isError);

async function evaluate(args: object, detail?: "summary" | "full"): Promise<Result> {
  const result = await client.callTool({
    name: "evaluateSIJointRFA",
    arguments: { ...args, ...(detail ? { detail } : {}) },
  });
  expect(result.isError, textOf(result)).toBeFalsy();
  return result;
}

/** The two forms a model may be shown, with their sizes. */
function forms(result: Result) {
  const text = textOf(result);
  const json = JSON.stringify(result.structuredContent);
  return {
    text,
    json,
    tokens: { text: countTokens(text), json: countTokens(json) },
    chars: { text: text.length, json: json.length },
  };
}

/**
 * Every fact of a view as the words the text must contain: each string and number it holds, each
 * key of a record of facts or criteria, and each fact as "name = value".
 */
function factsOf(view: unknown): string[] {
  const out: string[] = [];
  const record = (value: object, asFacts: boolean): void => {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      if (asFacts) out.push(`${k} = ${factText(v as FactValue)}`);
      walk(v, k);
    }
  };
  const walk = (value: unknown, key: string, factsRecord = false): void => {
    if (typeof value === "string") {
      if (key !== "detail") out.push(value);
    } else if (typeof value === "number") {
      out.push(String(value));
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item, `${key}[]`);
    } else if (value !== null && typeof value === "object") {
      if (factsRecord || key === "facts" || key === "observed") record(value, true);
      else if (key === "criteria") {
        // The summary's criteria: by id, each the facts it used.
        for (const [id, facts] of Object.entries(value)) {
          out.push(id);
          walk(facts, id, true);
        }
      } else for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  walk(view, "");
  return [...new Set(out)];
}

function expectSameFacts(result: Result, label: string): void {
  const text = textOf(result);
  const missing = factsOf(result.structuredContent).filter((fact) => !text.includes(fact));
  expect(missing, `${label}: facts of the structured content missing from the text`).toEqual([]);
}

describe("evaluateSIJointRFA: summary (default) and full views", () => {
  it("advertises detail in its input and both views in its output schema", async () => {
    const { tools } = await client.listTools();
    const tool = tools.find((t) => t.name === "evaluateSIJointRFA");
    const input = tool?.inputSchema as { properties: Record<string, { enum?: string[]; default?: string }> };
    expect(input.properties.detail).toMatchObject({ enum: ["summary", "full"], default: "summary" });
    const output = JSON.stringify(tool?.outputSchema);
    expect(output).toContain('"const":"summary"');
    expect(output).toContain('"const":"full"');
    expect((tool?.outputSchema as { type?: string }).type).toBe("object");
  });

  it("refuses another detail, naming the field, what it received and what it expects", async () => {
    const result = await client.callTool({
      name: "evaluateSIJointRFA",
      arguments: { ...REFERENCE_CASE, detail: "brief" },
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/detail/);
    expect(textOf(result)).toMatch(/"summary"/);
    expect(textOf(result)).toMatch(/"full"/);
  });

  it("answers the summary by default, and the same summary when asked for it", async () => {
    const byDefault = await evaluate(REFERENCE_CASE);
    const asked = await evaluate(REFERENCE_CASE, "summary");
    expect((byDefault.structuredContent as EvaluationSummary).detail).toBe("summary");
    expect(asked).toEqual(byDefault);
    expect(EvaluationViewSchema.parse(byDefault.structuredContent)).toEqual(byDefault.structuredContent);
  });

  it("reviews the same case whatever the detail: the audit hash is the case's own", async () => {
    const full = (await evaluate(REFERENCE_CASE, "full")).structuredContent as EvaluationFull;
    expect(full.audit.inputSha256).toBe(evaluateCase(REFERENCE_CASE).audit.inputSha256);
  });

  describe("the reference case", () => {
    let summary: Result;
    let full: Result;
    beforeAll(async () => {
      summary = await evaluate(REFERENCE_CASE);
      full = await evaluate(REFERENCE_CASE, "full");
    });

    it("summary: at most 1,500 tokens in each form, with both governing quotes verbatim and both determinations", () => {
      const s = summary.structuredContent as EvaluationSummary;
      const f = full.structuredContent as EvaluationFull;
      const { text, json, tokens } = forms(summary);
      expect(tokens.text).toBeLessThanOrEqual(1_500);
      expect(tokens.json).toBeLessThanOrEqual(1_500);
      const quotes = f.passages.filter((p) => f.governingEvidence.includes(p.passageId)).map((p) => p.quote);
      expect(quotes).toHaveLength(2);
      for (const quote of quotes) {
        expect(text).toContain(`"${quote}"`);
        expect(json).toContain(JSON.stringify(quote));
      }
      expect(s.services.map((g) => [g.services.join(), g.determination])).toEqual([
        ["64625", "not-medically-necessary"],
        ["J1100", "not-medically-necessary"],
      ]);
      expect(text).toMatch(/^- 64625: not-medically-necessary \[pathway EH-RFA-bmj\]/m);
      expect(text).toMatch(/^- J1100: not-medically-necessary \[pathway EH-INJ-bmj\]/m);
    });

    it("summary: each governing quote once, with passage id, locator, short citation; criteria once; policy and corpus prefix", () => {
      const s = summary.structuredContent as EvaluationSummary;
      const { text, json } = forms(summary);
      for (const q of s.governing) {
        expect(json.split(JSON.stringify(q.quote)).length - 1).toBe(1);
        expect(text.split(`"${q.quote}"`).length - 1).toBe(1);
        expect(text).toContain(
          `${q.passageId} (governs ${q.services.join(", ")}), ${q.locator}: "${q.quote}"`,
        );
        expect(q.citation).toBe(
          "Busse JW, et al. The BMJ Rapid Recommendations; 2025. doi:10.1136/bmj-2024-079970",
        );
      }
      const ids = s.criteria.flatMap((g) => Object.keys(g.criteria));
      expect(new Set(ids).size).toBe(ids.length);
      expect(s.criteria[0]).toMatchObject({ status: "met", services: ["64625", "J1100"] });
      expect(s.policy).toEqual({ id: "evidence-hierarchy", version: "2" });
      expect(s.corpusVersion).toMatch(/^[0-9a-f]{12}$/);
      expect(s.conflicting.length).toBeGreaterThanOrEqual(2);
      expect(s.conflicting.length).toBeLessThanOrEqual(3);
      expect(s.missingInformation).toEqual([]);
      // Hashes, the audit and the trace are the full view's.
      expect(json).not.toMatch(/[0-9a-f]{64}/);
      expect(json).not.toContain('"trace"');
      expect(json).not.toContain('"audit"');
    });

    it("full: at most 25,000 tokens in each form; each passage and source written once", () => {
      const f = full.structuredContent as EvaluationFull;
      const { text, json, tokens } = forms(full);
      expect(tokens.text).toBeLessThanOrEqual(25_000);
      expect(tokens.json).toBeLessThanOrEqual(25_000);
      for (const p of f.passages) {
        expect(json.split(JSON.stringify(p.quote)).length - 1, p.passageId).toBe(1);
        expect(text.split(`"${p.quote}"`).length - 1, p.passageId).toBe(1);
      }
      for (const s of f.sources) {
        expect(json.split(JSON.stringify(s.citation)).length - 1, s.sourceId).toBe(1);
        expect(text.split(s.citation).length - 1, s.sourceId).toBe(1);
      }
      expect(f.trace.length).toBeGreaterThan(0);
      expect(f.criteria.filter((c) => c.id === "EH-chronic").map((c) => c.service)).toEqual([
        "64625",
        "J1100",
      ]);
    });

    it("only the full view declares a larger result size (Claude Code's anthropic/maxResultSizeChars)", () => {
      expect(full._meta).toEqual({ "anthropic/maxResultSizeChars": 500_000 });
      expect(summary._meta).toBeUndefined();
    });

    it("the text and the structured content carry the same facts, in each view", () => {
      expectSameFacts(summary, "summary");
      expectSameFacts(full, "full");
    });
  });

  it.each(Object.entries(LARGE_REQUESTS))(
    "%s: the summary stays under 10,000 tokens and 50,000 characters in each form, grouped",
    async (_, args) => {
      const result = await evaluate(args);
      const { tokens, chars } = forms(result);
      expect(tokens.text).toBeLessThan(10_000);
      expect(tokens.json).toBeLessThan(10_000);
      expect(chars.text).toBeLessThan(50_000);
      expect(chars.json).toBeLessThan(50_000);
      const s = result.structuredContent as EvaluationSummary;
      expect(s.services.flatMap((g) => g.services).sort()).toEqual([...TWENTY].sort());
      expect(s.services.length).toBeLessThan(TWENTY.length);
      expectSameFacts(result, "summary");
    },
  );

  it("every answered variant: summary within budget, same determinations as the full view, same facts in text and JSON", async () => {
    expect(ANSWERED.length).toBeGreaterThan(50);
    for (const v of ANSWERED) {
      const summary = await evaluate(v.input);
      const full = await evaluate(v.input, "full");
      const s = summary.structuredContent as EvaluationSummary;
      const f = full.structuredContent as EvaluationFull;
      const { tokens, chars } = forms(summary);
      expect(Math.max(tokens.text, tokens.json), v.name).toBeLessThan(10_000);
      expect(Math.max(chars.text, chars.json), v.name).toBeLessThan(50_000);
      expect(s.determination, v.name).toBe(f.determination);
      const perService = s.services.flatMap((g) =>
        g.services.map((code) => `${code} ${g.determination} ${g.pathway}`),
      );
      const fromFull = f.services.map((x) => `${x.code} ${x.determination} ${x.pathway?.id}`);
      expect(perService.sort(), v.name).toEqual(fromFull.sort());
      expect(
        s.governing.map((q) => q.passageId),
        v.name,
      ).toEqual(f.governingEvidence);
      expect(s.missingInformation, v.name).toEqual(f.missingInformation);
      expectSameFacts(summary, `${v.name} (summary)`);
      expectSameFacts(full, `${v.name} (full)`);
    }
  });
});
