/**
 * Exercises on disk, for Node (the headless notebook's worker thread and the
 * content tests): lists the exercise folders (layout: `exercise-files.ts`) and
 * imports a definition. Kept apart from `loaders.ts` because the browser
 * worker has no file system.
 */
import { existsSync, readdirSync } from "node:fs";
import { DEFINITION_FILE, exerciseKeyOf, exercisesDirOf } from "./exercise-files.ts";
import { exerciseFromModule, loadExerciseText, resolveExerciseKey } from "./loaders.ts";
import type { ExerciseLoader } from "./install.ts";

/** One exercise folder on disk. */
export interface ExerciseFolder {
  key: string;
  chapter: string;
  id: string;
  /** The folder, ending in `/`. */
  dir: URL;
}

/** Every exercise folder (with a definition) under `contentDir`, sorted by key. */
export function listExerciseFolders(contentDir: URL): ExerciseFolder[] {
  const out: ExerciseFolder[] = [];
  if (!existsSync(contentDir)) return out;
  for (const chapter of readdirSync(contentDir, { withFileTypes: true })) {
    if (!chapter.isDirectory()) continue;
    const exercises = new URL(exercisesDirOf(chapter.name), contentDir);
    if (!existsSync(exercises)) continue;
    for (const ex of readdirSync(exercises, { withFileTypes: true })) {
      const dir = new URL(`${ex.name}/`, exercises);
      if (ex.isDirectory() && existsSync(new URL(DEFINITION_FILE, dir))) out.push({ key: exerciseKeyOf(chapter.name, ex.name), chapter: chapter.name, id: ex.name, dir });
    }
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

/** Every exercise under `contentDir`, key → definition file URL. */
export function listExerciseFiles(contentDir: URL): Map<string, URL> {
  return new Map(listExerciseFolders(contentDir).map((f) => [f.key, new URL(DEFINITION_FILE, f.dir)]));
}

/** Loads exercises from `contentDir` (a directory URL ending in `/`), listing it afresh on each call so new exercises are found. */
export function nodeExerciseLoader(contentDir: URL): ExerciseLoader {
  return async (id, lang) => {
    const files = listExerciseFiles(contentDir);
    const key = resolveExerciseKey([...files.keys()], id);
    const file = files.get(key) as URL;
    const def = exerciseFromModule(key, await import(file.href));
    const text = await loadExerciseText(key, lang, (name) => {
      const url = new URL(name, file);
      return existsSync(url) ? () => import(url.href) : undefined;
    });
    return { key, def, text };
  };
}
