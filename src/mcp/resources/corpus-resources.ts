import type { Registration } from "../registry.js";
import { corpusPassagesResource } from "./corpus-passages.js";
import { corpusSourcesResource } from "./corpus-sources.js";

/** The evidence corpus as resources: corpus://sources/{id} and corpus://passages/{id}. */
export const corpusResources: Registration = {
  kind: "resource",
  name: "corpus",
  register(server, options) {
    corpusSourcesResource.register(server, options);
    corpusPassagesResource.register(server, options);
  },
};
