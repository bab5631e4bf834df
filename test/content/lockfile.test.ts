/**
 * `npm ci` (what CI runs) refuses a lock whose packages name optional
 * dependencies it has no entry for. The registry this project installs from
 * lacks some platform bindings of Astro's compiler, so `npm install` leaves
 * them out; `.ci/lock-platforms.mjs` adds them back. This test says so early.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("package-lock.json", () => {
  it("has an entry for every optional dependency it lists (else npm ci fails)", () => {
    const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as { packages: Record<string, { optionalDependencies?: Record<string, string> }> };
    const missing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      for (const dep of Object.keys(entry.optionalDependencies ?? {})) {
        if (!lock.packages[`node_modules/${dep}`] && !lock.packages[`${path}/node_modules/${dep}`]) missing.push(`${dep} (of ${path || "the project"})`);
      }
    }
    expect(missing, "run `node .ci/lock-platforms.mjs package-lock.json` after npm install").toEqual([]);
  });
});
