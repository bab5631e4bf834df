/**
 * Build-time lookup of exercise folders: `content/<chapter>/exercises/<id>/`
 * holds exercise.ts (title, hints, check spec), starter.ts and solution.ts.
 * Ids are unique across the course; an unknown or duplicate id fails the build.
 */
interface ExerciseModule {
  default: { id?: string; title?: string; hints?: readonly string[]; timeLimitMs?: number };
}

const defs = import.meta.glob<ExerciseModule>("/content/*/exercises/*/exercise.ts", { eager: true });
const starters = import.meta.glob<string>("/content/*/exercises/*/starter.ts", { eager: true, query: "?raw", import: "default" });
const solutions = import.meta.glob<string>("/content/*/exercises/*/solution.ts", { eager: true, query: "?raw", import: "default" });

/** What the Exercise component needs about one exercise. */
export interface ExerciseInfo {
  /** `"<chapter-folder>/<id>"`: the grader's and the progress store's key. */
  key: string;
  id: string;
  chapterFolder: string;
  title: string;
  hints: string[];
  starter: string;
  solution: string;
  timeLimitMs: number;
}

const FOLDER = /^\/content\/([^/]+)\/exercises\/([^/]+)\/exercise\.ts$/;

/** Every exercise in the course. */
export function allExercises(): ExerciseInfo[] {
  const out: ExerciseInfo[] = [];
  for (const [path, mod] of Object.entries(defs)) {
    const m = FOLDER.exec(path);
    if (!m) continue;
    const [, chapterFolder, id] = m;
    const base = `/content/${chapterFolder}/exercises/${id}`;
    const starter = starters[`${base}/starter.ts`];
    const solution = solutions[`${base}/solution.ts`];
    if (starter === undefined || solution === undefined) throw new Error(`exercise ${id}: ${base} needs starter.ts and solution.ts`);
    const def = mod.default ?? {};
    if (def.id !== undefined && def.id !== id) throw new Error(`exercise ${id}: exercise.ts says id ${JSON.stringify(def.id)}; it must match its folder`);
    out.push({
      key: `${chapterFolder}/${id}`,
      id,
      chapterFolder,
      title: def.title ?? id,
      hints: [...(def.hints ?? [])],
      starter: starter.replace(/\s+$/, "") + "\n",
      solution: solution.replace(/\s+$/, "") + "\n",
      timeLimitMs: def.timeLimitMs ?? 10_000,
    });
  }
  return out;
}

/** The exercise with this id; throws naming the known ids when there is none or several. */
export function findExercise(id: string): ExerciseInfo {
  const all = allExercises();
  const found = all.filter((e) => e.id === id);
  if (found.length === 0) throw new Error(`exercise: unknown id ${JSON.stringify(id)} (known: ${all.map((e) => e.id).join(", ") || "none"})`);
  if (found.length > 1) throw new Error(`exercise: id ${JSON.stringify(id)} is used by ${found.map((e) => e.key).join(" and ")}; ids must be unique`);
  return found[0];
}

/** Exercise keys per chapter folder, for the course index's progress. */
export function exercisesByChapter(): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const e of allExercises()) map.set(e.chapterFolder, [...(map.get(e.chapterFolder) ?? []), e.key]);
  return map;
}
