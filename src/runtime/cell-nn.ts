/**
 * The `nn` module as cells see it: the library's public entry plus the core
 * pieces every cell needs even where index.ts does not (yet) re-export them
 * (Matrix, createRng, cooperate, parameter helpers). Exports of index.ts win.
 */
import * as lib from "../nn/index.ts";
import { cooperate } from "../nn/cooperate.ts";
import { Matrix } from "../nn/matrix.ts";
import { createParam, zeroGrads } from "../nn/param.ts";
import { createRng } from "../nn/rng.ts";

/** The namespace behind `import … from "nn"` and the global `nn`. */
export const cellNn: Readonly<Record<string, unknown>> = Object.freeze({ Matrix, createRng, cooperate, createParam, zeroGrads, ...lib });
