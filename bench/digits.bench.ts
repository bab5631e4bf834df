/**
 * Digits training speed (chapter 9's model): our library against TensorFlow.js
 * with its pure-JavaScript CPU backend and its WebAssembly backend, on the
 * same model, data and optimiser.
 *
 *   node bench/digits.bench.ts        (or: npm run bench)
 *
 * Problem: MLP 784-128-10 with ReLU, softmax cross-entropy on logits, Adam
 * (α = 0.001), mini-batches of 32 from the course's 8,000 training digits
 * (`digits({ rng: createRng(9) })`). One "step" is forward, loss, backward and
 * update on one batch; an epoch is 250 steps. All three start from the same
 * weights (tfjs gets ours as float32), and the script checks that their first
 * losses agree, so the three do the same arithmetic.
 *
 * Our step is the one train() takes (forwardReusing, loss buffers,
 * backwardReusing: no matrices allocated once warm), and the script prints
 * GOAL lines for the ratios the course aims at (≥ 1.8× tfjs-wasm SIMD, ≥ 8×
 * tfjs-cpu, on CPU time).
 *
 * Method as in train.bench.ts: warm up, then alternate rounds (ours, cpu,
 * wasm, ours, …) of about `ROUND_MS` each so background load hits all alike;
 * report medians of steps/s over the rounds (wall time, and this process's CPU
 * time, steadier on a busy machine), and the epoch time they imply. Then one
 * real epoch of ours through `train()`, timed whole.
 */
import os from "node:os";
import { Adam, Matrix, createRng, digits, mlp, setDigitsSource, softmaxCrossEntropy, takeLabels, takeRows, train, type LossBuffers, type Param } from "../src/nn/index.ts";
import { nodeDigitsSource } from "../src/integrations/digits-asset.ts";

const SIZES = [784, 128, 10];
const BATCH = 32;
const LR = 0.001;
const ROUNDS = Number(process.argv[2] ?? 5);
const ROUND_MS = 1500;

setDigitsSource(nodeDigitsSource);
const { train: data } = await digits({ rng: createRng(9) });
const N = data.x.rows;
const stepsPerEpoch = Math.ceil(N / BATCH);
// The batches every library sees: one shuffled epoch, cycled.
const order = createRng(2).permutation(N);
const batches = Array.from({ length: stepsPerEpoch }, (_, b) => order.subarray(b * BATCH, Math.min(N, (b + 1) * BATCH)));
const batchX = batches.map((idx) => takeRows(data.x, idx));
const batchY = batches.map((idx) => takeLabels(data.y, idx));

const model = mlp(SIZES, { hidden: "relu", rng: createRng(1) });
const optimizer = new Adam({ lr: LR });
const params = model.parameters();
// Our step as train() takes it: activations, loss gradient and probabilities in reused buffers (scratch.ts).
const lossBuffers: LossBuffers = { grad: new Matrix(BATCH, 10), probs: new Matrix(BATCH, 10) };
let oursAt = 0;
function oursStep(): number {
  const b = oursAt++ % stepsPerEpoch;
  model.zeroGrad();
  const logits = model.forwardReusing(batchX[b]);
  const { loss, grad } = softmaxCrossEntropy(logits, batchY[b], logits.rows === BATCH ? lossBuffers : undefined);
  model.backwardReusing(grad, false);
  optimizer.step(params);
  return loss;
}

// ---- tfjs, one instance per backend --------------------------------------------
const tf = await import("@tensorflow/tfjs");
await import("@tensorflow/tfjs-backend-wasm");
tf.enableProdMode();
type Tensor2D = import("@tensorflow/tfjs").Tensor2D;
type Scalar = import("@tensorflow/tfjs").Scalar;

interface TfSide {
  name: string;
  step(): number;
  firstLoss(): number;
}
async function tfSide(backend: "cpu" | "wasm"): Promise<TfSide> {
  await tf.setBackend(backend);
  await tf.ready();
  const xs = batchX.map((x) => tf.tensor2d(Float32Array.from(x.data), [x.rows, x.cols], "float32"));
  const ys = batchY.map((y) => tf.oneHot(tf.tensor1d(y, "int32"), 10));
  const vars = params.map((p: Param) => tf.variable(tf.tensor2d(Float32Array.from(p.value.data), [p.value.rows, p.value.cols], "float32")));
  const opt = tf.train.adam(LR);
  let at = 0;
  const loss = (b: number) => (): Scalar => {
    let h = xs[b] as Tensor2D;
    for (let l = 0; l < SIZES.length - 1; l++) {
      h = tf.add(tf.matMul(h, vars[2 * l]), vars[2 * l + 1]);
      if (l < SIZES.length - 2) h = tf.relu(h);
    }
    return tf.losses.softmaxCrossEntropy(ys[b], h) as Scalar;
  };
  const read = (s: Scalar): number => {
    const v = s.dataSync()[0];
    s.dispose();
    return v;
  };
  return {
    name: `tfjs-${backend}`,
    firstLoss: () => read(tf.tidy(loss(0))),
    step: () => {
      // Each side's steps run on its own backend: switch before stepping (cheap: no tensors move).
      if (tf.getBackend() !== backend) tf.setBackend(backend);
      return read(opt.minimize(loss(at++ % stepsPerEpoch), true, vars as never)!);
    },
  };
}
const cpu = await tfSide("cpu");
const cpuLoss0 = cpu.firstLoss();
const wasm = await tfSide("wasm");
// Which WebAssembly build tfjs picked (SIMD, threads), for the record.
const wasmSimd = await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT");
const wasmThreads = await tf.env().getAsync("WASM_HAS_MULTITHREAD_SUPPORT");
const wasmLoss0 = wasm.firstLoss();
const oursLoss0 = softmaxCrossEntropy(model.forward(batchX[0]), batchY[0]).loss;
for (const [name, l] of [["tfjs-cpu", cpuLoss0], ["tfjs-wasm", wasmLoss0]] as const) {
  if (Math.abs(l - oursLoss0) > 1e-4) throw new Error(`bench: initial losses differ: ours ${oursLoss0}, ${name} ${l}`);
}

// ---- timing ------------------------------------------------------------------
interface Round { wall: number; cpu: number }
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
function timed(steps: number, step: () => number): Round {
  const w = performance.now(), c = cpuMs();
  for (let s = 0; s < steps; s++) step();
  const wall = performance.now() - w, cpuTime = cpuMs() - c;
  return { wall: (steps / wall) * 1000, cpu: (steps / Math.max(cpuTime, 1e-9)) * 1000 };
}
const median = (v: number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const sides = [
  { name: "ours", step: oursStep },
  { name: cpu.name, step: cpu.step },
  { name: wasm.name, step: wasm.step },
];
const loadBefore = os.loadavg()[0];
const stepsPerRound = sides.map((s) => {
  timed(5, s.step); // warm-up
  const rate = timed(10, s.step).wall;
  return Math.max(10, Math.round((rate * ROUND_MS) / 1000));
});
const rounds: Round[][] = sides.map(() => []);
for (let r = 0; r < ROUNDS; r++) sides.forEach((s, i) => rounds[i].push(timed(stepsPerRound[i], s.step)));

// ---- one real epoch of ours, through train() ---------------------------------------
const epochModel = mlp(SIZES, { hidden: "relu", rng: createRng(1) });
const t0 = performance.now();
await train(epochModel, { x: data.x, y: data.y, loss: "softmaxCrossEntropy", optimizer: new Adam({ lr: LR }), epochs: 1, batchSize: BATCH, rng: createRng(2) });
const epochMs = performance.now() - t0;
const loadAfter = os.loadavg()[0];

// ---- report ------------------------------------------------------------------
const rates = rounds.map((r) => median(r.map((x) => x.wall)));
const cpuRates = rounds.map((r) => median(r.map((x) => x.cpu)));
console.log(`MLP ${SIZES.join("-")} ReLU, softmax cross-entropy, Adam lr ${LR}, batches of ${BATCH}, ${N} training digits (${stepsPerEpoch} steps per epoch)`);
console.log(`Node ${process.version}, tfjs ${tf.version.tfjs} (wasm: SIMD ${wasmSimd ? "yes" : "no"}, threads ${wasmThreads ? "yes" : "no"}), ${os.cpus().length} CPUs, load average ${loadBefore.toFixed(2)} → ${loadAfter.toFixed(2)}`);
console.log(`initial loss from the same weights: ours ${oursLoss0.toFixed(6)}, tfjs-cpu ${cpuLoss0.toFixed(6)}, tfjs-wasm ${wasmLoss0.toFixed(6)}`);
sides.forEach((s, i) => {
  console.log(`${s.name.padEnd(10)} steps/s ${rates[i].toFixed(1).padStart(7)}  (CPU-time ${cpuRates[i].toFixed(1)}; median of ${ROUNDS} rounds of ${stepsPerRound[i]})  → epoch ${((stepsPerEpoch / rates[i])).toFixed(2)} s`);
});
console.log(`ours / tfjs-cpu   ${(rates[0] / rates[1]).toFixed(2)}×  (CPU-time ${(cpuRates[0] / cpuRates[1]).toFixed(2)}×)`);
console.log(`ours / tfjs-wasm  ${(rates[0] / rates[2]).toFixed(2)}×  (CPU-time ${(cpuRates[0] / cpuRates[2]).toFixed(2)}×)`);
console.log(`one epoch of ours through train(): ${(epochMs / 1000).toFixed(2)} s`);
// The goals, judged on CPU time as in train.bench.ts (all sides run in this one process, one thread).
const TARGETS = { wasm: 1.8, cpu: 8 };
const verdict = (ok: boolean): string => (ok ? "met" : "NOT met");
const [vsCpu, vsWasm] = [cpuRates[0] / cpuRates[1], cpuRates[0] / cpuRates[2]];
console.log(`GOAL digits vs tfjs-wasm SIMD : ${vsWasm.toFixed(2)}×  target ≥ ${TARGETS.wasm}×  ${verdict(vsWasm >= TARGETS.wasm)}  (wall-time ratio ${(rates[0] / rates[2]).toFixed(2)}×; load average ${loadBefore.toFixed(2)} → ${loadAfter.toFixed(2)})`);
console.log(`GOAL digits vs tfjs-cpu       : ${vsCpu.toFixed(2)}×  target ≥ ${TARGETS.cpu}×  ${verdict(vsCpu >= TARGETS.cpu)}  (wall-time ratio ${(rates[0] / rates[1]).toFixed(2)}×)`);
