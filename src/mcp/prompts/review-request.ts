import { completable } from "@modelcontextprotocol/server";
import { z } from "zod";
import { caseFieldsUri } from "../../families/case-fields-uri.js";
import type { ServerContext } from "../context.js";
import { perContext } from "../per-context.js";
import type { Registration } from "../registry.js";
import { completeCodeList } from "./code-completions.js";

const CODE_LIST = /^[A-Za-z0-9.]+(?:\s*,\s*[A-Za-z0-9.]+)*$/;

/** Built once per context: HTTP builds a server per request, and the schema depends only on the context. */
const argsSchema = perContext((context) => buildArgsSchema(context, context.knowledge.families.profileIds()));

function buildArgsSchema(context: ServerContext, profiles: readonly string[]) {
  return z.object({
    services: completable(
      z
        .string()
        .min(1)
        .max(400)
        .regex(CODE_LIST, { error: "expected CPT or HCPCS codes separated by commas, e.g. 64625, J1100" })
        .describe("requested CPT / HCPCS codes, comma-separated, e.g. 64625, J1100"),
      (value) => completeCodeList(context.knowledge.letters, value, ["CPT", "HCPCS"]),
    ),
    diagnoses: completable(
      z
        .string()
        .max(400)
        .regex(/^$|^[A-Za-z0-9.]+(?:\s*,\s*[A-Za-z0-9.]+)*$/, {
          error: "expected ICD-10-CM codes separated by commas, e.g. M53.3, M47.817",
        })
        .describe("ICD-10-CM diagnosis codes, comma-separated, e.g. M53.3, M47.817"),
      (value) => completeCodeList(context.knowledge.letters, value, ["ICD-10-CM"]),
    ),
    facts: z
      .string()
      .max(20_000)
      .optional()
      .describe(
        "the documented clinical facts, as evaluateSIJointRFA clinical JSON or as plain text from the record",
      ),
    // Optional outside completable(): the SDK finds a completer under an outer optional only.
    policy: completable(
      z
        .enum(profiles as [string, ...string[]])
        .describe(
          `policy profile: ${profiles.map((p) => JSON.stringify(p)).join(" or ")} (default ${JSON.stringify(context.knowledge.families.defaultProfile())})`,
        ),
      (value) => profiles.filter((p) => p.startsWith(value ?? "")),
    ).optional(),
  });
}

function list(value: string): string[] {
  return value
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

/** The review workflow as instructions for an AI client. */
export function reviewRequestText(args: {
  services: string;
  diagnoses: string;
  facts?: string;
  policy?: string;
}): string {
  const services = list(args.services);
  const diagnoses = list(args.diagnoses);
  return [
    "Review this medical-necessity request for sacroiliac joint procedures with the medical-necessity-mcp tools, in this order.",
    "",
    `Requested services: ${services.join(", ")}`,
    `Diagnoses: ${diagnoses.length ? diagnoses.join(", ") : "none given"}`,
    `Policy profile: ${args.policy ?? "the family's default"}`,
    `Documented facts: ${args.facts?.trim() ? `\n${args.facts.trim()}` : "none given"}`,
    "",
    `1. Call lookupCodes with codes ${JSON.stringify([...services, ...diagnoses])}. Explain each code in plain language; if a code is invalid or not found, say so and stop before evaluating.`,
    "2. Build the evaluateSIJointRFA input: request.services from the services (add units or laterality only if documented), request.diagnoses from the diagnoses" +
      (args.policy ? `, request.policy "${args.policy}"` : "") +
      `, and clinical from the documented facts only. Leave out any fact the record does not state: an absent fact is unknown, never false, and a relief described only in words (such as good relief) is not a percentage. Free text goes in clinical.notes, which the logic never reads. What each field means (units, values, examples) is in the resource ${caseFieldsUri("si-joint")}.`,
    '3. Call evaluateSIJointRFA (its default detail, "summary", is enough for the answer). Whether you are shown its text or its structured content, it gives the same facts: the determination per service with its pathway and reason, each governing passage quoted verbatim with its passage id, locator, short citation and any provenance caution, each criterion once with its status (met, not-met, unknown, not-applicable), the case facts it used and the services it applies to, the documents to request, the strongest conflicting evidence and why it does not govern, the pitfalls and the alternatives. Call it again with detail "full" only if you need every criterion per service, all supporting and conflicting evidence, or the trace.',
    "4. Do not call citeGuideline for the governing passages: the evaluation already quotes them verbatim; quote those words exactly as returned. Call citeGuideline with a passage id only for another passage the evaluation names (a conflicting item, a pitfall or an alternative) that you will quote, once per passage.",
    "5. Write the answer: the recommendation for each service; the criteria and the case facts they used; the governing evidence, quoting only words returned by the tools, each quote with its source, passage id and locator, flagging passages with a provenance caution (seen on an unofficial copy, or a third party's summary cited as that third party's words); the conflicting evidence and why it ranks lower; the pitfalls; the alternatives. If the determination is insufficient-information, list the documents to request: missing information is never a reason to deny.",
    "6. Call verifyCitations once, on your finished answer, and correct every quotation it reports as not verbatim before you show it; do not put paraphrase inside quotation marks.",
    "7. End with this disclaimer: This is a recommendation for a licensed clinician, not a final determination. The software recommends; a licensed clinician decides.",
  ].join("\n");
}

export const reviewRequestPrompt: Registration = {
  kind: "prompt",
  name: "review-request",
  register(server, context) {
    server.registerPrompt(
      "review-request",
      {
        title: "Review an SI joint request",
        description:
          "Guides a review: lookupCodes, evaluateSIJointRFA (its summary quotes the governing passages), citeGuideline only for other passages, one verifyCitations check, then an answer with the draft disclaimer.",
        argsSchema: argsSchema(context),
      },
      (args) => ({
        description: "Review of a sacroiliac joint procedure request",
        messages: [{ role: "user", content: { type: "text", text: reviewRequestText(args) } }],
      }),
    );
  },
};
