/**
 * Training speed: our library against TensorFlow.js's pure-JavaScript CPU
 * backend on the same problem, plus the cost of one whole-model gradient check.
 *
 *   node bench/train.bench.ts        (or: npm run bench)
 *
 * Problem: MLP 2-64-64-3 with tanh, softmax cross-entropy on logits, 1024
 * spiral points, full batch, plain SGD — one "step" is forward, loss,
 * backward and update. Both libraries start from the same weights (tfjs gets
 * ours, as float32), and the script checks that their first losses agree, so
 * the two sides do the same arithmetic.
 *
 * Method: warm up both, then alternate rounds (ours, tfjs, ours, tfjs, ...)
 * so that any background load hits both alike; report the median steps/s over
 * the rounds. GFLOP/s counts 2·m·k·n per matrix product, three products per
 * dense layer per step (forward Z = X·W, backward dW = Xᵀ·dZ and dX = dZ·Wᵀ);
 * the element-wise work (tanh, softmax, updates) is not counted.
 */
import os from "node:os";
import { createRng } from "../src/nn/rng.ts";
import type { Param } from "../src/nn/param.ts";
import { mlp, SGD, softmaxCrossEntropy, spiral, takeLabels, takeRows, train } from "../src/nn/index.ts";
import { checkModel, formatReport } from "../src/nn/gradcheck.ts";

const N = 1024;
const SIZES = [2, 64, 64, 3];
const LR = 0.1;
const ROUNDS = 9;
const ROUND_MS = 800; // target duration of one round, per library
const TARGET_RATIO = 7;

// ---- data and our model --------------------------------------------------
const data = spiral({ classes: 3, pointsPerClass: Math.ceil(N / 3), noise: 0.2, rng: createRng(1) });
const rows = Int32Array.from({ length: N }, (_, i) => i);
const x = takeRows(data.x, rows);
const y = takeLabels(data.y, rows);
const model = mlp(SIZES, { hidden: "tanh", output: "identity", rng: createRng(2) });
const optimizer = new SGD({ lr: LR });

const flopsPerStep = SIZES.slice(0, -1).reduce((s, k, i) => s + 3 * 2 * N * k * SIZES[i + 1], 0);

// ---- tfjs, quietly -------------------------------------------------------
// tfjs prints a banner suggesting tfjs-node on first use in Node; prod mode
// silences its warnings (and skips debug checks, which is the fair setting).
const tf = await import("@tensorflow/tfjs");
tf.enableProdMode();
await tf.setBackend("cpu");
await tf.ready();

const tfX = tf.tensor2d(Float32Array.from(x.data), [N, SIZES[0]], "float32");
const tfY = tf.oneHot(tf.tensor1d(y, "int32"), SIZES[SIZES.length - 1]);
// Same initial weights as ours, layer by layer (W is in×out, b is 1×out in both).
const tfVars = model.parameters().map((p: Param) => tf.variable(tf.tensor2d(Float32Array.from(p.value.data), [p.value.rows, p.value.cols], "float32")));
const tfOptimizer = tf.train.sgd(LR);
const tfLoss = () => {
  let h = tfX as import("@tensorflow/tfjs").Tensor2D;
  for (let l = 0; l < SIZES.length - 1; l++) {
    h = tf.add(tf.matMul(h, tfVars[2 * l]), tfVars[2 * l + 1]);
    if (l < SIZES.length - 2) h = tf.tanh(h);
  }
  return tf.losses.softmaxCrossEntropy(tfY, h) as import("@tensorflow/tfjs").Scalar;
};
function tfStep(): number {
  const l = tfOptimizer.minimize(tfLoss, true, tfVars)!;
  const v = l.dataSync()[0];
  l.dispose();
  return v;
}

// ---- sanity: both compute the same loss from the same weights -----------
const oursLoss0 = softmaxCrossEntropy(model.forward(x), y).loss;
const tfLoss0 = (() => {
  const l = tfLoss();
  const v = l.dataSync()[0];
  l.dispose();
  return v;
})();
if (Math.abs(oursLoss0 - tfLoss0) > 1e-4) throw new Error(`bench: initial losses differ: ours ${oursLoss0}, tfjs ${tfLoss0}`);

// ---- timing --------------------------------------------------------------
// Each round records wall time and this process's CPU time. On a quiet
// machine they agree; when other processes compete for the cores, wall time
// also counts the time we were descheduled, while CPU time does not, so the
// CPU-time ratio is the steadier comparison (both are printed).
interface Round { wall: number; cpu: number }
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
async function timed(steps: number, run: () => unknown): Promise<Round> {
  const w = performance.now(), c = cpuMs();
  await run();
  const wall = performance.now() - w, cpu = cpuMs() - c;
  return { wall: (steps / wall) * 1000, cpu: (steps / Math.max(cpu, 1e-9)) * 1000 };
}
const oursRound = (steps: number) => timed(steps, () => train(model, { x, y, loss: "softmaxCrossEntropy", optimizer, steps }));
const tfRound = (steps: number) => timed(steps, () => {
  for (let s = 0; s < steps; s++) tfStep();
});
const median = (v: number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// Warm-up (lets V8 optimise both), which also calibrates the round lengths.
const loadBefore = os.loadavg()[0];
await oursRound(30);
const oursWarm = (await oursRound(30)).wall;
tfRound(3);
const tfWarm = (await tfRound(5)).wall;
const oursSteps = Math.max(20, Math.round((oursWarm * ROUND_MS) / 1000));
const tfSteps = Math.max(6, Math.round((tfWarm * ROUND_MS) / 1000));

const ours: Round[] = [], theirs: Round[] = [];
for (let r = 0; r < ROUNDS; r++) {
  ours.push(await oursRound(oursSteps));
  theirs.push(await tfRound(tfSteps));
}
const oursRate = median(ours.map((r) => r.wall)), tfRate = median(theirs.map((r) => r.wall));
const oursCpuRate = median(ours.map((r) => r.cpu)), tfCpuRate = median(theirs.map((r) => r.cpu));
const ratio = oursRate / tfRate, cpuRatio = oursCpuRate / tfCpuRate;
const loadAfter = os.loadavg()[0];

// ---- one whole-model gradient check --------------------------------------
const checkRng = createRng(3);
process.stderr.write("timing one whole-model gradient check (a minute or so)...\n");
const t0 = performance.now();
const report = await checkModel(model, x, y, "softmaxCrossEntropy", { rng: checkRng });
const checkMs = performance.now() - t0;

// ---- report --------------------------------------------------------------
const fmt = (v: number, d = 1) => v.toFixed(d).padStart(7);
const spread = (v: Round[]) => `wall min ${Math.min(...v.map((r) => r.wall)).toFixed(1)}, max ${Math.max(...v.map((r) => r.wall)).toFixed(1)}`;
const paramCount = model.parameters().reduce((s, p) => s + p.value.size, 0);
console.log(`MLP ${SIZES.join("-")} tanh, softmax cross-entropy, ${N} spiral points, full batch, SGD lr ${LR}`);
console.log(`Node ${process.version}, tfjs ${tf.version.tfjs} (backend ${tf.getBackend()}), ${os.cpus().length} CPUs, load average ${loadBefore.toFixed(2)} → ${loadAfter.toFixed(2)}`);
console.log(`initial loss from the same weights: ours ${oursLoss0.toFixed(6)}, tfjs ${tfLoss0.toFixed(6)}`);
console.log(`ours  steps/s   ${fmt(oursRate)}   (CPU-time ${oursCpuRate.toFixed(1)}; median of ${ROUNDS} rounds of ${oursSteps} steps through train(); ${spread(ours)})`);
console.log(`tfjs  steps/s   ${fmt(tfRate)}   (CPU-time ${tfCpuRate.toFixed(1)}; median of ${ROUNDS} rounds of ${tfSteps} steps of optimizer.minimize; ${spread(theirs)})`);
console.log(`ratio           ${fmt(ratio, 2)}×  (CPU-time ${cpuRatio.toFixed(2)}×; target ≥ ${TARGET_RATIO}×: ${ratio >= TARGET_RATIO ? "met" : "NOT met"})`);
console.log(`ours  GFLOP/s   ${fmt((oursRate * flopsPerStep) / 1e9, 2)}   (${(flopsPerStep / 1e6).toFixed(2)} MFLOP per step in matrix products)`);
console.log(`gradient check  ${fmt(checkMs / 1000, 2)} s (checkModel, all ${paramCount} parameters, ${N} rows; ${report.evaluations} loss evaluations, ${(checkMs / report.evaluations).toFixed(2)} ms each)`);
console.log(`                ${formatReport(report).split("\n")[0]}`);
