/**
 * A model as a stack of layers, and `mlp(...)` to build the usual one.
 *
 * Forward runs the layers in order; backward runs them in reverse, each
 * turning dLoss/dOutput into dLoss/dInput and adding its parameter gradients
 * (the CS231n contract in layer.ts). The whole training interface is
 * `parameters()` and `zeroGrad()`, as in micrograd.
 *
 * Course cells display models, so a `Sequential` prints itself as a summary
 * table: every layer with its name, description, output width and parameter
 * count, and the total.
 */
import type { Layer } from "./layer.ts";
import type { Matrix } from "./matrix.ts";
import { zeroGrads, type Param } from "./param.ts";
import type { Rng } from "./rng.ts";
import { xavierUniform, type Initializer } from "./init.ts";
import { scale } from "./ops.ts";
import { Dense } from "./dense.ts";
import { checkCount } from "./guards.ts";
import { Activation, Softmax } from "./activation-layer.ts";
import { PReLU } from "./prelu.ts";

/**
 * Optional extras a layer may offer; `Sequential` uses them when present.
 * The library's layers have all of them; a learner's own layer needs none.
 */
interface LayerExtras {
  name?: string;
  /** False when the name is a default that `Sequential` may number (dense → dense1). */
  named?: boolean;
  setName?(name: string): void;
  inFeatures?: number;
  outputFeatures?(inFeatures: number): number;
  predict?(x: Matrix): Matrix;
}

/** One row of `Sequential.summaryRows()`: plain data for a table. */
export interface LayerSummary {
  /** Position in the stack, from 0. */
  index: number;
  /** The layer's name (`dense1`, `tanh1`, ...) or its kind when it has none. */
  name: string;
  /** `layer.describe()`, e.g. `"Dense(2 → 4, he)"`. */
  description: string;
  /** Width of the layer's output, or `null` when it cannot be inferred. */
  outputFeatures: number | null;
  /** Number of trainable numbers in the layer (counted once if shared with an earlier layer). */
  parameters: number;
}

/** Options for `new Sequential(layers, options)`. */
export interface SequentialOptions {
  /** Model name, shown in the summary. Default `"Sequential"`. */
  name?: string;
}

/**
 * A stack of layers applied in order.
 *
 * Layers with default names are numbered per name when the model is built
 * (two `Dense` layers become `dense1` and `dense2`, so their parameters are
 * `dense1.W`, `dense1.b`, `dense2.W`, ...); names given explicitly are kept.
 * Parameter names must end up unique.
 *
 * @example
 * const model = new Sequential([new Dense(2, 8, { rng }), new Activation("tanh"), new Dense(8, 3, { rng })]);
 * console.log(model.summary());
 */
export class Sequential implements Layer {
  /** `"Sequential"`. */
  readonly kind = "Sequential";
  /** The layers, in forward order. */
  readonly layers: readonly Layer[];
  /** Model name for the summary. */
  name: string;
  /** Input width when the first shaped layer declares it (e.g. a `Dense`), else `null`. */
  readonly inFeatures: number | null;
  private readonly widths: (number | null)[];

  /**
   * @throws if `layers` is empty or holds something that is not a layer, if
   * consecutive layers' widths do not fit (`sequential: layer 2 (dense2) ...`),
   * or if two parameters end up with the same name.
   */
  constructor(layers: readonly Layer[], options: SequentialOptions = {}) {
    if (!Array.isArray(layers) || layers.length === 0) {
      throw new Error("sequential: needs a non-empty array of layers");
    }
    layers.forEach((layer, i) => {
      const l = layer as Partial<Layer> | null;
      if (!l || typeof l.forward !== "function" || typeof l.backward !== "function" || typeof l.parameters !== "function") {
        throw new Error(`sequential: layer ${i} is not a layer (needs forward, backward, parameters), got ${String(layer)}`);
      }
    });
    this.layers = [...layers];
    this.name = options.name ?? "Sequential";
    numberDefaultNames(this.layers);
    checkUniqueNames(this.layers);

    // Infer every layer's output width now, so a mismatch in a stack fails at
    // construction with the layer named, not at the first forward pass.
    this.widths = [];
    let width: number | null = null;
    let input: number | null = null;
    this.layers.forEach((layer, i) => {
      const x = layer as Layer & LayerExtras;
      if (width === null && typeof x.inFeatures === "number") width = input = x.inFeatures;
      if (width !== null && typeof x.outputFeatures === "function") {
        try {
          width = x.outputFeatures(width);
        } catch (err) {
          throw new Error(`sequential: layer ${i} (${layerName(layer)}) does not fit: ${(err as Error).message}`);
        }
      } else if (typeof x.outputFeatures !== "function") {
        width = null; // an unknown layer: cannot say what comes out
      }
      this.widths.push(width);
    });
    this.inFeatures = input;
  }

  /** e.g. `"Sequential(Dense(2 → 4, he) → Activation(relu) → Dense(4 → 3, xavier))"`. */
  describe(): string {
    return `${this.name}(${this.layers.map((l) => l.describe()).join(" → ")})`;
  }

  /**
   * Runs the layers in order on a batch (one example per row), caching what
   * backward needs. An error from a layer gets the layer's position added.
   */
  forward(x: Matrix): Matrix {
    let out = x;
    for (let i = 0; i < this.layers.length; i++) {
      try {
        out = this.layers[i].forward(out);
      } catch (err) {
        throw located(err, i, this.layers[i], "forward");
      }
    }
    return out;
  }

  /**
   * `forward` through each layer's buffer-reusing variant where it has one
   * (see scratch.ts): what it returns is overwritten by the next call. The
   * training loop uses it; `forward` is the one to call for a result to keep.
   */
  forwardReusing(x: Matrix): Matrix {
    let out = x;
    for (let i = 0; i < this.layers.length; i++) {
      const layer = this.layers[i];
      try {
        out = typeof layer.forwardReusing === "function" ? layer.forwardReusing(out) : layer.forward(out);
      } catch (err) {
        throw located(err, i, layer, "forward");
      }
    }
    return out;
  }

  /**
   * `backward` through each layer's buffer-reusing variant where it has one.
   * With `needInputGrad` false the first layer may skip dLoss/dInput (null).
   */
  backwardReusing(dOut: Matrix, needInputGrad: boolean): Matrix | null {
    let d: Matrix | null = dOut;
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const layer = this.layers[i];
      const need = i > 0 || needInputGrad;
      try {
        d = typeof layer.backwardReusing === "function" ? layer.backwardReusing(d as Matrix, need) : layer.backward(d as Matrix);
      } catch (err) {
        throw located(err, i, layer, "backward");
      }
      if (d === null && i > 0) throw new Error(`sequential: layer ${i} returned no input gradient`);
    }
    return d;
  }

  /**
   * Runs backward through the layers in reverse: dLoss/dOutput in,
   * dLoss/dInput out; parameter gradients are added into each `Param.grad`.
   */
  backward(dOut: Matrix): Matrix {
    let d = dOut;
    for (let i = this.layers.length - 1; i >= 0; i--) {
      try {
        d = this.layers[i].backward(d);
      } catch (err) {
        throw located(err, i, this.layers[i], "backward");
      }
    }
    return d;
  }

  /**
   * The output for a batch without caching anything for backward, so it can
   * be called (e.g. to evaluate) between a forward and its backward. Layers
   * without a `predict` method fall back to `forward`.
   */
  predict(x: Matrix): Matrix {
    let out = x;
    for (let i = 0; i < this.layers.length; i++) {
      const layer = this.layers[i] as Layer & LayerExtras;
      try {
        out = typeof layer.predict === "function" ? layer.predict(out) : layer.forward(out);
      } catch (err) {
        throw located(err, i, layer, "predict");
      }
    }
    return out;
  }

  /** All trainable parameters, in layer order, each once (a layer used twice shares its parameters). */
  parameters(): Param[] {
    const seen = new Set<Param>();
    for (const layer of this.layers) for (const p of layer.parameters()) seen.add(p);
    return [...seen];
  }

  /** Sets every parameter gradient to zero (gradients accumulate across backward calls). */
  zeroGrad(): void {
    zeroGrads(this.parameters());
  }

  /** Total number of trainable numbers. */
  get parameterCount(): number {
    let n = 0;
    for (const p of this.parameters()) n += p.value.size;
    return n;
  }

  /** One row per layer, as plain data (what `summary()` prints). */
  summaryRows(): LayerSummary[] {
    const seen = new Set<Param>();
    return this.layers.map((layer, index) => {
      let count = 0;
      for (const p of layer.parameters()) {
        if (!seen.has(p)) count += p.value.size;
        seen.add(p);
      }
      return { index, name: layerName(layer), description: layer.describe(), outputFeatures: this.widths[index], parameters: count };
    });
  }

  /**
   * A table of the layers with their output widths and parameter counts, and
   * the total, e.g.
   * ```
   * Sequential: 3 layers, 15 parameters, input 2
   *   #  name    layer             output  params
   *   0  dense1  Dense(2 → 3, he)       3       9
   *   ...
   *                                    total      15
   * ```
   */
  summary(): string {
    const rows = this.summaryRows();
    const table = [
      ["#", "name", "layer", "output", "params"],
      ...rows.map((r) => [String(r.index), r.name, r.description, r.outputFeatures === null ? "?" : String(r.outputFeatures), group(r.parameters)]),
    ];
    const total = this.parameterCount;
    const widths = table[0].map((_, c) => Math.max(...table.map((row) => [...row[c]].length)));
    const pad = (s: string, w: number, right: boolean) => (right ? s.padStart(w) : s.padEnd(w));
    const line = (row: string[]) => "  " + row.map((s, c) => pad(s, widths[c], c === 0 || c >= 3)).join("  ");
    const head =
      `${this.name}: ${rows.length} layer${rows.length === 1 ? "" : "s"}, ${group(total)} parameter${total === 1 ? "" : "s"}` +
      (this.inFeatures === null ? "" : `, input ${this.inFeatures}`);
    const width = line(table[0]).length;
    const totalLine = `total ${group(total)}`.padStart(width);
    return [head, ...table.map(line), totalLine].join("\n");
  }

  /** The summary (so `String(model)` and template strings show the table). */
  toString(): string {
    return this.summary();
  }

  /** Node's `console.log` shows the summary too. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.summary();
  }
}

/** Options for `mlp(sizes, options)`. */
export interface MlpOptions {
  /** Random source for the weights (required). */
  rng: Rng;
  /** Hidden activation: a name from activations.ts or `"prelu"` (a learnable PReLU layer). Default `"relu"`. */
  hidden?: string;
  /** Output activation: `"identity"` (no layer: raw scores/logits, default), `"softmax"`, or an activation name. */
  output?: string;
  /**
   * Weight initializer of the hidden Dense layers. Default `"he"` for
   * relu-like hidden units (its factor 2 makes up for the half of the units
   * ReLU zeroes), `"xavier"` otherwise.
   */
  init?: string | Initializer;
  /**
   * Initializer of the last Dense layer. Default `init` when given, else
   * `smallXavier` (Glorot × 0.1), so an untrained classifier's softmax
   * cross-entropy starts near ln C.
   */
  outputInit?: string | Initializer;
  /** Model name for the summary. Default `"MLP"`. */
  name?: string;
}

/**
 * Glorot-uniform weights times 0.1: `mlp`'s default for the output layer.
 * Small initial logits make an untrained classifier's predictions nearly
 * uniform, so its softmax cross-entropy starts at ln C (the "check the loss
 * at init" step of Karpathy's recipe); with plain He or Xavier weights after
 * ReLU layers it starts 0.2–1.7 higher, a model confidently wrong at random.
 * Training is not slowed: the output weights get full-size gradients at once.
 */
export const smallXavier: Initializer = Object.defineProperty(
  (fanIn: number, fanOut: number, rng: Rng) => scale(xavierUniform(fanIn, fanOut, rng), 0.1),
  "name",
  { value: "xavier×0.1" },
);

const RELU_LIKE = new Set(["relu", "leakyRelu", "elu", "prelu"]);

/**
 * A multi-layer perceptron: Dense layers of the given widths with the hidden
 * activation between them. `mlp([2, 16, 16, 3], { rng })` is
 * Dense(2 → 16), relu, Dense(16 → 16), relu, Dense(16 → 3) — logits, ready for
 * `softmaxCrossEntropy`, which applies softmax itself.
 * @throws for fewer than two sizes, a size that is not a positive integer,
 * a missing rng, or an unknown activation.
 */
export function mlp(sizes: readonly number[], options: MlpOptions): Sequential {
  if (!Array.isArray(sizes) || sizes.length < 2) {
    throw new Error(`mlp: sizes must list at least 2 widths (inputs and outputs), got ${JSON.stringify(sizes)}`);
  }
  sizes.forEach((n, i) => checkCount("mlp", `size ${i}`, n));
  if (!options || !options.rng) throw new Error("mlp: needs an rng, e.g. mlp([2, 8, 1], { rng: createRng(42) })");
  const hidden = options.hidden ?? "relu";
  const output = options.output ?? "identity";
  const init = options.init ?? (RELU_LIKE.has(hidden) ? "he" : "xavier");
  const outputInit = options.outputInit ?? options.init ?? smallXavier;
  const { rng } = options;
  const layers: Layer[] = [];
  for (let i = 0; i + 1 < sizes.length; i++) {
    const last = i + 2 === sizes.length;
    layers.push(new Dense(sizes[i], sizes[i + 1], { rng, init: last ? outputInit : init }));
    if (!last) layers.push(hidden === "prelu" ? new PReLU(sizes[i + 1]) : new Activation(hidden));
  }
  if (output === "softmax") layers.push(new Softmax());
  else if (output !== "identity") layers.push(new Activation(output));
  return new Sequential(layers, { name: options.name ?? "MLP" });
}

function layerName(layer: Layer): string {
  const name = (layer as Layer & LayerExtras).name;
  return typeof name === "string" && name !== "" ? name : layer.kind;
}

/** dense, dense → dense1, dense2 (each layer once, even if it appears twice in the stack). */
function numberDefaultNames(layers: readonly Layer[]): void {
  const counts = new Map<string, number>();
  const done = new Set<Layer>();
  for (const layer of layers) {
    const x = layer as Layer & LayerExtras;
    if (done.has(layer) || x.named !== false || typeof x.setName !== "function" || typeof x.name !== "string") continue;
    done.add(layer);
    // Strip an earlier number so a layer moved into a second model is renumbered, not "dense11".
    const base = x.name.replace(/\d+$/, "") || layer.kind.toLowerCase();
    const n = (counts.get(base) ?? 0) + 1;
    counts.set(base, n);
    x.setName(`${base}${n}`);
  }
}

function checkUniqueNames(layers: readonly Layer[]): void {
  const owner = new Map<string, { param: Param; layer: number }>();
  layers.forEach((layer, i) => {
    for (const p of layer.parameters()) {
      const prev = owner.get(p.name);
      if (prev && prev.param !== p) {
        throw new Error(`sequential: two parameters are named "${p.name}" (layers ${prev.layer} and ${i}); give the layers distinct names`);
      }
      owner.set(p.name, { param: p, layer: i });
    }
  });
}

/** Adds where in the model an error happened, keeping the original error object (and its type). */
function located(err: unknown, i: number, layer: Layer, pass: string): unknown {
  if (err instanceof Error && !err.message.includes("(in layer ")) {
    err.message = `${err.message} (in layer ${i}, ${layerName(layer)}, ${pass})`;
  }
  return err;
}

/** 12345 → "12,345". */
function group(n: number): string {
  return n.toLocaleString("en-US");
}
