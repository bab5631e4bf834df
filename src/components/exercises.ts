/**
 * Build-time lookup of exercise folders (layout: src/runtime/grader/exercise-files.ts):
 * the definition, and each edition's starter, solution and text. Ids are
 * unique across the course; an unknown or duplicate id, or an edition with a
 * file missing, fails the build.
 */
import type { ExerciseText } from "../i18n/exercise-text.ts";
import type { Lang } from "../i18n/lang.ts";
import { DEFINITION_FILE, EDITION_FILES, parseExercisePath } from "../runtime/grader/exercise-files.ts";

interface ExerciseModule {
  default: { id?: string; title?: string; hints?: readonly string[]; timeLimitMs?: number };
}

// Vite needs literal patterns: these spell the layout of exercise-files.ts once more, and every path goes through parseExercisePath.
const defs = import.meta.glob<ExerciseModule>("/content/*/exercises/*/exercise.ts", { eager: true });
const texts = import.meta.glob<{ default: ExerciseText }>("/content/*/exercises/*/zh-CN.ts", { eager: true });
const sources = import.meta.glob<string>(
  ["/content/*/exercises/*/starter.ts", "/content/*/exercises/*/solution.ts", "/content/*/exercises/*/starter.zh.ts", "/content/*/exercises/*/solution.zh.ts"],
  { eager: true, query: "?raw", import: "default" },
);

/** What the Exercise component needs about one exercise, in one edition. */
export interface ExerciseInfo {
  /** `"<chapter-folder>/<id>"`: the grader's and the progress store's key (the same in every edition). */
  key: string;
  id: string;
  chapterFolder: string;
  lang: Lang;
  title: string;
  hints: string[];
  starter: string;
  solution: string;
  timeLimitMs: number;
}

/** Every file found, by exercise key and file name. */
function filesByKey<T>(modules: Record<string, T>): Map<string, Map<string, T>> {
  const out = new Map<string, Map<string, T>>();
  for (const [path, mod] of Object.entries(modules)) {
    const p = parseExercisePath(path);
    if (!p) continue;
    if (!out.has(p.key)) out.set(p.key, new Map());
    out.get(p.key)!.set(p.file, mod);
  }
  return out;
}

const trimmed = (code: string): string => code.replace(/\s+$/, "") + "\n";

/** One exercise in one edition. */
function infoOf(key: string, lang: Lang): ExerciseInfo {
  const mod = filesByKey(defs).get(key)?.get(DEFINITION_FILE);
  if (!mod) throw new Error(`exercise ${key}: no ${DEFINITION_FILE}`);
  const [chapterFolder, id] = key.split("/");
  const edition = EDITION_FILES[lang];
  const files = filesByKey(sources).get(key);
  const starter = files?.get(edition.starter);
  const solution = files?.get(edition.solution);
  const translated = edition.text ? filesByKey(texts).get(key)?.get(edition.text)?.default : undefined;
  if (starter === undefined || solution === undefined || (edition.text && !translated)) {
    const needs = [edition.starter, edition.solution, ...(edition.text ? [edition.text] : [])].join(", ");
    throw new Error(`exercise ${key}: the ${lang} edition needs ${needs} in content/${chapterFolder}/exercises/${id}/`);
  }
  const def = mod.default ?? {};
  if (def.id !== undefined && def.id !== id) throw new Error(`exercise ${id}: exercise.ts says id ${JSON.stringify(def.id)}; it must match its folder`);
  return {
    key,
    id,
    chapterFolder,
    lang,
    title: translated?.title ?? def.title ?? id,
    hints: [...(translated?.hints ?? def.hints ?? [])],
    starter: trimmed(starter),
    solution: trimmed(solution),
    timeLimitMs: def.timeLimitMs ?? 10_000,
  };
}

/** Every exercise in the course, in the given edition. */
export function allExercises(lang: Lang = "en"): ExerciseInfo[] {
  return [...filesByKey(defs).keys()].sort().map((key) => infoOf(key, lang));
}

/** The exercise with this id, in the given edition; throws naming the known ids when there is none or several. */
export function findExercise(id: string, lang: Lang = "en"): ExerciseInfo {
  const keys = [...filesByKey(defs).keys()].sort();
  const found = keys.filter((k) => k.split("/")[1] === id);
  if (found.length === 0) throw new Error(`exercise: unknown id ${JSON.stringify(id)} (known: ${keys.map((k) => k.split("/")[1]).join(", ") || "none"})`);
  if (found.length > 1) throw new Error(`exercise: id ${JSON.stringify(id)} is used by ${found.join(" and ")}; ids must be unique`);
  return infoOf(found[0], lang);
}

/** Exercise keys per chapter folder, for the course index's progress (the same in every edition). */
export function exercisesByChapter(): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const key of [...filesByKey(defs).keys()].sort()) {
    const chapter = key.split("/")[0];
    map.set(chapter, [...(map.get(chapter) ?? []), key]);
  }
  return map;
}
