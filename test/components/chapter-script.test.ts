/**
 * A downloaded chapter (src/components/chapter-script.ts) runs under Node
 * against this project's nn: written into the project root as the header
 * says, run with the project's Node, it prints each cell's output.
 */
import { execFile } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { chapterScript } from "../../src/components/chapter-script.ts";

const root = new URL("../../", import.meta.url).pathname;

describe("chapterScript", () => {
  it("runs a chapter's cells in one scope under Node, and stops with exit code 1 at an error", async () => {
    const cells = [
      { id: "first-cell", code: 'import { sigmoid } from "nn";\nconst z = [-2, 0, 2];\nconsole.log("edited by the reader");\nz.map((v) => sigmoid.f(v))' },
      // A string that looks like the script's own syntax stays data.
      { id: "second", code: "const s = \"`]); process.exit(3); //\";\nz.length + s.length" },
      { id: "broken", code: "undefinedName + 1" },
      { id: "never", code: "console.log('not reached')" },
    ];
    const text = chapterScript({ title: "How this notebook works", slug: "how-this-notebook-works", cells, date: "2026-01-01" });
    expect(text).toMatch(/^\/\/ How Networks Learn — "How this notebook works": 4 cells/);
    expect(text).toContain("npx node how-this-notebook-works.cells.ts");
    const file = join(root, `.chapter-script-test-${process.pid}.cells.ts`);
    writeFileSync(file, text);
    try {
      const run = await promisify(execFile)(process.execPath, [file], { cwd: root, timeout: 60_000 }).then(
        (r) => ({ code: 0, ...r }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
      expect(run.code).toBe(1);
      expect(run.stdout).toContain("── cell first-cell: ok\nedited by the reader\n[0.119203, 0.5, 0.880797]");
      expect(run.stdout).toContain("── cell second: ok\n27"); // 3 + the 24 characters of s
      expect(run.stdout).toContain("── cell broken: error");
      expect(run.stderr).toMatch(/ReferenceError: undefinedName is not defined/);
      expect(run.stdout).not.toContain("not reached");
    } finally {
      rmSync(file, { force: true });
    }
  });
});
