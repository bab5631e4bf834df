/**
 * Puts the grader in a cell's reach: a hidden global `__gradeExercise(id,
 * seed)` that grades the learner's definitions found on the global object
 * (the page scope, where cells publish their functions) and resolves to the
 * report as JSON. The page runs it as an ordinary cell,
 *
 *   await __gradeExercise("02-activation-functions/tanh-derivative", 17)
 *
 * so grading obeys Stop and the cell time limit like any other run, and the
 * report crosses the worker boundary as a plain string.
 */
import type { ExerciseDef } from "./exercise.ts";
import { DEFAULT_TIME_LIMIT_MS } from "./exercise.ts";
import { MAX_COMPARISON_POINTS, type GradeReport } from "./report.ts";

/** Loads an exercise by id (`"<chapter-folder>/<exercise-id>"`, or the bare exercise id when it is unique). */
export type ExerciseLoader = (id: string) => Promise<ExerciseDef>;

/** What `__exerciseInfo(id)` returns (as JSON): the static facts the page may show before grading. */
export interface ExerciseInfo {
  id: string;
  title: string;
  entry: string[];
  hints: string[];
  timeLimitMs: number;
}

/**
 * A cell's result string is cut at 10 000 characters (rich.ts), so reports are
 * kept below this size by thinning the comparison points.
 */
const MAX_JSON_CHARS = 9000;

/**
 * Defines the hidden globals `__gradeExercise(id, seed): Promise<string>` (the
 * report as JSON, see `GradeReport`) and `__exerciseInfo(id): Promise<string>`
 * (see `ExerciseInfo`) on `global`. Not enumerable, so they stay out of the
 * reader's view of the scope.
 */
export function installGrader(global: object, loadExercise: ExerciseLoader): void {
  const scope = global as Record<string, unknown>;
  const hidden = (name: string, value: unknown): void => {
    Object.defineProperty(global, name, { value, writable: true, configurable: true, enumerable: false });
  };
  hidden("__gradeExercise", async (id: unknown, seed: unknown): Promise<string> => {
    if (typeof id !== "string") throw new TypeError(`__gradeExercise: id must be a string, got ${typeof id}`);
    if (typeof seed !== "number" || !Number.isFinite(seed)) throw new TypeError(`__gradeExercise: seed must be a finite number, got ${String(seed)}`);
    const def = await loadExercise(id);
    // Read the learner's names now: the grade must see what the page's cells defined.
    const learner: Record<string, unknown> = {};
    for (const name of def.entry) learner[name] = scope[name];
    // Loaded on the first grading, not with the worker: every page's first Run would otherwise wait for all the check kinds.
    const { gradeExercise } = await import("./grade.ts");
    const report = await gradeExercise(def, learner, seed, { exerciseId: id });
    return serializeReport(report);
  });
  hidden("__exerciseInfo", async (id: unknown): Promise<string> => {
    if (typeof id !== "string") throw new TypeError(`__exerciseInfo: id must be a string, got ${typeof id}`);
    const def = await loadExercise(id);
    const info: ExerciseInfo = {
      id, title: def.title, entry: [...def.entry], hints: [...def.hints], timeLimitMs: def.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS,
    };
    return JSON.stringify(info);
  });
}

/** JSON of a report, thinning `comparison` until it fits a cell result (the plot needs the shape, not every point). */
export function serializeReport(report: GradeReport): string {
  let r = report;
  let json = JSON.stringify(r);
  let keep = MAX_COMPARISON_POINTS;
  while (json.length > MAX_JSON_CHARS && r.comparison && keep > 10) {
    keep = Math.floor(keep / 2);
    const { analytic, numeric } = r.comparison;
    const stride = Math.ceil(analytic.length / keep);
    const pick = <T>(xs: T[]): T[] => xs.filter((_, i) => i % stride === 0);
    r = { ...r, comparison: { ...r.comparison, analytic: pick(analytic), numeric: pick(numeric) } };
    json = JSON.stringify(r);
  }
  if (json.length > MAX_JSON_CHARS) {
    const { comparison: _dropped, ...rest } = r;
    json = JSON.stringify({ ...rest, parts: rest.parts.map((p) => ({ ...p, message: p.message.slice(0, 600) })) });
  }
  return json;
}
