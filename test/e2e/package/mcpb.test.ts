import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { getMcpConfigForManifest, MANIFEST_SCHEMAS, unpackExtension } from "@anthropic-ai/mcpb";
import type { McpbManifestAny } from "@anthropic-ai/mcpb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toolNames } from "../../../src/mcp/server.js";
import { REFERENCE_CASE } from "../../../tools/demo-reference-case.js";
import { packMcpb } from "../../../tools/pack-mcpb.js";
import { ROOT, SERVER_NODE } from "../../support/clients.js";
import { connectCommand, tempFolder, userEnv } from "../../support/stdio-command.js";

/*
 * The Claude Desktop extension: pack the current build with @anthropic-ai/mcpb (what
 * `npm run pack:mcpb` does after building), unpack it into an empty temporary folder with the same
 * library, turn its manifest into a server command as Claude Desktop does (getMcpConfigForManifest,
 * with the user's audit-log folder) and talk to the unpacked server over stdio with a real client.
 */

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  name: string;
  version: string;
  license: string;
};
const work = tempFolder("mnm-mcpb-");
const unpacked = join(work.dir, "unpacked");
let bundle: string;

function filesUnder(dir: string, base: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(base, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}

beforeAll(async () => {
  bundle = await packMcpb(join(work.dir, `${pkg.name}-${pkg.version}.mcpb`));
  expect(await unpackExtension({ mcpbPath: bundle, outputDir: unpacked, silent: true })).toBe(true);
}, 120_000);

afterAll(() => {
  work.remove();
});

const AUDIT_KEY = "ab".repeat(32);

describe("the .mcpb bundle", () => {
  it("holds only what the server needs: manifest, package.json, LICENSE, the bundle and the corpus", () => {
    const server = readdirSync(join(ROOT, "dist", "server"))
      .filter((f) => f.endsWith(".js"))
      .map((f) => `dist/server/${f}`);
    const corpus = filesUnder(join(ROOT, "corpus"), ROOT);
    expect(filesUnder(unpacked, unpacked)).toEqual(
      ["LICENSE", "manifest.json", "package.json", ...server, ...corpus].sort(),
    );
    expect(existsSync(join(unpacked, "node_modules"))).toBe(false);
    console.log(`${bundle}: ${statSync(bundle).size} bytes`);
  });

  it("has a manifest of the current version (0.3) that agrees with package.json and the server", () => {
    const manifest = JSON.parse(readFileSync(join(unpacked, "manifest.json"), "utf8")) as Record<
      string,
      unknown
    >;
    expect(MANIFEST_SCHEMAS["0.3"].safeParse(manifest).success).toBe(true);
    expect(manifest).toMatchObject({
      manifest_version: "0.3",
      name: pkg.name,
      version: pkg.version,
      license: pkg.license,
    });
    const tools = (manifest.tools as { name: string }[]).map((t) => t.name).sort();
    expect(tools).toEqual([...toolNames()].sort());
    expect(readFileSync(join(unpacked, "manifest.json"), "utf8")).toBe(
      readFileSync(join(ROOT, "manifest.json"), "utf8"),
    );
  });

  it("is not started until the audit log folder and its key are given (both are required)", async () => {
    const manifest = JSON.parse(readFileSync(join(unpacked, "manifest.json"), "utf8")) as McpbManifestAny;
    const config = await getMcpConfigForManifest({
      manifest,
      extensionPath: unpacked,
      systemDirs: { HOME: work.dir, DESKTOP: work.dir, DOCUMENTS: work.dir, DOWNLOADS: work.dir },
      userConfig: {},
      pathSeparator: sep,
      logger: { log: () => {}, warn: () => {}, error: () => {} },
    });
    expect(config).toBeUndefined();
    const withoutKey = await getMcpConfigForManifest({
      manifest,
      extensionPath: unpacked,
      systemDirs: { HOME: work.dir, DESKTOP: work.dir, DOCUMENTS: work.dir, DOWNLOADS: work.dir },
      userConfig: { audit_log_folder: work.dir },
      pathSeparator: sep,
      logger: { log: () => {}, warn: () => {}, error: () => {} },
    });
    expect(withoutKey).toBeUndefined();
  });

  it("starts from the unpacked folder with the user's audit log folder and serves MCP over stdio", async () => {
    const manifest = JSON.parse(readFileSync(join(unpacked, "manifest.json"), "utf8")) as McpbManifestAny;
    const auditFolder = tempFolder("mnm-mcpb-audit-");
    const cwd = tempFolder("mnm-mcpb-cwd-");
    const config = await getMcpConfigForManifest({
      manifest,
      extensionPath: unpacked,
      systemDirs: { HOME: work.dir, DESKTOP: work.dir, DOCUMENTS: work.dir, DOWNLOADS: work.dir },
      userConfig: { audit_log_folder: auditFolder.dir, audit_key: AUDIT_KEY },
      pathSeparator: sep,
    });
    const auditLog = join(auditFolder.dir, "medical-necessity-mcp-audit.jsonl");
    expect(config).toEqual({
      command: "node",
      args: [join(unpacked, "dist", "server", "index.js"), "--audit-log", auditLog],
      env: { MNM_AUDIT_KEY: AUDIT_KEY },
    });
    // "node" is the host's Node.js (Claude Desktop ships one); here, the machine's node.
    const conn = await connectCommand(SERVER_NODE, config?.args ?? [], {
      cwd: cwd.dir,
      env: { ...userEnv(), ...config?.env },
    });
    try {
      const { tools } = await conn.client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual([...toolNames()].sort());
      const evaluation = await conn.client.callTool({
        name: "evaluateSIJointRFA",
        arguments: REFERENCE_CASE,
      });
      expect(evaluation.isError).toBeFalsy();
      // The audit log is written where the user chose, and holds no case content.
      const audit = readFileSync(auditLog, "utf8");
      expect(audit.trim().split("\n").length).toBeGreaterThanOrEqual(1);
      expect(audit).not.toContain("M47.817");
    } finally {
      await conn.close();
      auditFolder.remove();
      cwd.remove();
    }
  }, 60_000);
});
