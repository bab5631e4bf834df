/**
 * Training speed: our nn library against TensorFlow.js's CPU backend (pure
 * JavaScript) and its WebAssembly SIMD backend, on the same problems, plus
 * typed-array allocations per training step and the cost of a whole-model
 * gradient check (what the exercise grader runs before training).
 *
 *   node bench/train.bench.ts        (part of: npm run bench)
 *   NN_SRC=/path/to/other/src/nn node bench/train.bench.ts   (same bench, another copy of the library)
 *
 * Problems: the spiral MLP 2-64-64-3 (tanh, softmax cross-entropy on logits,
 * 1024 points, full batch, plain SGD) and an XOR-size net 2-8-2 on the four
 * XOR points. One "step" is forward, loss, backward and update. Every library
 * starts from our initial weights (tfjs as float32) and the script checks that
 * the first losses agree, so all sides do the same arithmetic.
 *
 * Method: warm up, then alternate rounds (ours, tfjs-cpu, tfjs-wasm, ours, ...)
 * so background load hits all alike; report median steps/s over the rounds
 * (wall time) and the ratios. The machine is shared: the load average is printed.
 */
import os from "node:os";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { countTypedArrays } from "../test/nn/typed-array-allocations.ts";

const NN = process.env.NN_SRC ? path.resolve(process.env.NN_SRC) : path.resolve(import.meta.dirname, "../src/nn");
const nn = await import(pathToFileURL(path.join(NN, "index.ts")).href) as typeof import("../src/nn/index.ts");
const { createRng, mlp, SGD, softmaxCrossEntropy, spiral, takeLabels, takeRows, train, checkModel, Matrix } = nn;

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const ROUND_MS = 300; // target duration of one round, per library
const TARGETS = { spiralWasm: 1.8, spiralCpu: 8, xor: 50 };

// ---- tfjs, quietly: prod mode skips debug checks (the fair setting) -------
const tf = await import("@tensorflow/tfjs");
const wasm = await import("@tensorflow/tfjs-backend-wasm");
tf.enableProdMode();
// The .wasm files ship inside the package; Node reads them from disk. One thread, like ours.
const wasmDir = path.dirname(createRequire(import.meta.url).resolve("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm"));
wasm.setWasmPaths(pathToFileURL(wasmDir + "/").href);
tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
const quiet = console.warn; console.warn = () => {};
await tf.setBackend("wasm"); await tf.ready();
console.warn = quiet;
const wasmSimd = await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT");

type Tensor = import("@tensorflow/tfjs").Tensor;
interface Case { name: string; sizes: number[]; x: InstanceType<typeof Matrix>; y: Int32Array; lr: number }

function spiralCase(): Case {
  const N = 1024;
  const data = spiral({ classes: 3, pointsPerClass: Math.ceil(N / 3), noise: 0.2, rng: createRng(1) });
  const rows = Int32Array.from({ length: N }, (_, i) => i);
  return { name: "spiral MLP 2-64-64-3, 1024 points", sizes: [2, 64, 64, 3], x: takeRows(data.x, rows), y: takeLabels(data.y, rows), lr: 0.1 };
}
function xorCase(): Case {
  return { name: "XOR net 2-8-2, 4 points", sizes: [2, 8, 2], x: Matrix.from([[0, 0], [0, 1], [1, 0], [1, 1]]), y: Int32Array.from([0, 1, 1, 0]), lr: 0.5 };
}

/** A tfjs trainer on the given backend, starting from the model's current weights. */
async function tfTrainer(backend: string, c: Case, weights: InstanceType<typeof Matrix>[]) {
  await tf.setBackend(backend);
  const N = c.x.rows, S = c.sizes;
  const tx = tf.tensor2d(Float32Array.from(c.x.data), [N, S[0]], "float32");
  const ty = tf.oneHot(tf.tensor1d(c.y, "int32"), S[S.length - 1]);
  const vars = weights.map((w) => tf.variable(tf.tensor2d(Float32Array.from(w.data), [w.rows, w.cols], "float32")));
  const opt = tf.train.sgd(c.lr);
  const loss = () => {
    let h = tx as Tensor;
    for (let l = 0; l < S.length - 1; l++) {
      h = tf.add(tf.matMul(h as import("@tensorflow/tfjs").Tensor2D, vars[2 * l]), vars[2 * l + 1]);
      if (l < S.length - 2) h = tf.tanh(h);
    }
    return tf.losses.softmaxCrossEntropy(ty, h) as import("@tensorflow/tfjs").Scalar;
  };
  const first = (() => { const l = loss(); const v = l.dataSync()[0]; l.dispose(); return v; })();
  return {
    backend, first,
    run(steps: number) {
      for (let s = 0; s < steps; s++) {
        const l = opt.minimize(loss, true, vars)!;
        l.dataSync();
        l.dispose();
      }
    },
  };
}

const median = (v: number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Steps per second of wall time and of this process's CPU time. On a quiet
 * machine they agree; when other processes compete for the cores, wall time
 * also counts the time this process waited, CPU time does not, so the goals
 * are judged on CPU time (all libraries run in this one process, one thread).
 */
async function rate(steps: number, run: (steps: number) => unknown): Promise<{ wall: number; cpu: number }> {
  const t = performance.now(), c = process.cpuUsage();
  await run(steps);
  const cu = process.cpuUsage(c);
  return { wall: (steps / (performance.now() - t)) * 1000, cpu: (steps / ((cu.user + cu.system) / 1000)) * 1000 };
}

async function compare(c: Case) {
  const model = mlp(c.sizes, { hidden: "tanh", output: "identity", rng: createRng(2) });
  const optimizer = new SGD({ lr: c.lr });
  const weights = model.parameters().map((p) => p.value.clone());
  const ours0 = softmaxCrossEntropy(model.forward(c.x), c.y).loss;
  const libs: { name: string; run: (steps: number) => unknown; before?: () => Promise<unknown> }[] = [
    { name: "ours", run: (steps) => train(model, { x: c.x, y: c.y, loss: "softmaxCrossEntropy", optimizer, steps }) },
  ];
  for (const backend of ["cpu", "wasm"]) {
    const t = await tfTrainer(backend, c, weights);
    if (Math.abs(t.first - ours0) > 1e-4) throw new Error(`bench: initial losses differ on ${c.name}: ours ${ours0}, tfjs-${backend} ${t.first}`);
    libs.push({ name: `tfjs-${backend}`, run: t.run, before: () => tf.setBackend(backend) });
  }
  // Warm up (lets V8 optimise) and calibrate each library's round length.
  const steps: number[] = [];
  for (const lib of libs) {
    await lib.before?.();
    await rate(5, lib.run);
    const r = await rate(Math.max(3, Math.round((await rate(5, lib.run)).wall / 20)), lib.run);
    steps.push(Math.max(5, Math.round((r.wall * ROUND_MS) / 1000)));
  }
  const rates: { wall: number; cpu: number }[][] = libs.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < libs.length; i++) {
      await libs[i].before?.();
      rates[i].push(await rate(steps[i], libs[i].run));
    }
  }
  // Typed arrays allocated per training step, after warm-up (train() itself allocates its history once per call).
  const a1 = await countTypedArrays(() => train(model, { x: c.x, y: c.y, loss: "softmaxCrossEntropy", optimizer, steps: 1 }));
  const a21 = await countTypedArrays(() => train(model, { x: c.x, y: c.y, loss: "softmaxCrossEntropy", optimizer, steps: 21 }));
  const perStep = { count: (a21.count - a1.count) / 20, bytes: (a21.bytes - a1.bytes) / 20 };
  const med = rates.map((r) => median(r.map((x) => x.cpu)));
  const medWall = rates.map((r) => median(r.map((x) => x.wall)));
  return { case: c, libs: libs.map((l) => l.name), med, medWall, rates, perStep };
}

const loadBefore = os.loadavg();
const spiralRes = await compare(spiralCase());
const xorRes = await compare(xorCase());
const loadAfter = os.loadavg();

// ---- one whole-model gradient check (the grader's cost), on 16 rows: its time is the evaluations' count × cost --------
const gc = spiralCase();
const gcRows = Int32Array.from({ length: 16 }, (_, i) => i * 64);
const gcModel = mlp(gc.sizes, { hidden: "tanh", output: "identity", rng: createRng(2) });
const t0 = performance.now();
const report = await checkModel(gcModel, takeRows(gc.x, gcRows), takeLabels(gc.y, gcRows), "softmaxCrossEntropy", { rng: createRng(3) });
const checkMs = performance.now() - t0;

// ---- report ------------------------------------------------------------------
const la = (l: number[]) => l.map((v) => v.toFixed(2)).join(" ");
const fx = (v: number, d = 1) => v.toFixed(d);
const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
console.log(`nn training bench — Node ${process.version}, tfjs ${tf.version.tfjs} (wasm SIMD ${wasmSimd ? "on" : "off"}, 1 thread), ${os.cpus().length} CPUs`);
console.log(`load average (1/5/15 min) before ${la(loadBefore)}, after ${la(loadAfter)}; nn from ${path.relative(process.cwd(), NN) || "."}`);
for (const r of [spiralRes, xorRes]) {
  console.log(`${r.case.name}, SGD; median steps per CPU-second (and per wall-second) of ${ROUNDS} interleaved rounds:`);
  r.libs.forEach((name, i) => console.log(`  ${name.padEnd(10)} ${fx(r.med[i]).padStart(9)}   (wall ${fx(r.medWall[i])}; CPU min ${fx(Math.min(...r.rates[i].map((x) => x.cpu)))}, max ${fx(Math.max(...r.rates[i].map((x) => x.cpu)))})`));
}
const sCpu = spiralRes.med[0] / spiralRes.med[1], sWasm = spiralRes.med[0] / spiralRes.med[2];
const wall = (r: typeof spiralRes, i: number) => fx(r.medWall[0] / r.medWall[i], 2);
const xCpu = xorRes.med[0] / xorRes.med[1], xWasm = xorRes.med[0] / xorRes.med[2];
const flops = spiralRes.case.sizes.slice(0, -1).reduce((s, k, i) => s + 3 * 2 * 1024 * k * spiralRes.case.sizes[i + 1], 0);
console.log(`GOAL spiral vs tfjs-wasm SIMD : ${fx(sWasm, 2)}×  target ≥ ${TARGETS.spiralWasm}×  ${verdict(sWasm >= TARGETS.spiralWasm)}  (wall-time ratio ${wall(spiralRes, 2)}×)`);
console.log(`GOAL spiral vs tfjs-cpu       : ${fx(sCpu, 2)}×  target ≥ ${TARGETS.spiralCpu}×  ${verdict(sCpu >= TARGETS.spiralCpu)}  (wall-time ratio ${wall(spiralRes, 1)}×)`);
console.log(`GOAL XOR vs tfjs-wasm / -cpu  : ${fx(xWasm, 1)}× / ${fx(xCpu, 1)}×  target ≥ ${TARGETS.xor}× both  ${verdict(Math.min(xWasm, xCpu) >= TARGETS.xor)}  (wall-time ${wall(xorRes, 2)}× / ${wall(xorRes, 1)}×)`);
console.log(`GOAL allocations per step     : spiral ${spiralRes.perStep.count} typed arrays (${(spiralRes.perStep.bytes / 1024).toFixed(1)} KB), XOR ${xorRes.perStep.count}  target 0  ${verdict(spiralRes.perStep.count === 0 && xorRes.perStep.count === 0)}`);
console.log(`  ours on the spiral: ${fx((spiralRes.medWall[0] * flops) / 1e9, 2)} GFLOP/s in the matrix products (wall time; ${(flops / 1e6).toFixed(2)} MFLOP per step)`);
console.log(`gradient check: ${fx(checkMs / 1000, 2)} s (checkModel, all parameters, 16 rows; ${report.evaluations} loss evaluations, ${(checkMs / report.evaluations).toFixed(3)} ms each; ${report.ok ? "passes" : "FAILS"})`);
