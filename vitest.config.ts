import { defineConfig } from "vitest/config";

// test/unit mirrors src/ (and tools/), test/contract holds one file per tool through a real MCP client
// in memory, test/golden the golden files (vitest file snapshots, test/support/golden.ts), test/eval the
// labelled evaluation sets, test/e2e everything that runs the built server or the packed artefacts.
// `npm run test:unit` runs unit, contract and eval tests without a build; `npm test` builds and runs all.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // UPDATE_GOLDEN=1 is the same as `vitest -u`: it rewrites the golden files (never in CI).
    ...(process.env.UPDATE_GOLDEN === "1" && !process.env.CI ? { update: true } : {}),
  },
});
