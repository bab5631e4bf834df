/**
 * The Chinese edition of the exercises: for every exercise folder with a
 * `zh-CN.ts`, the same number of hints, a translation of every string the
 * grader can show (collected from the loaded definition, so a new case label
 * cannot be forgotten), and `starter.zh.ts` / `solution.zh.ts` that are the
 * English code token for token (comments and string text aside). Every
 * chapter with an `index.zh.mdx` has all three files for each of its exercises.
 * Also the token comparison itself (`code-tokens.ts`, shared with the chapters' cells).
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ExerciseText } from "../../src/i18n/exercise-text.ts";
import { EDITION_FILES } from "../../src/runtime/grader/exercise-files.ts";
import { translatableStrings, type ExerciseDef } from "../../src/runtime/grader/exercise.ts";
import { listExerciseFolders } from "../../src/runtime/grader/node-loader.ts";
import { sameCode } from "./code-tokens.ts";

const CONTENT = new URL("../../content/", import.meta.url);
const ZH = EDITION_FILES["zh-CN"];
const folders = listExerciseFolders(CONTENT);
const read = (dir: URL, file: string): string => readFileSync(new URL(file, dir), "utf8");

describe("code tokens (the comparison the chapters' cells share)", () => {
  it("ignores comments and the text of strings and template literals, not their expressions", () => {
    expect(sameCode(`// 注释\nconst a = "hello"; log('b', a / 2);`, `const a = "你好"; /* x */ log("乙", a / 2);`).equal).toBe(true);
    expect(sameCode("console.log(`loss ${f({ a: 1 })} at ${t}`)", "console.log(`损失 ${f({ a: 1 })}，步 ${t}`)").equal).toBe(true);
    expect(sameCode("console.log(`loss ${loss.toFixed(3)} at step ${t}`)", "console.log(`第 ${t} 步的损失 ${loss.toFixed(3)}`)").equal).toBe(false);
    const d = sameCode("return 2 * x + 3;", "return 2 * x - 3;");
    expect(d.equal).toBe(false);
    expect(d.firstDifference).toMatch(/token 4/);
  });
});

const translated = folders.filter((f) => existsSync(new URL(ZH.text as string, f.dir)));

it("at least one exercise has its Chinese edition", () => {
  expect(translated.length).toBeGreaterThan(0);
});

for (const folder of translated) {
  describe(`${folder.key} (zh-CN)`, () => {
    it("translates the title, every hint and every string the grader can show", async () => {
      const def = ((await import(new URL("exercise.ts", folder.dir).href)) as { default: ExerciseDef }).default;
      const zh = ((await import(new URL(ZH.text as string, folder.dir).href)) as { default: ExerciseText }).default;
      expect(zh.title.trim()).not.toBe("");
      expect(zh.hints.length).toBe(def.hints.length);
      for (const h of zh.hints) expect(h.trim()).not.toBe("");
      const wanted = translatableStrings(def.check);
      const missing = wanted.filter((s) => !zh.text[s]?.trim());
      expect(missing, `add to text: ${missing.map((s) => JSON.stringify(s)).join(", ")}`).toEqual([]);
      // A key the definition no longer has is a stale translation.
      const shown = translatableStrings(def.check, { formulas: true });
      const stale = Object.keys(zh.text).filter((k) => !shown.includes(k));
      expect(stale, "keys of text that exercise.ts does not have").toEqual([]);
    });

    for (const [zhFile, enFile] of [[ZH.starter, EDITION_FILES.en.starter], [ZH.solution, EDITION_FILES.en.solution]]) {
      it(`${zhFile} is ${enFile} token for token`, () => {
        expect(existsSync(new URL(zhFile, folder.dir)), zhFile).toBe(true);
        const same = sameCode(read(folder.dir, enFile), read(folder.dir, zhFile));
        expect(same.equal, same.firstDifference).toBe(true);
      });
    }
  });
}

it("every Chinese chapter (index.zh.mdx) has zh-CN.ts, starter.zh.ts and solution.zh.ts for each of its exercises", () => {
  const chapters = [...new Set(folders.map((f) => f.chapter))].filter((c) => existsSync(new URL(`${c}/index.zh.mdx`, CONTENT)));
  const lacking = folders
    .filter((f) => chapters.includes(f.chapter))
    .flatMap((f) => [ZH.text as string, ZH.starter, ZH.solution].filter((file) => !existsSync(new URL(file, f.dir))).map((file) => `${f.key}/${file}`));
  expect(lacking).toEqual([]);
});
