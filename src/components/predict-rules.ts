/**
 * What a "Predict, then run" checkpoint may name as its answer: a name in the
 * page's scope, with `.field`, `[index]` or `["key"]` steps, never an
 * expression or a literal, so the answer shown is always what a cell computed.
 * Shared by Predict.astro (the build) and test/content/predict.test.ts.
 */
export const VALUE_PATH = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[\d+\]|\["[^"\\]{1,60}"\])*$/;
/** Checkpoint and cell ids: lowercase letters, digits and dashes. */
export const CHECKPOINT_ID = /^[a-z0-9][a-z0-9-]*$/;
