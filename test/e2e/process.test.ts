import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { BUILT_SERVER, SERVER_NODE, connectStdio } from "../support/clients.js";

function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync(SERVER_NODE, [BUILT_SERVER, ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 20_000,
  });
}

describe("server process", () => {
  it("--version prints the version on stderr and nothing on stdout", () => {
    const r = run(["--version"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^medical-necessity-mcp \d+\.\d+\.\d+/);
  });

  it("--help describes stdio, --http and the token rule", () => {
    const r = run(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("--http");
    expect(r.stderr).toContain("MNM_HTTP_TOKEN");
  });

  it("rejects an unknown option with exit code 2", () => {
    const r = run(["--bogus"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown option "--bogus"');
    expect(r.stdout).toBe("");
  });

  it("refuses a non-loopback HTTP bind without a token and says why", () => {
    const r = run(["--http", "--host", "0.0.0.0", "--port", "0"], { MNM_HTTP_TOKEN: "" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("requires a bearer token");
    expect(r.stderr).toContain("MNM_HTTP_TOKEN");
  });

  it("starts on stdio, prints one ready line to stderr and answers tools/list", async () => {
    const conn = await connectStdio();
    try {
      const tools = await conn.client.listTools();
      expect(Array.isArray(tools.tools)).toBe(true);
      await expect.poll(() => conn.stderr()).toMatch(/ready on stdio; tools: /);
      expect(
        conn
          .stderr()
          .trim()
          .split("\n")
          .filter((l) => l.includes("ready")),
      ).toHaveLength(1);
    } finally {
      await conn.close();
    }
  });
});
