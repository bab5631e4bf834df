/**
 * The control globals a cell sees: `slider`, `number`, `select`, `checkbox`
 * and `button`. Each call declares a control of the running cell and returns
 * its current value: the reader's value the page sent with this run when it
 * fits, else the default (headless runs send none, so tests see defaults).
 * The spec goes to the page, which draws the input above the cell's output
 * and re-runs the cell when the reader changes it. Runs in the worker; no DOM.
 */
import {
  acceptValue,
  CONTROL_LIMITS,
  decodePoints,
  encodePoints,
  POINT_PRESETS,
  POINTS_LIMIT,
  snapNumber,
  type ControlSpec,
  type ControlValue,
  type ControlValues,
  type DrawnPoint,
} from "./controls.ts";
import type * as NN from "../nn/index.ts";

/** What the kernel tells the controls about the run in flight. */
export interface ControlContext {
  /** The run declaring controls now, or null (no run, or a timer callback: too late to declare). */
  current(): { values: ControlValues; declared: Set<string> } | null;
  /** Sends a declared control to the page. */
  send(spec: ControlSpec): void;
}

export interface SliderOptions {
  min: number;
  max: number;
  /** Default value (the middle of the range when left out; the geometric middle on a log scale). */
  value?: number;
  /** Snapping step (linear sliders); log sliders keep 3 significant digits. */
  step?: number;
  scale?: "linear" | "log";
}
export interface NumberOptions {
  value?: number;
  min?: number;
  max?: number;
  step?: number;
}

export interface DrawDataOptions {
  /** Classes the reader can place: 2 or 3 (default 3). */
  classes?: number;
  /** What the data starts as (default "spiral"). */
  preset?: (typeof POINT_PRESETS)[number];
  /** Points per class in a preset (default 60). */
  perClass?: number;
}

/** The parts of nn the presets use (the kernel passes its own nn, so Matrix is the cells' Matrix). */
type PresetNN = Pick<typeof NN, "Matrix" | "createRng" | "spiral" | "moons" | "circles">;

/** A preset's points, seeded (the same every time), scaled into the drawing square. */
export function presetPoints(nn: PresetNN, name: string, classes: number, perClass: number): DrawnPoint[] {
  const rng = nn.createRng(7);
  let raw: { x: number; y: number; c: number }[] = [];
  const fromData = (d: { x: NN.Matrix; y: Int32Array }) =>
    Array.from({ length: d.x.rows }, (_, i) => ({ x: d.x.get(i, 0), y: d.x.get(i, 1), c: d.y[i] }));
  switch (name) {
    case "spiral":
      raw = fromData(nn.spiral({ classes, pointsPerClass: perClass, rng }));
      break;
    case "moons":
      raw = fromData(nn.moons({ n: 2 * perClass, noise: 0.08, rng }));
      break;
    case "circles":
      raw = fromData(nn.circles({ n: 2 * perClass, noise: 0.05, factor: 0.5, rng }));
      break;
    case "xor":
      // Four noisy blobs at the corners; opposite corners share a class.
      for (let k = 0; k < 2 * perClass; k++) {
        const sx = k % 2 ? 1 : -1, sy = k % 4 < 2 ? 1 : -1;
        raw.push({ x: sx * 0.5 + rng.normal(0, 0.18), y: sy * 0.5 + rng.normal(0, 0.18), c: sx * sy > 0 ? 0 : 1 });
      }
      break;
    case "gaussians":
      // One blob per class, centres on a circle.
      for (let c = 0; c < classes; c++) {
        const a = (2 * Math.PI * c) / classes + 0.4;
        for (let k = 0; k < perClass; k++) raw.push({ x: 0.55 * Math.cos(a) + rng.normal(0, 0.2), y: 0.55 * Math.sin(a) + rng.normal(0, 0.2), c });
      }
      break;
    default:
      throw new RangeError(`drawData: unknown preset ${JSON.stringify(name)} (${POINT_PRESETS.join(", ")})`);
  }
  // Centre the preset and scale it to fill [−1, 1]² (inside the square's margin).
  const xs = raw.map((p) => p.x), ys = raw.map((p) => p.y);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2, cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  const half = Math.max(Math.max(...xs) - cx, Math.max(...ys) - cy, 1e-9);
  const clamp = (v: number) => Math.max(-POINTS_LIMIT, Math.min(POINTS_LIMIT, v));
  return raw.map((p) => ({ x: clamp((p.x - cx) / half), y: clamp((p.y - cy) / half), c: p.c }));
}

/** The cell globals, bound to a kernel. */
export function createCellControls(ctx: ControlContext, nn?: PresetNN) {
  const declare = <T extends ControlValue>(fn: string, spec: ControlSpec): T => {
    const run = ctx.current();
    if (!run) throw new Error(`${fn}: declare controls while the cell runs (not in a timer or a callback)`);
    if (run.declared.has(spec.label)) throw new Error(`${fn}: the cell already has a control labelled ${JSON.stringify(spec.label)}`);
    if (run.declared.size >= CONTROL_LIMITS.perCell) throw new Error(`${fn}: at most ${CONTROL_LIMITS.perCell} controls per cell`);
    run.declared.add(spec.label);
    spec.value = acceptValue(spec, run.values[spec.label]) as never;
    ctx.send(spec);
    return spec.value as T;
  };
  const label = (fn: string, v: unknown): string => {
    if (typeof v !== "string" || v.trim() === "") throw new TypeError(`${fn}: the label must be a non-empty string, got ${JSON.stringify(v)}`);
    if (v.length > CONTROL_LIMITS.label) throw new RangeError(`${fn}: the label is longer than ${CONTROL_LIMITS.label} characters`);
    return v.trim();
  };
  const num = (fn: string, name: string, v: unknown): number => {
    if (typeof v !== "number" || !Number.isFinite(v)) throw new TypeError(`${fn}: ${name} must be a finite number, got ${String(v)}`);
    return v;
  };
  const optNum = (fn: string, name: string, v: unknown): number | null => (v === undefined ? null : num(fn, name, v));

  /** A range slider; returns its current value. */
  function slider(name: string, options: SliderOptions): number {
    const l = label("slider", name);
    if (!options || typeof options !== "object") throw new TypeError(`slider: options { min, max } are required for ${JSON.stringify(l)}`);
    const min = num("slider", "min", options.min), max = num("slider", "max", options.max);
    if (!(max > min)) throw new RangeError(`slider: min must be below max, got min ${min} and max ${max}`);
    const scale = options.scale ?? "linear";
    if (scale !== "linear" && scale !== "log") throw new RangeError(`slider: unknown scale ${JSON.stringify(scale)} (linear or log)`);
    if (scale === "log" && min <= 0) throw new RangeError(`slider: a log scale needs min > 0, got ${min}`);
    const step = optNum("slider", "step", options.step);
    if (step !== null && step <= 0) throw new RangeError(`slider: step must be > 0, got ${step}`);
    const mid = scale === "log" ? Math.sqrt(min * max) : (min + max) / 2;
    const value = options.value === undefined ? mid : num("slider", "value", options.value);
    if (value < min || value > max) throw new RangeError(`slider: value ${value} is outside [${min}, ${max}]`);
    const spec = { kind: "slider", label: l, min, max, step, scale, value: 0, default: 0 } as const;
    const dflt = snapNumber(spec, value);
    return declare<number>("slider", { ...spec, value: dflt, default: dflt });
  }

  /** A number box; returns its current value. */
  function number(name: string, options: NumberOptions = {}): number {
    const l = label("number", name);
    const min = optNum("number", "min", options.min), max = optNum("number", "max", options.max);
    if (min !== null && max !== null && !(max >= min)) throw new RangeError(`number: min must not exceed max, got min ${min} and max ${max}`);
    const step = optNum("number", "step", options.step);
    if (step !== null && step <= 0) throw new RangeError(`number: step must be > 0, got ${step}`);
    const value = options.value === undefined ? (min ?? 0) : num("number", "value", options.value);
    if ((min !== null && value < min) || (max !== null && value > max)) throw new RangeError(`number: value ${value} is outside [${min ?? "-∞"}, ${max ?? "∞"}]`);
    return declare<number>("number", { kind: "number", label: l, min, max, step, value, default: value });
  }

  /** A drop-down; returns the chosen option (the first one by default). */
  function select<T extends string | number>(name: string, options: readonly T[], opts: { value?: T } = {}): T {
    const l = label("select", name);
    if (!Array.isArray(options) || options.length === 0) throw new TypeError(`select: options must be a non-empty array for ${JSON.stringify(l)}`);
    if (options.length > CONTROL_LIMITS.options) throw new RangeError(`select: at most ${CONTROL_LIMITS.options} options, got ${options.length}`);
    for (const o of options) {
      if (!(typeof o === "string" || (typeof o === "number" && Number.isFinite(o)))) throw new TypeError(`select: options must be strings or numbers, got ${String(o)}`);
      if (typeof o === "string" && o.length > CONTROL_LIMITS.option) throw new RangeError(`select: option ${JSON.stringify(o.slice(0, 20))}… is too long`);
    }
    if (new Set(options).size !== options.length) throw new RangeError(`select: options must be distinct`);
    const value = opts.value === undefined ? options[0] : opts.value;
    if (!options.includes(value)) throw new RangeError(`select: value ${JSON.stringify(value)} is not one of the options`);
    return declare<T>("select", { kind: "select", label: l, options: [...options], value, default: value });
  }

  /** A check box; returns whether it is ticked. */
  function checkbox(name: string, value = false): boolean {
    const l = label("checkbox", name);
    if (typeof value !== "boolean") throw new TypeError(`checkbox: value must be true or false, got ${String(value)}`);
    return declare<boolean>("checkbox", { kind: "checkbox", label: l, value, default: value });
  }

  /** A button; returns how many times it was pressed (each press re-runs the cell). */
  function button(name: string): number {
    const l = label("button", name);
    return declare<number>("button", { kind: "button", label: l, value: 0, default: 0 });
  }

  /**
   * A dataset the reader draws (click to place points; presets to start
   * from). Returns it as a classification dataset: `x` (n×2 Matrix), `y`
   * (Int32Array of classes) and `classes`, like `spiral(...)`.
   */
  function drawData(name: string, options: DrawDataOptions = {}): { x: NN.Matrix; y: Int32Array; classes: number } {
    const l = label("drawData", name);
    if (!nn) throw new Error("drawData: not available here");
    const classes = options.classes ?? 3;
    if (classes !== 2 && classes !== 3) throw new RangeError(`drawData: classes must be 2 or 3, got ${String(classes)}`);
    const preset = options.preset ?? "spiral";
    if (!(POINT_PRESETS as readonly string[]).includes(preset)) throw new RangeError(`drawData: unknown preset ${JSON.stringify(preset)} (${POINT_PRESETS.join(", ")})`);
    const perClass = options.perClass ?? 60;
    if (!Number.isInteger(perClass) || perClass < 1 || perClass * classes > 600) throw new RangeError(`drawData: perClass must be an integer from 1 to ${Math.floor(600 / classes)}, got ${String(perClass)}`);
    const presetFor = (p: string) => encodePoints(presetPoints(nn, p, p === "moons" || p === "circles" || p === "xor" ? 2 : classes, perClass));
    const spec: ControlSpec = { kind: "points", label: l, classes, presets: [...POINT_PRESETS], value: "", default: presetFor(preset) };
    // The page may ask for another preset by name; the cell gets (and the page is sent) its points.
    const run = ctx.current();
    const stored = run?.values[l];
    if (run && typeof stored === "string" && stored.startsWith("preset:") && acceptValue(spec, stored) === stored) run.values[l] = presetFor(stored.slice(7));
    const text = declare<string>("drawData", spec);
    const points = decodePoints(text, classes) ?? [];
    const x = new nn.Matrix(points.length, 2);
    points.forEach((p, i) => {
      x.set(i, 0, p.x);
      x.set(i, 1, p.y);
    });
    return { x, y: Int32Array.from(points, (p) => p.c), classes };
  }

  return { slider, number, select, checkbox, button, drawData };
}
