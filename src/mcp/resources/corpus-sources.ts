import { ResourceTemplate } from "@modelcontextprotocol/server";
import { SOURCE_URI_TEMPLATE, decodeId, sourceUri } from "../../corpus/uris.js";
import { domain } from "../domain.js";
import { perContext } from "../per-context.js";
import type { Registration } from "../registry.js";
import { unknownIdError } from "./corpus-resource-errors.js";

/** The resource template, built once per context (HTTP builds a server per request). */
const templateOf = perContext(
  ({ knowledge: { corpus } }) =>
    new ResourceTemplate(SOURCE_URI_TEMPLATE, {
      list: () => ({
        resources: [...corpus.sources.values()].map((s) => ({
          uri: sourceUri(s.id),
          name: s.id,
          title: s.shortTitle ?? s.title,
          mimeType: "text/markdown",
        })),
      }),
      complete: { id: (value) => [...corpus.sources.keys()].filter((id) => id.startsWith(value)) },
    }),
);

export const corpusSourcesResource: Registration = {
  kind: "resource",
  name: "corpus-sources",
  register(server, context) {
    const { corpus } = context.knowledge;
    const template = templateOf(context);
    server.registerResource(
      "corpus-sources",
      template,
      {
        title: "Evidence sources",
        description:
          "One evidence source (guideline, review, consensus statement, coverage policy): full citation, method, quality note and passages.",
        mimeType: "text/markdown",
      },
      async (uri, variables) => {
        const { sourceMarkdown } = await domain("markdown");
        const id = decodeId(variables.id);
        const source = id === undefined ? undefined : corpus.sources.get(id);
        if (!source) throw unknownIdError("source", uri.href, id, corpus.sources.keys());
        return {
          contents: [{ uri: uri.href, mimeType: "text/markdown", text: sourceMarkdown(corpus, source) }],
        };
      },
    );
  },
};
