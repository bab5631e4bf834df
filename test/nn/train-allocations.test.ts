import { describe, expect, it } from "vitest";
import { countTypedArrays } from "./typed-array-allocations.ts";
import { Adam, createRng, Matrix, mlp, SGD, spiral, train, type LossName } from "../../src/nn/index.ts";

const data = spiral({ classes: 3, pointsPerClass: 40, noise: 0.2, rng: createRng(1) });

/**
 * Typed arrays allocated by `steps` more steps of a train() call than by a
 * one-epoch call (same model, warmed up): a train() call sets up its buffers
 * in its first epoch, so the difference is what steady-state steps allocate.
 */
async function perExtraSteps(loss: LossName, opts: { hidden: string; outputs: number; batchSize?: number; steps: number; adam?: boolean }): Promise<number> {
  const model = mlp([2, 16, 16, opts.outputs], { hidden: opts.hidden, rng: createRng(2) });
  const y = opts.outputs === 1 ? Array.from(data.y, (c) => (c === 0 ? 1 : 0)) : data.y;
  const optimizer = opts.adam ? new Adam({ lr: 0.01 }) : new SGD({ lr: 0.1 });
  const run = (steps: number) => train(model, { x: data.x, y, loss, optimizer, steps, batchSize: opts.batchSize, rng: createRng(3) });
  await run(3 * opts.steps); // warm-up: layer buffers and optimiser state exist from now on
  const epoch = opts.batchSize ? Math.ceil(data.x.rows / opts.batchSize) : 1;
  const one = await countTypedArrays(() => run(epoch));
  const many = await countTypedArrays(() => run(epoch + opts.steps));
  return many.count - one.count;
}

describe("a training step allocates no typed arrays in steady state", () => {
  it("full batch, tanh, softmax cross-entropy, SGD", async () => {
    expect(await perExtraSteps("softmaxCrossEntropy", { hidden: "tanh", outputs: 3, steps: 10 })).toBe(0);
  });
  it("full batch, relu, mse on one-hot targets, Adam", async () => {
    expect(await perExtraSteps("mse", { hidden: "relu", outputs: 3, steps: 10, adam: true })).toBe(0);
  });
  it("full batch, sigmoid, binary cross-entropy on one output", async () => {
    expect(await perExtraSteps("bce", { hidden: "sigmoid", outputs: 1, steps: 10 })).toBe(0);
  });
  it("mini-batches with a shorter last batch: only the per-epoch shuffle allocates", async () => {
    // 120 rows in batches of 50: 3 steps per epoch (50, 50, 20); 12 more steps = 4 more epochs = 4 more permutations.
    expect(await perExtraSteps("softmaxCrossEntropy", { hidden: "tanh", outputs: 3, batchSize: 50, steps: 12 })).toBe(4);
  });
});

describe("what forward returns stays the caller's", () => {
  it("training and later passes do not write into an earlier forward's result", async () => {
    const model = mlp([2, 8, 3], { hidden: "tanh", rng: createRng(4) });
    const first = model.forward(data.x);
    const copy = first.clone();
    const grad = model.backward(Matrix.zeros(first.rows, first.cols));
    const gradCopy = grad.clone();
    await train(model, { x: data.x, y: data.y, loss: "softmaxCrossEntropy", optimizer: new SGD({ lr: 0.5 }), steps: 5 });
    model.forward(data.x);
    expect(first.data).toEqual(copy.data);
    expect(grad.data).toEqual(gradCopy.data);
    // ...while the model did change, so the check above could fail.
    expect(model.forward(data.x).data).not.toEqual(copy.data);
  });

  it("the reusing passes compute what forward and backward compute", () => {
    const model = mlp([2, 8, 8, 3], { hidden: "tanh", rng: createRng(5) });
    const dOut = Matrix.from(Array.from({ length: data.x.rows }, (_, i) => [i % 3, -1, 0.5]));
    const z = model.forward(data.x).clone();
    const dx = model.backward(dOut).clone();
    const grads = model.parameters().map((p) => p.grad.clone());
    model.zeroGrad();
    const zr = model.forwardReusing(data.x);
    const dxr = model.backwardReusing(dOut, true)!;
    expect(zr.data).toEqual(z.data);
    expect(dxr.data).toEqual(dx.data);
    model.parameters().forEach((p, i) => expect(p.grad.data).toEqual(grads[i].data));
    // The first layer's dX is skipped on request; parameter gradients still accumulate.
    model.zeroGrad();
    model.forwardReusing(data.x);
    expect(model.backwardReusing(dOut, false)).toBeNull();
    model.parameters().forEach((p, i) => expect(p.grad.data).toEqual(grads[i].data));
  });
});
