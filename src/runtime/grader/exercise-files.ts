/**
 * The one module that knows how an exercise is laid out on disk:
 *
 *   content/<chapter-folder>/exercises/<exercise-id>/
 *     exercise.ts      the definition (checks, seeds, English title and hints)
 *     starter.ts       what the reader starts from          starter.zh.ts   its Chinese edition
 *     solution.ts      one solution, shown after a try       solution.zh.ts  its Chinese edition
 *     zh-CN.ts         the Chinese title, hints and every other string the grader shows
 *     wrong/*.ts       known-wrong answers the grader must reject (never shown; English only)
 *
 * An exercise's key is `"<chapter-folder>/<exercise-id>"`. Vite's
 * `import.meta.glob` needs literal patterns, so the globs in
 * `components/exercises.ts` and `runtime/worker.ts` spell the layout once more;
 * they hand every path they find to {@link parseExercisePath}, so a file that
 * does not fit the layout is ignored the same way everywhere.
 */
import type { Lang } from "../../i18n/lang.ts";

/** The definition's file name. */
export const DEFINITION_FILE = "exercise.ts";
/** The folder of known-wrong answers. */
export const WRONG_DIR = "wrong";

/** The files of one edition of an exercise (the English one has no text file: its text is in exercise.ts). */
export const EDITION_FILES: Readonly<Record<Lang, { readonly starter: string; readonly solution: string; readonly text: string | null }>> = {
  en: { starter: "starter.ts", solution: "solution.ts", text: null },
  "zh-CN": { starter: "starter.zh.ts", solution: "solution.zh.ts", text: "zh-CN.ts" },
};

/** Every file name an exercise folder may hold at its top level. */
export const EXERCISE_FILES: readonly string[] = [
  DEFINITION_FILE,
  ...Object.values(EDITION_FILES).flatMap((e) => [e.starter, e.solution, ...(e.text ? [e.text] : [])]),
];

const PATH = /(?:^|\/)content\/([^/]+)\/exercises\/([^/]+)\/([^/]+)$/;

/** A path inside an exercise folder, read back. */
export interface ExercisePath {
  /** `"<chapter-folder>/<exercise-id>"`. */
  key: string;
  chapter: string;
  id: string;
  /** The file name, e.g. `"starter.zh.ts"`. */
  file: string;
}

/** `".../content/02-x/exercises/tanh-derivative/exercise.ts"` → its key and file name (null for any other path). */
export function parseExercisePath(path: string): ExercisePath | null {
  const m = PATH.exec(path.replace(/\\/g, "/"));
  if (!m || !EXERCISE_FILES.includes(m[3])) return null;
  return { key: exerciseKeyOf(m[1], m[2]), chapter: m[1], id: m[2], file: m[3] };
}

/** The key of the exercise `id` in `chapter`. */
export function exerciseKeyOf(chapter: string, id: string): string {
  return `${chapter}/${id}`;
}

/** A file of an exercise, relative to the content folder: `"02-x/exercises/tanh-derivative/starter.ts"`. */
export function exerciseFilePath(key: string, file: string): string {
  const [chapter, id] = key.split("/");
  return `${chapter}/exercises/${id}/${file}`;
}

/** The folder that holds a chapter's exercises, relative to the content folder. */
export function exercisesDirOf(chapter: string): string {
  return `${chapter}/exercises/`;
}
