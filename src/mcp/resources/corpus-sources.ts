import { ResourceTemplate } from "@modelcontextprotocol/server";
import { SOURCE_URI_TEMPLATE, decodeId, sourceUri } from "../../corpus/uris.js";
import { domain } from "../domain.js";
import type { Registration } from "../registry.js";
import { unknownIdError } from "./corpus-resource-errors.js";

export const corpusSourcesResource: Registration = {
  kind: "resource",
  name: "corpus-sources",
  register(server, { knowledge: { corpus } }) {
    const template = new ResourceTemplate(SOURCE_URI_TEMPLATE, {
      list: () => ({
        resources: [...corpus.sources.values()].map((s) => ({
          uri: sourceUri(s.id),
          name: s.id,
          title: s.shortTitle ?? s.title,
          mimeType: "text/markdown",
        })),
      }),
      complete: { id: (value) => [...corpus.sources.keys()].filter((id) => id.startsWith(value)) },
    });
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
