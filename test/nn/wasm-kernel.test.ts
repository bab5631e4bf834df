import { afterEach, describe, expect, it } from "vitest";
import { Matrix, matmul, matmulTransA, matmulTransB, createRng, mlp, SGD, train, spiral } from "../../src/nn/index.ts";
import { useWasmKernel, wasmKernelActive } from "../../src/nn/wasm-kernel.ts";
import { randomMatrix } from "../../src/nn/random-matrix.ts";
import { affine } from "../../src/nn/ops.ts";

afterEach(() => useWasmKernel(true));

const rng = createRng(7);
function random(rows: number, cols: number): Matrix {
  return randomMatrix(rows, cols, rng, { std: 3 });
}

/** The same call with the TypeScript kernel and with the WebAssembly kernel. */
function both(f: () => Matrix): [Matrix, Matrix] {
  useWasmKernel(false);
  const ts = f();
  useWasmKernel(true);
  return [ts, f()];
}

/** Index of the first element where two arrays differ (Object.is: −0 and NaN count), or −1. */
function firstDifference(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length) return 0;
  for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return i;
  return -1;
}

// Sizes around the kernel's edges: rows and k not multiples of 4, odd column counts, 1-wide shapes,
// and shapes big enough to pass the size threshold below which products stay in TypeScript.
const SHAPES: [number, number, number][] = [
  [1024, 64, 64], [1024, 2, 64], [1024, 64, 3], [64, 1024, 3], [67, 65, 63], [33, 13, 9], [9, 13, 65],
  [4, 4, 256], [5, 1, 1024], [129, 3, 17], [1, 4096, 2], [2, 2, 2048], [7, 7, 7],
];

describe("the WebAssembly SIMD kernel", () => {
  it("loads in Node (WebAssembly with SIMD is available here)", () => {
    expect(wasmKernelActive()).toBe(true);
  });

  for (const [m, k, n] of SHAPES) {
    it(`gives bit-for-bit the TypeScript kernel's results for ${m}x${k} · ${k}x${n}, plain and transposed`, () => {
      const a = random(m, k), b = random(k, n), at = random(k, m), bt = random(n, k);
      for (const f of [() => matmul(a, b), () => matmulTransA(at, b), () => matmulTransB(a, bt)]) {
        const [ts, wasm] = both(f);
        expect(wasm.shape).toBe(ts.shape);
        expect(firstDifference(wasm.data, ts.data)).toBe(-1);
      }
      // Accumulating into a non-zero destination, as the backward pass does with dW.
      const start = random(m, n);
      const [ts, wasm] = both(() => matmul(a, b, start.clone(), true));
      expect(firstDifference(wasm.data, ts.data)).toBe(-1);
      // Overwriting a destination that holds other values: C is zeroed where the kernel runs, not copied in.
      const overwrites: [() => Matrix, () => Matrix][] = [
        [() => matmul(a, b, start.clone()), () => matmul(a, b)],
        [() => matmulTransB(a, bt, start.clone()), () => matmulTransB(a, bt)],
      ];
      for (const [over, fresh] of overwrites) {
        const [tsOver, wasmOver] = both(over);
        expect(firstDifference(wasmOver.data, tsOver.data)).toBe(-1);
        expect(firstDifference(wasmOver.data, fresh().data)).toBe(-1);
      }
      // A dense layer's forward: every row starts at the bias, then the product accumulates on top.
      const bias = random(1, n);
      const [tsAff, wasmAff] = both(() => affine(a, b, bias, start.clone()));
      expect(firstDifference(wasmAff.data, tsAff.data)).toBe(-1);
      const [i0, j0] = [Math.floor(m / 2), Math.floor(n / 2)];
      let biased = bias.get(0, j0);
      for (let q = 0; q < k; q++) biased += a.get(i0, q) * b.get(q, j0);
      expect(wasmAff.get(i0, j0)).toBeCloseTo(biased, 9);
      // ...and the result is the product, not just the same mistake twice.
      const i = m - 1, j = n - 1;
      let dot = start.get(i, j);
      for (let q = 0; q < k; q++) dot += a.get(i, q) * b.get(q, j);
      expect(wasm.get(i, j)).toBeCloseTo(dot, 9);
    });
  }

  it("trains a spiral MLP to the same weights as the TypeScript kernel", async () => {
    const data = spiral({ classes: 3, pointsPerClass: 100, noise: 0.2, rng: createRng(1) });
    const run = async (wasm: boolean) => {
      useWasmKernel(wasm);
      const model = mlp([2, 32, 32, 3], { hidden: "tanh", rng: createRng(2) });
      await train(model, { x: data.x, y: data.y, loss: "softmaxCrossEntropy", optimizer: new SGD({ lr: 0.1 }), steps: 20 });
      return model.parameters().flatMap((p) => Array.from(p.value.data));
    };
    expect(firstDifference(await run(true), await run(false))).toBe(-1);
  });
});
