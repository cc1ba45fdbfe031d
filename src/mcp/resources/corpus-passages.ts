import { ResourceTemplate } from "@modelcontextprotocol/server";
import { PASSAGE_URI_TEMPLATE, decodeId, passageUri } from "../../corpus/uris.js";
import { domain } from "../domain.js";
import { perContext } from "../per-context.js";
import type { Registration } from "../registry.js";
import { unknownIdError } from "./corpus-resource-errors.js";

/** The resource template, built once per context (HTTP builds a server per request). */
const templateOf = perContext(
  ({ knowledge: { corpus } }) =>
    new ResourceTemplate(PASSAGE_URI_TEMPLATE, {
      list: () => ({
        resources: [...corpus.passages.values()].map((p) => ({
          uri: passageUri(p.id),
          name: p.id,
          title: `${p.id}: ${p.section}`,
          mimeType: "text/markdown",
        })),
      }),
      complete: { id: (value) => [...corpus.passages.keys()].filter((id) => id.startsWith(value)) },
    }),
);

export const corpusPassagesResource: Registration = {
  kind: "resource",
  name: "corpus-passages",
  register(server, context) {
    const { corpus } = context.knowledge;
    const template = templateOf(context);
    server.registerResource(
      "corpus-passages",
      template,
      {
        title: "Evidence passages",
        description:
          "One verbatim passage with its locator, whose words it is, provenance and the full citation.",
        mimeType: "text/markdown",
      },
      async (uri, variables) => {
        const { passageMarkdown } = await domain("markdown");
        const id = decodeId(variables.id);
        const passage = id === undefined ? undefined : corpus.passages.get(id);
        if (!passage) throw unknownIdError("passage", uri.href, id, corpus.passages.keys());
        return {
          contents: [{ uri: uri.href, mimeType: "text/markdown", text: passageMarkdown(corpus, passage) }],
        };
      },
    );
  },
};
