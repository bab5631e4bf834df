/**
 * The exercise loader for Node (the headless notebook's worker thread): lists
 * `content/*\/exercises/*\/exercise.ts` on disk and imports the file. Kept apart
 * from `loaders.ts` because the browser worker has no file system.
 */
import { existsSync, readdirSync } from "node:fs";
import { exerciseFromModule, resolveExerciseKey } from "./loaders.ts";
import type { ExerciseLoader } from "./install.ts";

/** Every exercise under `contentDir`, key → file URL. */
export function listExerciseFiles(contentDir: URL): Map<string, URL> {
  const out = new Map<string, URL>();
  if (!existsSync(contentDir)) return out;
  for (const chapter of readdirSync(contentDir, { withFileTypes: true })) {
    if (!chapter.isDirectory()) continue;
    const exercises = new URL(`${chapter.name}/exercises/`, contentDir);
    if (!existsSync(exercises)) continue;
    for (const ex of readdirSync(exercises, { withFileTypes: true })) {
      const file = new URL(`${ex.name}/exercise.ts`, exercises);
      if (ex.isDirectory() && existsSync(file)) out.set(`${chapter.name}/${ex.name}`, file);
    }
  }
  return out;
}

/** Loads exercises from `contentDir` (a directory URL ending in `/`), listing it afresh on each call so new exercises are found. */
export function nodeExerciseLoader(contentDir: URL): ExerciseLoader {
  return async (id) => {
    const files = listExerciseFiles(contentDir);
    const key = resolveExerciseKey([...files.keys()], id);
    return exerciseFromModule(key, await import((files.get(key) as URL).href));
  };
}
