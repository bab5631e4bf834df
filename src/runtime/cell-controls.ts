/**
 * The control globals a cell sees: `slider`, `number`, `select`, `checkbox`
 * and `button`. Each call declares a control of the running cell and returns
 * its current value: the reader's value the page sent with this run when it
 * fits, else the default (headless runs send none, so tests see defaults).
 * The spec goes to the page, which draws the input above the cell's output
 * and re-runs the cell when the reader changes it. Runs in the worker; no DOM.
 */
import { acceptValue, CONTROL_LIMITS, snapNumber, type ControlSpec, type ControlValue, type ControlValues } from "./controls.ts";

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

/** The cell globals, bound to a kernel. */
export function createCellControls(ctx: ControlContext) {
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

  return { slider, number, select, checkbox, button };
}
