/**
 * The `nn` module as cells see it: the library's public entry, minus
 * `setYieldHook` (the runtime owns the hook that makes Stop work; a cell that
 * replaced it would make every loop unstoppable except by termination) and
 * `setDigitsSource` (the runtime says where the digits file lives).
 */
import * as lib from "../nn/index.ts";

const { setYieldHook: _runtimeOwned, setDigitsSource: _alsoRuntimeOwned, ...cellExports } = lib as Record<string, unknown>;

/** The namespace behind `import … from "nn"` and the global `nn`. */
export const cellNn: Readonly<Record<string, unknown>> = Object.freeze(cellExports);
