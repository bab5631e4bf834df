/** The public API of the nn library, the one import the course cells use. */
// Core: the matrix, parameters, the layer contract, seeded randomness, cooperative yielding
export * from "./matrix.ts";
export * from "./param.ts";
export type * from "./layer.ts";
export * from "./rng.ts";
export * from "./cooperate.ts";
// Helper B: scalar autograd, layers, models
export * from "./value.ts";
export * from "./dense.ts";
export * from "./activation-layer.ts";
export * from "./prelu.ts";
export * from "./maxout.ts";
export * from "./sequential.ts";
// Helper D: optimisers, schedules, data, batches, metrics, training loop
export * from "./optimizer.ts";
export * from "./sgd.ts";
export * from "./momentum.ts";
export * from "./rmsprop.ts";
export * from "./adam.ts";
export * from "./optimizers.ts";
export * from "./schedules.ts";
export * from "./datasets.ts";
export * from "./digits.ts";
export * from "./digits-preprocess.ts";
export * from "./batches.ts";
export * from "./metrics.ts";
export * from "./train.ts";
// Helper A: matrix ops, activations, softmax, losses, initialisers, gradient checks
export * from "./ops.ts";
export * from "./init.ts";
export * from "./activations.ts";
export * from "./softmax.ts";
export * from "./losses.ts";
export * from "./gradcheck.ts";
export * from "./error-summary.ts";
