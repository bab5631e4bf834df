import { afterEach, describe, expect, it } from "vitest";
import { Matrix } from "../../src/nn/matrix.ts";
import { createRng } from "../../src/nn/rng.ts";
import { setYieldHook } from "../../src/nn/cooperate.ts";
import { mlp } from "../../src/nn/sequential.ts";
import { Dense } from "../../src/nn/dense.ts";
import { mse as mseLoss } from "../../src/nn/losses.ts";
import { Adam } from "../../src/nn/adam.ts";
import { SGD } from "../../src/nn/sgd.ts";
import { Momentum } from "../../src/nn/momentum.ts";
import { stepDecay } from "../../src/nn/schedules.ts";
import { circles, regression1d, spiral, trainTestSplit, xor } from "../../src/nn/datasets.ts";
import { accuracy } from "../../src/nn/metrics.ts";
import { train, type Progress } from "../../src/nn/train.ts";

afterEach(() => {
  setYieldHook(null);
});

describe("train(model, { x, y, loss, optimizer, epochs })", () => {
  it("learns XOR to 100% with a 2-4-1 tanh network (bce, full batch, SGD)", async () => {
    const { x, y } = xor();
    const model = mlp([2, 4, 1], { hidden: "tanh", rng: createRng(1) });
    const r = await train(model, { x, y, loss: "bce", optimizer: new SGD({ lr: 0.5 }), epochs: 2000 });
    expect(r.steps).toBe(2000);
    expect(r.loss).toBeLessThan(0.01);
    expect(accuracy(model.predict(x), y, { threshold: 0 })).toBe(1);
    expect(r.history[0].loss).toBeGreaterThan(0.5);
  });

  it("reaches ≥ 97% training accuracy on a 3-class spiral with an MLP and Adam (mini-batches)", async () => {
    const data = spiral({ classes: 3, pointsPerClass: 100, rng: createRng(1) });
    const model = mlp([2, 32, 32, 3], { hidden: "tanh", rng: createRng(101) });
    const t0 = performance.now();
    const r = await train(model, {
      x: data.x, y: data.y, loss: "softmaxCrossEntropy", optimizer: new Adam({ lr: 0.01 }),
      epochs: 300, batchSize: 32, rng: createRng(201), evalEvery: 1000,
    });
    const seconds = (performance.now() - t0) / 1000;
    expect(r.steps).toBe(300 * 10);
    expect(r.epochs).toBe(300);
    expect(accuracy(model.predict(data.x), data.y)).toBeGreaterThanOrEqual(0.97);
    expect(r.evalAccuracy).toBeGreaterThanOrEqual(0.97);
    expect(seconds).toBeLessThan(10);
  });

  it("is repeatable: the same seeds give the same history", async () => {
    const run = async () => {
      const data = circles({ n: 60, rng: createRng(3) });
      const model = mlp([2, 8, 2], { hidden: "tanh", rng: createRng(4) });
      const r = await train(model, { x: data.x, y: data.y, loss: "softmaxCrossEntropy", optimizer: "adam", lr: 0.02, epochs: 5, batchSize: 16, rng: createRng(5) });
      return r.history.map((h) => h.loss);
    };
    expect(await run()).toEqual(await run());
  });

  it("fits a regression with mse (targets a matrix, no accuracy)", async () => {
    const data = regression1d({ n: 64, noise: 0, rng: createRng(6) });
    const model = mlp([1, 16, 1], { hidden: "tanh", rng: createRng(7) });
    const r = await train(model, { x: data.x, y: data.y, loss: "mse", optimizer: new Adam({ lr: 0.02 }), steps: 600 });
    expect(r.loss).toBeLessThan(0.01);
    expect(r.accuracy).toBeUndefined();
    expect(r.history[0].accuracy).toBeUndefined();
  });

  it("accepts labels with mse (one-hot for several outputs) and a custom loss function", async () => {
    const { x, y } = xor();
    const model = mlp([2, 8, 2], { hidden: "tanh", rng: createRng(8) });
    const r = await train(model, { x, y, loss: "mse", optimizer: new Adam({ lr: 0.05 }), steps: 300 });
    expect(r.accuracy).toBe(1);
    const seen: unknown[] = [];
    const custom = (p: Matrix, t: Matrix) => { seen.push(t); return mseLoss(p, t); };
    const reg = regression1d({ n: 8, rng: createRng(9) });
    await train(mlp([1, 4, 1], { rng: createRng(10) }), { x: reg.x, y: reg.y, loss: custom, optimizer: new SGD({ lr: 0.1 }), steps: 2 });
    expect(seen.length).toBe(2);
    expect(seen[0]).toBe(reg.y);
  });

  it("records step, epoch, loss, accuracy, lr and elapsed time for every update", async () => {
    const data = circles({ n: 20, rng: createRng(11) });
    const model = mlp([2, 4, 2], { hidden: "tanh", rng: createRng(12) });
    const r = await train(model, { x: data.x, y: data.y, loss: "softmaxCrossEntropy", optimizer: new SGD({ lr: 0.1 }), epochs: 3, batchSize: 8, rng: createRng(13) });
    expect(r.history.map((h) => [h.step, h.epoch])).toEqual([[1, 1], [2, 1], [3, 1], [4, 2], [5, 2], [6, 2], [7, 3], [8, 3], [9, 3]]);
    for (const h of r.history) {
      expect(h.lr).toBe(0.1);
      expect(h.accuracy).toBeGreaterThanOrEqual(0);
      expect(h.accuracy).toBeLessThanOrEqual(1);
      expect(h.elapsedMs).toBeGreaterThanOrEqual(0);
    }
    expect(r.stopped).toBe("done");
  });
});

describe("train(model, { onStep, onEpoch, schedule, evalEvery, validation })", () => {
  it("calls onStep after every update and onEpoch after every epoch with the progress", async () => {
    const data = circles({ n: 30, rng: createRng(14) });
    const steps: Progress[] = [], epochs: Progress[] = [];
    await train(mlp([2, 4, 2], { rng: createRng(15) }), {
      x: data.x, y: data.y, loss: "softmaxCrossEntropy", optimizer: new SGD({ lr: 0.1 }), epochs: 2, batchSize: 10, rng: createRng(16),
      onStep: (p) => { steps.push(p); }, onEpoch: async (p) => { epochs.push(p); },
    });
    expect(steps.map((p) => p.step)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(steps[2].fraction).toBe(0.5);
    expect(steps[0].totalSteps).toBe(6);
    expect(epochs.map((p) => [p.epoch, p.step])).toEqual([[1, 3], [2, 6]]);
    const mean = (steps[0].loss + steps[1].loss + steps[2].loss) / 3;
    expect(epochs[0].loss).toBeCloseTo(mean, 12);
  });

  it("stops when a callback returns false", async () => {
    const { x, y } = xor();
    const r = await train(mlp([2, 4, 1], { rng: createRng(17) }), {
      x, y, loss: "bce", optimizer: new SGD({ lr: 0.1 }), steps: 100, onStep: (p) => p.step < 7,
    });
    expect(r.steps).toBe(7);
    expect(r.stopped).toBe("callback");
  });

  it("sets the optimiser's lr from the schedule before each update", async () => {
    const { x, y } = xor();
    const opt = new Momentum({ lr: 1 });
    const r = await train(mlp([2, 4, 1], { rng: createRng(18) }), { x, y, loss: "bce", optimizer: opt, steps: 5, schedule: stepDecay(0.4, 2, 0.5) });
    expect(r.history.map((h) => h.lr)).toEqual([0.4, 0.4, 0.2, 0.2, 0.1]);
    expect(opt.lr).toBe(0.1);
  });

  it("evaluates on the validation data every evalEvery steps and after the last", async () => {
    const data = spiral({ pointsPerClass: 30, rng: createRng(19) });
    const { train: tr, test } = trainTestSplit(data, 0.2, createRng(20));
    const model = mlp([2, 16, 3], { hidden: "tanh", rng: createRng(21) });
    const r = await train(model, { x: tr.x, y: tr.y, loss: "softmaxCrossEntropy", optimizer: new Adam({ lr: 0.01 }), steps: 10, evalEvery: 4, validation: test });
    expect(r.history.filter((h) => h.evalLoss !== undefined).map((h) => h.step)).toEqual([4, 8, 10]);
    expect(r.evalAccuracy).toBe(accuracy(model.predict(test.x), test.y));
  });

  it("evaluates once per epoch by default when validation data are given", async () => {
    const data = spiral({ pointsPerClass: 30, rng: createRng(28) });
    const { train: tr, test } = trainTestSplit(data, 0.2, createRng(29));
    const epochs: Progress[] = [];
    const r = await train(mlp([2, 8, 3], { rng: createRng(30) }), {
      x: tr.x, y: tr.y, loss: "softmaxCrossEntropy", optimizer: new Adam({ lr: 0.01 }), epochs: 3, batchSize: 24, rng: createRng(31),
      validation: test, onEpoch: (p) => { epochs.push(p); },
    });
    expect(r.history.filter((h) => h.evalLoss !== undefined).map((h) => h.step)).toEqual([3, 6, 9]);
    expect(epochs.map((p) => p.evalAccuracy !== undefined)).toEqual([true, true, true]);
  });
});

describe("train() failures", () => {
  it("stops with a clear error when the loss becomes NaN or Infinity", async () => {
    const data = regression1d({ n: 32, f: (v) => 100 * v, rng: createRng(22) });
    const model = mlp([1, 8, 1], { hidden: "relu", rng: createRng(23) });
    await expect(train(model, { x: data.x, y: data.y, loss: "mse", optimizer: new SGD({ lr: 5 }), steps: 1000 }))
      .rejects.toThrow(/^train: loss became (NaN|Infinity) at step \d+ \(epoch \d+\); try a smaller learning rate \(now 5\)$/);
  });

  it("lets the host interrupt through cooperate(): the error propagates unchanged and the model keeps its progress", async () => {
    const { x, y } = xor();
    const model = mlp([2, 4, 1], { hidden: "tanh", rng: createRng(24) });
    const before = Array.from(model.parameters()[0].value.data);
    let steps = 0;
    const stop = new Error("interrupted by reader");
    setYieldHook(() => { if (steps >= 3) throw stop; }, 0);
    const run = train(model, { x, y, loss: "bce", optimizer: new SGD({ lr: 0.1 }), steps: 1000, onStep: () => { steps++; } });
    await expect(run).rejects.toBe(stop);
    expect(steps).toBeGreaterThanOrEqual(3);
    expect(steps).toBeLessThan(1000);
    expect(Array.from(model.parameters()[0].value.data)).not.toEqual(before);
  });

  it("rejects bad options, naming the value", async () => {
    const { x, y } = xor();
    const model = () => mlp([2, 4, 1], { rng: createRng(25) });
    const base = { x, y, loss: "bce" as const, optimizer: new SGD() };
    await expect(train(model(), { ...base })).rejects.toThrow("train: give epochs or steps");
    await expect(train(model(), { ...base, epochs: 1, steps: 1 })).rejects.toThrow("train: give epochs or steps, not both");
    await expect(train(model(), { ...base, epochs: 0 })).rejects.toThrow("train: epochs must be a positive integer, got 0");
    await expect(train(model(), { ...base, steps: 1, batchSize: 0 })).rejects.toThrow("train: batchSize must be a positive integer, got 0");
    await expect(train(model(), { ...base, steps: 1, batchSize: 2 })).rejects.toThrow("train: rng is required to shuffle mini-batches (batchSize 2 < 4 rows)");
    await expect(train(model(), { ...base, steps: 1, loss: "hinge" as never })).rejects.toThrow(/unknown loss: hinge/);
    await expect(train(model(), { ...base, steps: 1, optimizer: "adagrad" })).rejects.toThrow(/unknown optimizer: adagrad/);
    await expect(train(model(), { ...base, steps: 1, y: Int32Array.from([0, 1, 1]) })).rejects.toThrow("train: x has 4 rows but y has 3");
    await expect(train(model(), { ...base, steps: 1, x: Matrix.from([[0, 0], [0, NaN], [1, 0], [1, 1]]) })).rejects.toThrow("train: x has NaN at (1, 1)");
    await expect(train(model(), { ...base, steps: 1, schedule: () => -1 })).rejects.toThrow("train: schedule: lr must be > 0, got -1");
    await expect(train({} as never, { ...base, steps: 1 })).rejects.toThrow("train: model needs forward(x), backward(dOut) and parameters()");
  });

  it("passes shape errors from the model through (wrong number of features)", async () => {
    const { x, y } = xor();
    const model = mlp([3, 4, 1], { rng: createRng(26) });
    await expect(train(model, { x, y, loss: "bce", optimizer: new SGD(), steps: 1 })).rejects.toThrow(/input has 2 features, expected 3/);
  });

  it("works with any object that has forward, backward and parameters (a bare Dense layer)", async () => {
    const x = Matrix.from([[0], [1], [2], [3]]), y = Matrix.from([[1], [3], [5], [7]]);
    const layer = new Dense(1, 1, { rng: createRng(27) });
    const r = await train(layer, { x, y, loss: "mse", optimizer: new SGD({ lr: 0.05 }), steps: 2000 });
    expect(r.loss).toBeLessThan(1e-8);
    expect(layer.W.value.data[0]).toBeCloseTo(2, 4);
    expect(layer.b.value.data[0]).toBeCloseTo(1, 4);
  });
});
