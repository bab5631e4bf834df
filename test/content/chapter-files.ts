/**
 * The chapter sources of both editions: `content/<folder>/index.mdx` and, where
 * it exists, its Chinese twin `index.zh.mdx`. Content tests iterate over these
 * so a Chinese chapter is held to the same checks as its English twin.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Lang } from "../../src/i18n/lang.ts";

export interface ChapterFile {
  folder: string;
  lang: Lang;
  /** Path from the project root, e.g. `content/02-activation-functions/index.zh.mdx`. */
  path: string;
}

export const FILE_OF: Record<Lang, string> = { en: "index.mdx", "zh-CN": "index.zh.mdx" };

export function chapterFiles(langs: readonly Lang[] = ["en", "zh-CN"]): ChapterFile[] {
  const folders = readdirSync("content", { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  return folders.flatMap((folder) =>
    langs.filter((lang) => existsSync(join("content", folder, FILE_OF[lang]))).map((lang) => ({ folder, lang, path: join("content", folder, FILE_OF[lang]) })),
  );
}
