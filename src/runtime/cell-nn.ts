/**
 * The `nn` module as cells see it: the library's public entry, minus
 * `setYieldHook` (the runtime owns the hook that makes Stop work; a cell that
 * replaced it would make every loop unstoppable except by termination), plus
 * the core pieces a cell needs in case index.ts stops re-exporting them.
 * Exports of index.ts win.
 */
import * as lib from "../nn/index.ts";
import { cooperate } from "../nn/cooperate.ts";
import { Matrix } from "../nn/matrix.ts";
import { createParam, zeroGrads } from "../nn/param.ts";
import { createRng } from "../nn/rng.ts";

const core: Record<string, unknown> = { Matrix, createRng, cooperate, createParam, zeroGrads };
const { setYieldHook: _runtimeOwned, ...cellExports } = lib as Record<string, unknown>;

/** The namespace behind `import … from "nn"` and the global `nn`. */
export const cellNn: Readonly<Record<string, unknown>> = Object.freeze({ ...core, ...cellExports });
