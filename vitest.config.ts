import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// "unit": the nn library, the runtime and every chapter's cells, in Node.
// "site": builds dist/ once (test/setup/build-site.ts), checks the built pages
// and drives them in the system Chromium (test/e2e).
//
// The two never run at the same time (sequence.groupOrder puts them in groups of their own): the unit files
// run two at a time, one per core (maxWorkers); the site's files one at a time, as their browser tests are
// timed by the page itself and want the machine.
export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      {
        // Exercise files import from "nn" exactly as cells do.
        resolve: { alias: [{ find: /^nn$/, replacement: fileURLToPath(new URL("./src/nn/index.ts", import.meta.url)) }] },
        test: {
          name: "unit",
          sequence: { groupOrder: 1 },
          include: ["test/nn/**/*.test.ts", "test/runtime/**/*.test.ts", "test/content/**/*.test.ts", "test/markdown/**/*.test.ts", "test/components/**/*.test.ts", "test/i18n/**/*.test.ts"],
          environment: "node",
          // digits() reads the digits file from disk here, as the headless notebook does.
          setupFiles: ["test/setup/digits-source.ts"],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "site",
          sequence: { groupOrder: 0 },
          include: ["test/build/**/*.test.ts", "test/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/setup/build-site.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // Tests marked concurrent (the accessibility suite's pages) run two at a time, one per core.
          maxConcurrency: 2,
        },
      },
    ],
  },
});
