import { completable } from "@modelcontextprotocol/server";
import { z } from "zod";
import { LetterContextSchema } from "../../letters/context-schema.js";
import { REGIMES } from "../../letters/letter-data-schema.js";
import type { ServerContext } from "../context.js";
import { perContext } from "../per-context.js";
import type { Registration } from "../registry.js";

/** Longest JSON argument: a case or a letter context is a few kilobytes. */
const MAX_JSON_ARGUMENT_CHARS = 100_000;

/** A JSON argument checked against a schema, with the first problems named. */
function jsonArgument(schema: z.ZodType, what: string) {
  return z
    .string()
    .max(MAX_JSON_ARGUMENT_CHARS)
    .superRefine((text, ctx) => {
      if (text.length > MAX_JSON_ARGUMENT_CHARS) return;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        ctx.addIssue({ code: "custom", message: `expected JSON of ${what}, received text that is not JSON` });
        return;
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        const issues = parsed.error.issues
          .slice(0, 5)
          .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
        ctx.addIssue({ code: "custom", message: `expected JSON of ${what}: ${issues.join("; ")}` });
      }
    });
}

/** Built once per context: HTTP builds a server per request, and the schema depends only on the context. */
const argsSchema = perContext((context) => buildArgsSchema(context));

function buildArgsSchema(context: ServerContext) {
  return z.object({
    regime: completable(
      z
        .enum(REGIMES)
        .describe("plan regime: medicare-advantage, commercial-erisa, aca-individual or medicaid"),
      (value) => REGIMES.filter((r) => r.startsWith(value ?? "")).sort(),
    ),
    caseJson: jsonArgument(context.caseSchema, "an evaluateSIJointRFA input").describe(
      "the case as evaluateSIJointRFA input JSON: {request: {services, diagnoses}, clinical: {...}}",
    ),
    contextJson: jsonArgument(LetterContextSchema.omit({ regime: true }), "the letter context without regime")
      .optional()
      .describe(
        "optional letter context JSON without regime: member, provider, plan, reviewer, peerToPeer, languageAssistance, ...",
      ),
  });
}

export function draftDenialLetterText(args: {
  regime: string;
  caseJson: string;
  contextJson?: string;
}): string {
  const context = {
    regime: args.regime,
    ...(args.contextJson ? (JSON.parse(args.contextJson) as object) : {}),
  };
  return [
    "Draft a determination letter for this case with the medical-necessity-mcp tools, in this order.",
    "",
    `Case (evaluateSIJointRFA input):\n${args.caseJson}`,
    `Letter context:\n${JSON.stringify(context)}`,
    "",
    "1. Call draftDeterminationLetter with case set to the case above and context set to the letter context above; do not call evaluateSIJointRFA first. It reviews the case itself, through the same path and checks as evaluateSIJointRFA, and chooses the letter type from the determination: a medically-necessary result gives an approval and an insufficient-information result gives a request for information. Never turn either into a denial.",
    "2. Its answer (text or structured content alike) reports its own verifyCitations check of every quotation in the letter. If that check says any quotation is not verbatim, stop and report it instead of showing the letter. Call verifyCitations yourself only on letter text you change, once.",
    "3. Show the letter exactly as returned, with its DRAFT banner, then list the checklist elements marked missing with their reasons, and what the context should add to complete them.",
    "4. Say plainly that this is a draft that a licensed clinician must review, edit as needed and sign before it is sent, and that it is never final.",
  ].join("\n");
}

export const draftDenialLetterPrompt: Registration = {
  kind: "prompt",
  name: "draft-denial-letter",
  register(server, context) {
    server.registerPrompt(
      "draft-denial-letter",
      {
        title: "Draft a determination letter",
        description:
          "Guides a letter: draftDeterminationLetter on the case (it reviews the case and checks its own quotations); the result is a draft for a licensed clinician.",
        argsSchema: argsSchema(context),
      },
      (args) => ({
        description: `Draft determination letter (${args.regime})`,
        messages: [{ role: "user", content: { type: "text", text: draftDenialLetterText(args) } }],
      }),
    );
  },
};
