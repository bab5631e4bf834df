/**
 * An exercise's reader-visible text in another edition. The exercise itself
 * (exercise.ts: checks, seeds, cases) is one program for both editions; its
 * Chinese text lives beside it in `zh-CN.ts`, and every English string the
 * grader can show (case labels, stability notes) maps to its translation.
 * `test/content/exercise-text.test.ts` fails when one is missing.
 */
export interface ExerciseText {
  title: string;
  /** Same count and order as the English hints. */
  hints: readonly string[];
  /** English string of exercise.ts → its translation. */
  text: Readonly<Record<string, string>>;
}

export function defineExerciseText(text: ExerciseText): ExerciseText {
  return text;
}
