import { Adam, type AdamOptions } from "./adam.ts";
import { Momentum, type MomentumOptions } from "./momentum.ts";
import type { Optimizer } from "./optimizer.ts";
import { RMSProp, type RMSPropOptions } from "./rmsprop.ts";
import { SGD } from "./sgd.ts";
import { rejectParameters } from "./guards.ts";

/** Names `optimizer()` understands. `"nesterov"` is momentum with `nesterov: true`. */
export const optimizerNames = ["sgd", "momentum", "nesterov", "rmsprop", "adam"] as const;

/** Options accepted by any optimiser name (each optimiser rejects the ones it does not use). */
export type AnyOptimizerOptions = AdamOptions & MomentumOptions & RMSPropOptions;

/**
 * Builds an optimiser by name, e.g. `optimizer("adam", { lr: 0.01 })`.
 * @throws `unknown optimizer: name` listing the known names; or the optimiser's own error for a bad hyper-parameter.
 */
export function optimizer(name: string, opts: AnyOptimizerOptions = {}): Optimizer {
  // Before the spread of "nesterov" would turn a parameter list into options named 0, 1, ...
  rejectParameters("optimizer", `optimizer(${JSON.stringify(String(name))}, { lr: 0.1 })`, opts);
  switch (name) {
    case "sgd": return new SGD(opts);
    case "momentum": return new Momentum(opts);
    case "nesterov": return new Momentum({ ...opts, nesterov: true });
    case "rmsprop": return new RMSProp(opts);
    case "adam": return new Adam(opts);
    default: throw new Error(`unknown optimizer: ${String(name)} (known: ${optimizerNames.join(", ")})`);
  }
}
