/**
 * Finding exercises by id (the folder layout and keys: `exercise-files.ts`);
 * a bare exercise id works when only one chapter has an exercise of that name.
 */
import type { ExerciseDef } from "./exercise.ts";
import { DEFINITION_FILE, EDITION_FILES, parseExercisePath } from "./exercise-files.ts";
import type { ExerciseText } from "../../i18n/exercise-text.ts";
import type { Lang } from "../../i18n/lang.ts";
import type { ExerciseLoader } from "./install.ts";

/** `".../content/02-activation-functions/exercises/tanh-derivative/exercise.ts"` → `"02-activation-functions/tanh-derivative"` (null for other paths). */
export function exerciseKey(path: string): string | null {
  const p = parseExercisePath(path);
  return p && p.file === DEFINITION_FILE ? p.key : null;
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

/** The default export of an edition's text module (`zh-CN.ts`), or null. */
function textFromModule(key: string, mod: unknown): ExerciseText {
  const text = (mod as { default?: unknown } | null)?.default as ExerciseText | undefined;
  if (!text || typeof text !== "object" || typeof text.title !== "string" || !Array.isArray(text.hints) || !text.text || typeof text.text !== "object") {
    throw new Error(`exercise ${key}: its text module must \`export default defineExerciseText({ title, hints, text })\``);
  }
  return text;
}

/** Loads an edition's text module of `key` from `modules` (by path), or null when there is none. */
export async function loadExerciseText(key: string, lang: Lang, find: (file: string) => (() => Promise<unknown>) | undefined): Promise<ExerciseText | null> {
  const file = EDITION_FILES[lang].text;
  const load = file ? find(file) : undefined;
  return load ? textFromModule(key, await load()) : null;
}

/**
 * A loader over Vite's `import.meta.glob` of the definitions and of the
 * editions' text modules (lazy: an exercise's modules, and the references
 * they import, load on first use). Pass each glob inside a function,
 * `() => import.meta.glob(…)`: Vite rewrites the call at build time, while a
 * bundle built without Vite (the Chromium runtime test uses esbuild) has no
 * `import.meta.glob`, and the worker must still start; grading then says the
 * exercises are not in this build.
 */
export function globExerciseLoader(modules: ExerciseModules | (() => ExerciseModules), texts: ExerciseModules | (() => ExerciseModules) = {}): ExerciseLoader {
  let byKey: Map<string, Map<string, () => Promise<unknown>>> | null = null;
  const keys = (): Map<string, Map<string, () => Promise<unknown>>> => {
    if (byKey) return byKey;
    let found: ExerciseModules;
    try {
      found = { ...(typeof modules === "function" ? modules() : modules), ...(typeof texts === "function" ? texts() : texts) };
    } catch (e) {
      throw new Error(`exercises are not bundled in this build (import.meta.glob failed: ${e instanceof Error ? e.message : String(e)})`);
    }
    byKey = new Map();
    for (const [path, load] of Object.entries(found)) {
      const p = parseExercisePath(path);
      if (!p) continue;
      if (!byKey.has(p.key)) byKey.set(p.key, new Map());
      byKey.get(p.key)!.set(p.file, load);
    }
    return byKey;
  };
  return async (id, lang) => {
    const map = keys();
    const key = resolveExerciseKey([...map.keys()].filter((k) => map.get(k)!.has(DEFINITION_FILE)), id);
    const files = map.get(key)!;
    const def = exerciseFromModule(key, await (files.get(DEFINITION_FILE) as () => Promise<unknown>)());
    return { key, def, text: await loadExerciseText(key, lang, (f) => files.get(f)) };
  };
}
