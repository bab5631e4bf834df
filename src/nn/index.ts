/**
 * The public API of the nn library: the one import the course's cells use
 * (`import { Dense } from "nn"`, or the global `nn`). Every name is listed on
 * purpose, grouped by the concept a chapter teaches, so a cell's namespace is
 * the course's vocabulary; the library's input guards (`guards.ts`) and
 * numerical helpers stay internal. Adding a name here adds it to every cell and
 * to the editor's completions (src/ARCHITECTURE.md, "Where to add").
 */

// The matrix and the operations on it
export { Matrix } from "./matrix.ts";
export { randomMatrix, type RandomMatrixOptions } from "./random-matrix.ts";
export { matmul, matmulTransA, matmulTransB, transpose, add, sub, mul, scale, map, addRowVector, sumColumns, sum, argmaxRows } from "./ops.ts";

// Seeded randomness and cooperative yielding (the environment installs the hooks)
export { createRng, type Rng } from "./rng.ts";
export { cooperate, setYieldHook, type YieldHook } from "./cooperate.ts";

// Scalar autograd (micrograd's Value)
export {
  Value, value,
  type ValueLike, type ValueGraph, type ValueGraphNode, type ValueGraphEdge, type BackwardContribution, type BackwardStep,
} from "./value.ts";

// Activation functions
export {
  heaviside, sigmoid, tanh, relu, leakyRelu, createLeakyRelu, elu, createElu, softplus, identity,
  activation, activationNames, applyActivation, activationGrad, activationGradFromOutput,
  type ActivationFunction, type ActivationOptions,
} from "./activations.ts";
export { softmax, logSumExp, softmaxBackward, softmaxJvp, softmaxJacobian } from "./softmax.ts";

// Parameters, layers and models
export { createParam, zeroGrads, type Param } from "./param.ts";
export type { Layer } from "./layer.ts";
export { Dense, type DenseOptions } from "./dense.ts";
export { Activation, Softmax, type ActivationLayerOptions, type SoftmaxLayerOptions } from "./activation-layer.ts";
export { PReLU, type PReLUOptions } from "./prelu.ts";
export { Maxout, type MaxoutOptions } from "./maxout.ts";
export { Sequential, mlp, smallXavier, type SequentialOptions, type MlpOptions, type LayerSummary } from "./sequential.ts";

// Weight initialisers
export {
  xavierUniform, xavierNormal, heNormal, heUniform, lecunNormal, zerosInit, scaledNormal,
  initializer, initializerNames, type Initializer,
} from "./init.ts";

// Losses
export {
  mse, binaryCrossEntropyWithLogits, softmaxCrossEntropy, loss, lossNames,
  type LossFunction, type LossResult, type ProbabilisticLossResult, type LossBuffers, type ClassLabels,
} from "./losses.ts";

// Gradient checks
export {
  relativeError, numericGradient, gradientBand, checkGradients, checkLayer, checkModel, checkScalarFunction, formatReport,
  type GradBand, type GradCheckElement, type GradCheckParamReport, type GradCheckReport, type GradCheckInput,
  type GradCheckOptions, type CheckOptions, type Differentiable, type ScalarCheckPoint, type ScalarCheckReport,
} from "./gradcheck.ts";

// Optimisers and learning-rate schedules
export type { Optimizer, OptimizerOptions } from "./optimizer.ts";
export { SGD } from "./sgd.ts";
export { Momentum, type MomentumOptions } from "./momentum.ts";
export { RMSProp, type RMSPropOptions } from "./rmsprop.ts";
export { Adam, type AdamOptions } from "./adam.ts";
export { optimizer, optimizerNames, type AnyOptimizerOptions } from "./optimizers.ts";
export { constantSchedule, stepDecay, exponentialDecay, inverseTimeDecay, type Schedule } from "./schedules.ts";

// Data: toy datasets, splits, mini-batches
export {
  xor, spiral, moons, circles, regression1d, trainTestSplit, oneHot, takeRows, takeLabels,
  type ClassificationData, type RegressionData, type Dataset,
  type SpiralOptions, type MoonsOptions, type CirclesOptions, type Regression1dOptions,
} from "./datasets.ts";
export { miniBatches, batchesPerEpoch, type Batch, type Targets } from "./batches.ts";

// Handwritten digits (the environment installs the file's byte source)
export {
  digits, digitRows, loadDigitsFile, setDigitsSource, DIGIT_SIDE, DIGIT_PIXELS, DIGITS_COUNT,
  type DigitsOptions, type DigitsSplit, type DigitsFile, type DigitsSource,
} from "./digits.ts";
export { centreDigit, centreOfMass, preprocessDrawing, DIGIT_BOX } from "./digits-preprocess.ts";

// Training and measuring
export {
  train,
  type Trainable, type TrainOptions, type TrainResult, type TrainLossFn, type LossName, type Progress, type HistoryEntry, type CallbackResult,
} from "./train.ts";
export { accuracy, type AccuracyOptions } from "./metrics.ts";
