/**
 * Pack the Claude Desktop extension (an MCP Bundle, .mcpb) with @anthropic-ai/mcpb: stage what the
 * server needs at run time (manifest.json, a minimal package.json, LICENSE, the esbuild bundle
 * dist/server/*.js and corpus/), validate the manifest, then zip it.
 *
 *   npm run pack:mcpb                      # builds first; writes dist/medical-necessity-mcp-<version>.mcpb
 *   tsx tools/pack-mcpb.ts [--out FILE]    # packs the current build
 *
 * The bundle has no node_modules: dist/server/ is self-contained. Source maps are left out.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { packExtension, validateManifest } from "@anthropic-ai/mcpb";
import { packageRoot } from "../src/util/package-root.js";

interface PackageJson {
  name: string;
  version: string;
  description: string;
  license: string;
  engines: Record<string, string>;
}

/** Copies the run-time files into `stage` (which must be empty or absent). */
export function stageBundle(stage: string, root: string = packageRoot()): void {
  const server = join(root, "dist", "server");
  if (!existsSync(join(server, "index.js"))) {
    throw new Error(`${join(server, "index.js")} not found: run npm run build first`);
  }
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as PackageJson;
  mkdirSync(join(stage, "dist", "server"), { recursive: true });
  cpSync(join(root, "manifest.json"), join(stage, "manifest.json"));
  cpSync(join(root, "LICENSE"), join(stage, "LICENSE"));
  // The server finds its root by package.json + corpus/, and "type": "module" makes its .js files ESM.
  const minimal = {
    name: pkg.name,
    version: pkg.version,
    description: pkg.description,
    license: pkg.license,
    type: "module",
    engines: pkg.engines,
  };
  writeFileSync(join(stage, "package.json"), `${JSON.stringify(minimal, null, 2)}\n`);
  for (const file of readdirSync(server)) {
    if (file.endsWith(".js") && statSync(join(server, file)).isFile()) {
      cpSync(join(server, file), join(stage, "dist", "server", file));
    }
  }
  cpSync(join(root, "corpus"), join(stage, "corpus"), { recursive: true });
}

/** Stages, validates and packs; returns the path of the .mcpb written. */
export async function packMcpb(out?: string): Promise<string> {
  const root = packageRoot();
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as PackageJson;
  const target = resolve(out ?? join(root, "dist", `${pkg.name}-${pkg.version}.mcpb`));
  const work = mkdtempSync(join(tmpdir(), "mnm-mcpb-stage-"));
  try {
    const stage = join(work, pkg.name);
    stageBundle(stage, root);
    if (!validateManifest(join(stage, "manifest.json")))
      throw new Error("manifest.json is not a valid MCPB manifest");
    mkdirSync(dirname(target), { recursive: true });
    if (!(await packExtension({ extensionPath: stage, outputPath: target, silent: true }))) {
      throw new Error("mcpb pack failed");
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return target;
}

async function main(argv: string[]): Promise<void> {
  const at = argv.indexOf("--out");
  const out = at >= 0 ? argv[at + 1] : undefined;
  if (at >= 0 && !out) throw new Error("--out needs a file");
  const target = await packMcpb(out);
  console.error(`packed ${target} (${statSync(target).size} bytes)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`pack-mcpb: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
