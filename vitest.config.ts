import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// "unit": the nn library, the runtime and every chapter's cells, in Node.
// "site": builds dist/ once (test/setup/build-site.ts), checks the built pages
// and drives them in the system Chromium (test/e2e).
export default defineConfig({
  test: {
    projects: [
      {
        // Exercise files import from "nn" exactly as cells do.
        resolve: { alias: [{ find: /^nn$/, replacement: fileURLToPath(new URL("./src/nn/index.ts", import.meta.url)) }] },
        test: {
          name: "unit",
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
          include: ["test/build/**/*.test.ts", "test/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/setup/build-site.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
