import { ResourceTemplate } from "@modelcontextprotocol/server";
import { getCorpus } from "../../corpus/store.js";
import { SOURCE_URI_TEMPLATE, decodeId, sourceUri } from "../../corpus/uris.js";
import { lazy } from "../../util/lazy.js";
import type { Registration } from "../registry.js";
import { unknownIdError } from "./corpus-resource-errors.js";

// Rendering is loaded on the first read: listing and completion need only the corpus.
const markdown = lazy(() => import("../../corpus/markdown.js"));

export const corpusSourcesResource: Registration = {
  kind: "resource",
  name: "corpus-sources",
  register(server) {
    const template = new ResourceTemplate(SOURCE_URI_TEMPLATE, {
      list: () => ({
        resources: [...getCorpus().sources.values()].map((s) => ({
          uri: sourceUri(s.id),
          name: s.id,
          title: s.shortTitle ?? s.title,
          mimeType: "text/markdown",
        })),
      }),
      complete: { id: (value) => [...getCorpus().sources.keys()].filter((id) => id.startsWith(value)) },
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
        const { sourceMarkdown } = await markdown();
        const corpus = getCorpus();
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
