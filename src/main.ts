import { statSync } from "node:fs";
import { resolve } from "node:path";
import { CliError, parseCliArgs, usage } from "./cli-args.js";
import { corpusPin, corpusPinProblem, corpusPinShown } from "./corpus-pin.js";
import { SHIPPED_FAMILIES } from "./families/shipped.js";
import { builtParsedAhead } from "./corpus/parsed-ahead.js";
import { loadKnowledge } from "./knowledge/knowledge.js";
import { builtToolSchemas } from "./mcp/built-tool-schemas.js";
import { serverContext } from "./mcp/context.js";
import { toolNames } from "./mcp/server.js";
import { serveStdio } from "./stdio-server.js";
import { corpusDir } from "./util/package-root.js";
import { SERVER_NAME, SERVER_VERSION } from "./version.js";

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

// stdout carries JSON-RPC only: every diagnostic goes to stderr.
function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

async function main(): Promise<number | undefined> {
  let cli;
  try {
    cli = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof CliError) {
      say(`${SERVER_NAME}: ${error.message}`);
      return 2;
    }
    throw error;
  }
  if (cli.help) {
    say(usage());
    return 0;
  }
  if (cli.version) {
    say(`${SERVER_NAME} ${SERVER_VERSION}`);
    return 0;
  }

  const dir = cli.corpusDir === undefined ? corpusDir() : resolve(cli.corpusDir);
  if (!isFolder(dir)) {
    say(
      `${SERVER_NAME}: refusing to start: --corpus names ${JSON.stringify(cli.corpusDir)}, which is not a folder`,
    );
    return 2;
  }
  const { knowledge, problems } = loadKnowledge(dir, SHIPPED_FAMILIES, { parsedAhead: builtParsedAhead() });
  if (!knowledge) {
    say(
      `${SERVER_NAME}: refusing to start: the corpus failed verification (${problems.length} problem${problems.length === 1 ? "" : "s"}):`,
    );
    for (const problem of problems) say(`  - ${problem}`);
    return 1;
  }
  // Every file matches the corpus's own manifest; the manifest must also be the one pinned.
  const pin = corpusPin(cli.corpusVersion);
  const pinProblem = corpusPinProblem(knowledge.version, pin, dir);
  if (pinProblem) {
    say(`${SERVER_NAME}: refusing to start: ${pinProblem}`);
    return 1;
  }
  const corpusShown = corpusPinShown(knowledge.version, pin);
  const corpusNote = corpusShown ? `; ${corpusShown}` : "";

  // Opened (keyed, locked, checked whole against its head) only when asked for: most starts load
  // no audit code at all.
  let audit;
  if (cli.auditLogPath) {
    const { openAuditTrail } = await import("./audit/audit-start.js");
    const trail = openAuditTrail(cli.auditLogPath, cli.auditKeyFile, process.env);
    for (const note of trail.notes) say(`${SERVER_NAME}: ${note}`);
    if ("refusal" in trail) {
      say(`${SERVER_NAME}: refusing to start: ${trail.refusal}`);
      return 1;
    }
    audit = trail.log;
  }
  const context = serverContext(knowledge, { audit, jsonSchemas: builtToolSchemas() });
  if (cli.http) {
    const token = process.env.MNM_HTTP_TOKEN || undefined;
    const allowedHosts = process.env.MNM_ALLOWED_HOSTS?.split(",")
      .map((h) => h.trim())
      .filter(Boolean);
    const settings = {
      host: cli.host,
      port: cli.port,
      ...(token ? { token } : {}),
      ...(allowedHosts?.length ? { allowedHosts } : {}),
    };
    // Loaded only in HTTP mode: express and the HTTP transport would slow every stdio start.
    const { httpSettingsProblem, startHttpServer } = await import("./http-server.js");
    const problem = httpSettingsProblem(settings);
    if (problem) {
      say(`${SERVER_NAME}: ${problem}`);
      return 2;
    }
    const listener = await startHttpServer(settings, context);
    const stop = (): void => {
      listener.close();
      listener.closeAllConnections();
      process.exit(0);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    const address = listener.address();
    const port = typeof address === "object" && address ? address.port : cli.port;
    const shownHost = cli.host.includes(":") ? `[${cli.host}]` : cli.host;
    say(
      `${SERVER_NAME} ${SERVER_VERSION} ready on http://${shownHost}:${port}/mcp (stateless Streamable HTTP); tools: ${toolNames().join(", ")}${corpusNote}`,
    );
    return undefined;
  }

  // The client went away: nothing left to answer.
  process.stdout.on("error", () => process.exit(0));
  await serveStdio(context, (line) => say(`${SERVER_NAME}: ${line}`));
  say(`${SERVER_NAME} ${SERVER_VERSION} ready on stdio; tools: ${toolNames().join(", ")}${corpusNote}`);
  return undefined;
}

main().then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error: unknown) => {
    say(`${SERVER_NAME}: fatal: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
