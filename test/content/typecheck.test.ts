/**
 * The whole project type-checks: the library, the runtime, the components'
 * TypeScript, and everything under content/ (figures, exercise starters,
 * solutions and wrong answers), as src/ARCHITECTURE.md asks of code inside content.
 */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("tsc --noEmit", () => {
  it("reports no type errors", () => {
    const tsc = "node_modules/typescript/bin/tsc";
    let output = "";
    try {
      execFileSync(process.execPath, [tsc, "--noEmit", "-p", "."], { encoding: "utf8", stdio: "pipe" });
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string };
      output = `${e.stdout ?? ""}${e.stderr ?? ""}`.trim() || String(err);
    }
    expect(output).toBe("");
  }, 120_000);
});
