/**
 * The grader as the kernel calls it: a `grade` message (protocol.ts) names an
 * exercise, a seed and a language; the kernel hands it to the function made
 * here, which reads the learner's definitions from the page scope (where cells
 * publish their functions) at that moment, grades them and resolves to the
 * report, which travels back as a typed `grade-report` message. Grading is a
 * run like any other, so Stop and the time limit apply to it.
 */
import { isLang, type Lang } from "../../i18n/lang.ts";
import type { ExerciseText } from "../../i18n/exercise-text.ts";
import type { GradeRequest } from "../protocol.ts";
import type { ExerciseDef } from "./exercise.ts";
import type { GradeReport } from "./report.ts";

/** An exercise as the grader needs it: its key, definition, and the text of the edition asked for. */
export interface LoadedExercise {
  /** `"<chapter-folder>/<exercise-id>"`. */
  key: string;
  def: ExerciseDef;
  /** The edition's translations of the exercise's strings (null for English, or when the edition has none). */
  text: ExerciseText | null;
}

/** Loads an exercise by id (`"<chapter-folder>/<exercise-id>"`, or the bare exercise id when it is unique). */
export type ExerciseLoader = (id: string, lang: Lang) => Promise<LoadedExercise>;

/** The grading function the kernel calls for a `grade` message (`KernelEnv.grade`). */
export function createGrader(global: object, loadExercise: ExerciseLoader): (request: GradeRequest) => Promise<GradeReport> {
  const scope = global as Record<string, unknown>;
  return async ({ exerciseId, seed, lang }) => {
    if (typeof exerciseId !== "string") throw new TypeError(`grade: exerciseId must be a string, got ${typeof exerciseId}`);
    if (typeof seed !== "number" || !Number.isFinite(seed)) throw new TypeError(`grade: seed must be a finite number, got ${String(seed)}`);
    if (!isLang(lang)) throw new TypeError(`grade: unknown language ${String(lang)}`);
    const { def, text } = await loadExercise(exerciseId, lang);
    // Read the learner's names now: the grade must see what the page's cells defined.
    const learner: Record<string, unknown> = {};
    for (const name of def.entry) learner[name] = scope[name];
    // Loaded on the first grading, not with the worker: every page's first Run would otherwise wait for all the check kinds.
    const { gradeExercise } = await import("./grade.ts");
    return gradeExercise(def, learner, seed, { exerciseId, lang, text });
  };
}
