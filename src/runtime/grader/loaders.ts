/**
 * Finding exercises by id. Exercise modules live at
 * `content/<chapter-folder>/exercises/<exercise-id>/exercise.ts` and are keyed
 * `"<chapter-folder>/<exercise-id>"`; a bare exercise id works when only one
 * chapter has an exercise of that name.
 */
import type { ExerciseDef } from "./exercise.ts";
import type { ExerciseLoader } from "./install.ts";

const PATH = /(?:^|\/)content\/([^/]+)\/exercises\/([^/]+)\/exercise\.ts$/;

/** `".../content/02-activation-functions/exercises/tanh-derivative/exercise.ts"` → `"02-activation-functions/tanh-derivative"` (null for other paths). */
export function exerciseKey(path: string): string | null {
  const m = PATH.exec(path.replace(/\\/g, "/"));
  return m ? `${m[1]}/${m[2]}` : null;
}

/**
 * The key an id refers to: itself when known, else the one key ending in `/<id>`.
 * @throws `unknown exercise: foo (known: …)` or `ambiguous exercise id: foo (…); add the chapter folder`.
 */
export function resolveExerciseKey(keys: readonly string[], id: string): string {
  if (keys.includes(id)) return id;
  const matches = keys.filter((k) => k.endsWith(`/${id}`));
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) throw new Error(`ambiguous exercise id: ${id} (${matches.join(", ")}); add the chapter folder`);
  throw new Error(`unknown exercise: ${id} (known: ${[...keys].sort().join(", ") || "none"})`);
}

/** The default export of an exercise module, checked. */
export function exerciseFromModule(key: string, mod: unknown): ExerciseDef {
  const def = (mod as { default?: unknown } | null)?.default as ExerciseDef | undefined;
  if (!def || typeof def !== "object" || typeof def.id !== "string" || !def.check) {
    throw new Error(`exercise ${key}: exercise.ts must \`export default defineExercise({...})\``);
  }
  return def;
}

/** Lazy exercise modules by path, as `import.meta.glob` returns them. */
export type ExerciseModules = Record<string, () => Promise<unknown>>;

/**
 * A loader over Vite's `import.meta.glob("/content/*\/exercises/*\/exercise.ts")`
 * (lazy: an exercise's module, and the references it imports, load on first use).
 * Pass the glob inside a function, `() => import.meta.glob(…)`: Vite rewrites the
 * call at build time, while a bundle built without Vite (the Chromium runtime
 * test uses esbuild) has no `import.meta.glob`, and the worker must still start;
 * grading then says the exercises are not in this build.
 */
export function globExerciseLoader(modules: ExerciseModules | (() => ExerciseModules)): ExerciseLoader {
  let byKey: Map<string, () => Promise<unknown>> | null = null;
  const keys = (): Map<string, () => Promise<unknown>> => {
    if (byKey) return byKey;
    let found: ExerciseModules;
    try {
      found = typeof modules === "function" ? modules() : modules;
    } catch (e) {
      throw new Error(`exercises are not bundled in this build (import.meta.glob failed: ${e instanceof Error ? e.message : String(e)})`);
    }
    byKey = new Map();
    for (const [path, load] of Object.entries(found)) {
      const key = exerciseKey(path);
      if (key) byKey.set(key, load);
    }
    return byKey;
  };
  return async (id) => {
    const map = keys();
    const key = resolveExerciseKey([...map.keys()], id);
    return exerciseFromModule(key, await (map.get(key) as () => Promise<unknown>)());
  };
}
