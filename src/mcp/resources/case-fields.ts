import { ProtocolError, ProtocolErrorCode, ResourceTemplate } from "@modelcontextprotocol/server";
import { CASE_FIELDS_URI_TEMPLATE, caseFieldsUri } from "../../families/case-fields-uri.js";
import { decodeId } from "../../corpus/uris.js";
import { domain } from "../domain.js";
import { perContext } from "../per-context.js";
import type { Registration } from "../registry.js";

const TOOL = "evaluateSIJointRFA";

/** The resource template, built once per context (HTTP builds a server per request). */
const templateOf = perContext((context) => {
  const families = context.knowledge.families;
  return new ResourceTemplate(CASE_FIELDS_URI_TEMPLATE, {
    list: () => ({
      resources: families.list.map((f) => ({
        uri: caseFieldsUri(f.id),
        name: `${f.id}-facts`,
        title: `Case fields: ${f.data.title}`,
        mimeType: "text/markdown",
      })),
    }),
    complete: { id: (value) => families.list.map((f) => f.id).filter((id) => id.startsWith(value)) },
  });
});

/**
 * The case fields of each family explained (mnm://families/{id}/facts): what each field of the
 * review tools' `case` means, its units, bounds and values, and the facts the policy reads from
 * it. The tool definitions stay short and name this resource for the rest.
 */
export const caseFieldsResource: Registration = {
  kind: "resource",
  name: "case-fields",
  register(server, context) {
    const families = context.knowledge.families;
    const template = templateOf(context);
    server.registerResource(
      "case-fields",
      template,
      {
        title: "Case fields",
        description: `Every field of the ${TOOL} case (request and clinical facts): meaning, units, bounds, values, and the facts the policy reads from it.`,
        mimeType: "text/markdown",
      },
      async (uri, variables) => {
        const { caseFieldsMarkdown } = await domain("caseFields");
        const id = decodeId(variables.id);
        const family = id === undefined ? undefined : families.get(id);
        if (!family) {
          const known = families.list.map((f) => f.id).join(", ");
          const shown =
            id === undefined || id.length > 200
              ? "no known family"
              : `the unknown family ${JSON.stringify(id)}`;
          throw new ProtocolError(
            ProtocolErrorCode.InvalidParams,
            `the URI names ${shown}; families: ${known}`,
          );
        }
        return {
          contents: [
            {
              uri: uri.href,
              mimeType: "text/markdown",
              text: caseFieldsMarkdown(context.caseSchema, family, TOOL),
            },
          ],
        };
      },
    );
  },
};
