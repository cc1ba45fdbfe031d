import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toolNames } from "../../../src/mcp/server.js";
import { ROOT, textOf } from "../../support/clients.js";
import { connectCommand, tempFolder, userEnv } from "../../support/stdio-command.js";

/*
 * The npm package as a user gets it: `npm pack` of the built tree (npm test builds first; prepack
 * would build again, so scripts are skipped here), then `npx file:<tarball>` in an empty temporary
 * folder, offline, with an empty npm cache of its own, talking MCP over stdio to a real client.
 * The empty cache proves the package needs nothing from a registry: the server is one esbuild
 * bundle and the package has no runtime dependencies.
 */

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string; size: number }[];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(ROOT, join(e.parentPath, e.name)).split("\\").join("/"));
}

const work = tempFolder("mnm-npm-pack-");
let packed: PackResult;
let tarball: string;

beforeAll(() => {
  const json = execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work.dir], {
    cwd: ROOT,
    encoding: "utf8",
    env: userEnv(),
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 120_000,
  });
  const results = JSON.parse(json) as PackResult[];
  expect(results).toHaveLength(1);
  packed = results[0] as PackResult;
  tarball = join(work.dir, packed.filename);
}, 150_000);

afterAll(() => {
  work.remove();
});

describe("npm pack", () => {
  it("ships the built server, the corpus, README, LICENSE and package.json, and nothing else", () => {
    const server = readdirSync(join(ROOT, "dist", "server"))
      .filter((f) => f.endsWith(".js"))
      .map((f) => `dist/server/${f}`);
    const expected = [
      "LICENSE",
      "README.md",
      "package.json",
      ...server,
      ...filesUnder(join(ROOT, "corpus")),
    ].sort();
    expect(packed.files.map((f) => f.path).sort()).toEqual(expected);
    expect(server).toContain("dist/server/index.js");
    console.log(
      `${packed.filename}: ${packed.size} bytes packed, ${packed.unpackedSize} unpacked, ${packed.files.length} files`,
    );
  });

  it("ships no stale chunk: every file of dist/server/ but index.js is imported by another", () => {
    const dir = join(ROOT, "dist", "server");
    const files = readdirSync(dir).filter((f) => f.endsWith(".js"));
    const imported = new Set<string>();
    for (const file of files) {
      for (const m of readFileSync(join(dir, file), "utf8").matchAll(/["']\.\/([\w.-]+\.js)["']/g)) {
        if (m[1] !== file) imported.add(m[1] ?? "");
      }
    }
    expect(files.filter((f) => f !== "index.js" && !imported.has(f))).toEqual([]);
  });

  it("declares no runtime dependencies (the server is one self-contained bundle)", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as Record<string, unknown>;
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg).toMatchObject({
      license: "Apache-2.0",
      bin: { "medical-necessity-mcp": "dist/server/index.js" },
    });
    expect(pkg.private).toBeUndefined();
  });

  it("starts with `npx file:<tarball>` offline in an empty folder and serves MCP over stdio", async () => {
    const cwd = tempFolder("mnm-npx-run-");
    const cache = join(cwd.dir, ".npm-cache");
    const conn = await connectCommand("npx", ["--yes", "--offline", "--cache", cache, `file:${tarball}`], {
      cwd: cwd.dir,
      env: userEnv(),
    });
    try {
      const { tools } = await conn.client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual([...toolNames()].sort());
      const answer = await conn.client.callTool({ name: "lookupCodes", arguments: { codes: ["M53.3"] } });
      expect(answer.isError).toBeFalsy();
      expect(textOf(answer)).toContain("M53.3");
      expect(conn.stderr()).toMatch(/medical-necessity-mcp \S+ ready on stdio/);
    } finally {
      await conn.close();
      cwd.remove();
    }
  }, 150_000);
});
