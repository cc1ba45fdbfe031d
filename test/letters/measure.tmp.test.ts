import { it } from "vitest";
import { writeFileSync } from "node:fs";
import { encode } from "gpt-tokenizer/encoding/o200k_base";
import { connectInMemory, textOf } from "../support/clients.js";
import { fullContext, REFERENCE_CASE } from "./letter-support.js";
import { readability } from "./readability.js";
it("measure", async () => {
  const client = await connectInMemory();
  const { tools } = await client.listTools();
  for (const t of tools) {
    const def = JSON.stringify({ name: t.name, description: t.description, inputSchema: t.inputSchema });
    if (t.name === "draftDeterminationLetter") console.log(t.name, encode(def).length);
  }
  for (const regime of ["commercial-erisa", "medicare-advantage", "medicaid", "aca-individual"] as const) {
    for (const detail of ["summary", "full"]) {
      const r = await client.callTool({ name: "draftDeterminationLetter", arguments: { case: REFERENCE_CASE, context: fullContext(regime), detail } });
      if (r.isError) { console.log(textOf(r)); continue; }
      const s = r.structuredContent as { markdown: string };
      console.log(regime, detail, "text", encode(textOf(r)).length, "json", encode(JSON.stringify(r.structuredContent)).length, readability(s.markdown));
      writeFileSync(`/tmp/lt/${regime}-${detail}.txt`, textOf(r));
    }
  }
  await client.close();
});
