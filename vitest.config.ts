import { defineConfig } from "vitest/config";

// Unit tests (nn, runtime, content) run in Node; the e2e project builds the
// site once, serves it and drives the system Chromium (see test/e2e/setup.ts).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/nn/**/*.test.ts", "test/runtime/**/*.test.ts", "test/content/**/*.test.ts", "test/build/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
        },
      },
    ],
  },
});
