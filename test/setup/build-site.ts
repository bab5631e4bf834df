/**
 * Vitest global setup for the "site" project: builds the static site once per
 * test run (build tests and end-to-end tests read the same dist/). Set
 * SKIP_SITE_BUILD=1 to reuse an existing dist/ while iterating.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

export default function setup(): void {
  if (process.env.SKIP_SITE_BUILD === "1" && existsSync("dist/index.html")) return;
  const started = performance.now();
  // Vitest runs with NODE_ENV=test, which a child inherits and Vite reads as "not production": the build would
  // then leave out what only production pages do (registering the service worker). Build as `npm run build` does.
  const env = { ...process.env, NODE_ENV: "production" };
  execFileSync(process.execPath, ["node_modules/astro/bin/astro.mjs", "build", "--silent"], { stdio: "inherit", env });
  console.log(`site: built dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
