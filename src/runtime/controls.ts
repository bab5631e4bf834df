/**
 * Controls a cell declares (`slider`, `select`, `checkbox`, `number`,
 * `button`): their plain-data description, and the rules both sides share.
 *
 * The kernel builds a {@link ControlSpec} when a cell calls `slider(...)`,
 * picks the value (the page's stored value when it fits the spec, else the
 * default) with {@link acceptValue}, and sends the spec to the page. The page
 * checks every spec with {@link checkControl} before drawing it (nothing from
 * the worker is trusted), keeps the reader's values per page and sends them
 * with the next run. Headless runs send no values, so every control takes its
 * default. No DOM here: this file runs in the worker, in Node and on the page.
 */
import { DEFAULT_LANG, type Lang } from "../i18n/lang.ts";
import { t } from "../i18n/message.ts";
import * as controlMsg from "../i18n/messages/controls.ts";

/** A value a control can hold. */
export type ControlValue = number | string | boolean;

/** A range input; `scale: "log"` spaces positions geometrically (min must be > 0). */
export interface SliderSpec {
  kind: "slider";
  label: string;
  min: number;
  max: number;
  /** Snapping step in value units (linear) or null for continuous; log sliders snap to 3 significant digits. */
  step: number | null;
  scale: "linear" | "log";
  value: number;
  default: number;
}
/** A number box. */
export interface NumberSpec {
  kind: "number";
  label: string;
  min: number | null;
  max: number | null;
  step: number | null;
  value: number;
  default: number;
}
/** A drop-down of fixed options. */
export interface SelectSpec {
  kind: "select";
  label: string;
  options: (string | number)[];
  value: string | number;
  default: string | number;
}
/** A check box. */
export interface CheckboxSpec {
  kind: "checkbox";
  label: string;
  value: boolean;
  default: boolean;
}
/** A button: its value counts the presses (0 by default); each press re-runs the cell. */
export interface ButtonSpec {
  kind: "button";
  label: string;
  value: number;
  default: number;
}
/**
 * A 2-D dataset the reader draws: points in [−1.2, 1.2]² with a class each.
 * The value is the point list encoded as text (`"x,y,c;x,y,c"`, see
 * {@link encodePoints}); the page may also send `"preset:<name>"` to start
 * over from a preset, which the kernel turns into points.
 */
export interface PointsSpec {
  kind: "points";
  label: string;
  /** Classes the reader can place (2 or 3). */
  classes: number;
  /** Presets the page offers (from {@link POINT_PRESETS}). */
  presets: string[];
  value: string;
  default: string;
}
export type ControlSpec = SliderSpec | NumberSpec | SelectSpec | CheckboxSpec | ButtonSpec | PointsSpec;

/** Presets a drawn dataset can start from. */
export const POINT_PRESETS = ["spiral", "moons", "circles", "xor", "gaussians"] as const;
/** Half-width of the drawing square. */
export const POINTS_LIMIT = 1.2;
/** Most points a drawn dataset holds. */
export const MAX_POINTS = 1000;

/** One drawn point. */
export interface DrawnPoint {
  x: number;
  y: number;
  c: number;
}

/** Points as text: 3 decimals per coordinate, `x,y,c` joined by `;`. */
export function encodePoints(points: readonly DrawnPoint[]): string {
  return points.map((p) => `${+p.x.toFixed(3)},${+p.y.toFixed(3)},${p.c}`).join(";");
}

/** The points of an encoded list, or null when any part is malformed, out of the square, of an unknown class, or too many. */
export function decodePoints(text: string, classes: number): DrawnPoint[] | null {
  if (text === "") return [];
  const parts = text.split(";");
  if (parts.length > MAX_POINTS) return null;
  const out: DrawnPoint[] = [];
  for (const part of parts) {
    const [xs, ys, cs, extra] = part.split(",");
    if (extra !== undefined || cs === undefined) return null;
    const x = Number(xs), y = Number(ys), c = Number(cs);
    if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > POINTS_LIMIT || Math.abs(y) > POINTS_LIMIT) return null;
    if (!Number.isInteger(c) || c < 0 || c >= classes) return null;
    out.push({ x, y, c });
  }
  return out;
}

/** Control values by label, as the page sends them with a run. */
export type ControlValues = Record<string, ControlValue>;

/** Longest label, longest option, most options: a cell cannot flood the page. */
export const CONTROL_LIMITS = { label: 80, option: 80, options: 50, perCell: 12 } as const;

const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Rounds to `digits` significant digits (so 0.30000000000000004 reads 0.3). */
export function roundSignificant(x: number, digits = 3): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(digits));
}

/** The value a slider or number takes from `v`: clamped to its range and snapped to its step. */
export function snapNumber(spec: { min: number | null; max: number | null; step: number | null; scale?: "linear" | "log" }, v: number): number {
  const lo = spec.min ?? -Infinity, hi = spec.max ?? Infinity;
  let x = Math.min(hi, Math.max(lo, v));
  if (spec.scale === "log") return Math.min(hi, Math.max(lo, roundSignificant(x, 3)));
  if (spec.step && spec.step > 0) {
    const base = spec.min ?? 0;
    x = base + Math.round((x - base) / spec.step) * spec.step;
    // Decimal noise from the multiplication: keep as many decimals as the step has.
    const decimals = Math.min(12, Math.max(0, -Math.floor(Math.log10(spec.step)) + 2));
    x = Number(x.toFixed(decimals));
    x = Math.min(hi, Math.max(lo, x));
  }
  return x;
}

/**
 * The stored value if it fits the spec (right type, in range, one of the
 * options), else the spec's default. Both sides call this, so a stale or
 * tampered stored value can never reach a cell.
 */
export function acceptValue(spec: ControlSpec, stored: unknown): ControlValue {
  switch (spec.kind) {
    case "slider":
    case "number":
      if (!finite(stored)) return spec.default;
      if ((spec.min !== null && stored < spec.min) || (spec.max !== null && stored > spec.max)) return spec.default;
      return snapNumber(spec, stored);
    case "select":
      return spec.options.some((o) => o === stored) ? (stored as string | number) : spec.default;
    case "checkbox":
      return typeof stored === "boolean" ? stored : spec.default;
    case "button":
      return finite(stored) && Number.isInteger(stored) && stored >= 0 ? stored : spec.default;
    case "points":
      if (typeof stored !== "string") return spec.default;
      if (stored.startsWith("preset:")) return spec.presets.includes(stored.slice(7)) ? stored : spec.default;
      return decodePoints(stored, spec.classes) ? stored : spec.default;
  }
}

/** A control value as the page shows it: short, no float noise (0.1, 0.00316, 1e-6, 1,000). */
export function formatControlValue(v: ControlValue, lang: Lang = DEFAULT_LANG): string {
  if (typeof v === "boolean") return t(v ? controlMsg.on : controlMsg.off, lang);
  if (typeof v === "string" && /^-?[\d.]+,-?[\d.]+,\d/.test(v)) return t(controlMsg.points, lang, { n: v.split(";").length });
  if (typeof v === "string") return v;
  return formatTick(roundSignificant(v, 4));
}

/**
 * A number as an axis or control label: plain decimals between 1e-3 and 1e6
 * (0.4, 12.5, 250000), otherwise exponent form (1e-15, 2.5e+8 → 2.5e8). Never
 * SI prefixes ("400m" reads as 400 metres).
 */
export function formatTick(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e6) return String(roundSignificant(v, 6));
  const [m, e] = v.toExponential().split("e");
  const mant = String(roundSignificant(Number(m), 3));
  return `${mant === "1" ? "1" : mant === "-1" ? "-1" : mant}e${e.replace("+", "")}`;
}

/** Position 0…1 of a value on a slider (log sliders are geometric). */
export function sliderPosition(spec: Pick<SliderSpec, "min" | "max" | "scale">, v: number): number {
  if (spec.max === spec.min) return 0;
  if (spec.scale === "log") return (Math.log(v) - Math.log(spec.min)) / (Math.log(spec.max) - Math.log(spec.min));
  return (v - spec.min) / (spec.max - spec.min);
}

/** The value at position 0…1 of a slider, snapped. */
export function sliderValue(spec: Pick<SliderSpec, "min" | "max" | "scale" | "step">, p: number): number {
  const t = Math.min(1, Math.max(0, p));
  const raw = spec.scale === "log"
    ? Math.exp(Math.log(spec.min) + t * (Math.log(spec.max) - Math.log(spec.min)))
    : spec.min + t * (spec.max - spec.min);
  return snapNumber(spec, raw);
}

const cleanLabel = (v: unknown): string | null =>
  typeof v === "string" && v.trim() !== "" ? v.trim().slice(0, CONTROL_LIMITS.label) : null;

/**
 * The page's check of a spec that came from the worker: a well-formed copy
 * (labels and options clamped, numbers finite, value re-accepted), or null.
 */
export function checkControl(raw: unknown): ControlSpec | null {
  if (!raw || typeof raw !== "object") return null;
  const r = raw as Record<string, unknown>;
  const label = cleanLabel(r.label);
  if (!label) return null;
  const orNull = (v: unknown): number | null => (finite(v) ? v : null);
  let spec: ControlSpec;
  switch (r.kind) {
    case "slider": {
      if (!finite(r.min) || !finite(r.max) || !(r.max > r.min) || !finite(r.default)) return null;
      const scale = r.scale === "log" ? "log" : "linear";
      if (scale === "log" && r.min <= 0) return null;
      const step = finite(r.step) && r.step > 0 ? r.step : null;
      spec = { kind: "slider", label, min: r.min, max: r.max, step, scale, value: 0, default: snapNumber({ min: r.min, max: r.max, step, scale }, r.default) };
      break;
    }
    case "number": {
      if (!finite(r.default)) return null;
      const step = finite(r.step) && r.step > 0 ? r.step : null;
      spec = { kind: "number", label, min: orNull(r.min), max: orNull(r.max), step, value: 0, default: r.default };
      break;
    }
    case "select": {
      if (!Array.isArray(r.options) || r.options.length === 0) return null;
      const options = r.options
        .slice(0, CONTROL_LIMITS.options)
        .filter((o): o is string | number => (typeof o === "string" && o.length <= CONTROL_LIMITS.option) || finite(o));
      if (options.length === 0 || !options.some((o) => o === r.default)) return null;
      spec = { kind: "select", label, options, value: options[0], default: r.default as string | number };
      break;
    }
    case "checkbox":
      if (typeof r.default !== "boolean") return null;
      spec = { kind: "checkbox", label, value: false, default: r.default };
      break;
    case "button":
      spec = { kind: "button", label, value: 0, default: 0 };
      break;
    case "points": {
      const classes = r.classes === 2 || r.classes === 3 ? r.classes : null;
      if (!classes || typeof r.default !== "string") return null;
      const presets = Array.isArray(r.presets) ? POINT_PRESETS.filter((name) => (r.presets as unknown[]).includes(name)) : [];
      spec = { kind: "points", label, classes, presets: [...presets], value: "", default: r.default };
      if (acceptValue(spec, r.default) !== r.default) return null;
      break;
    }
    default:
      return null;
  }
  spec.value = acceptValue(spec, r.value) as never;
  return spec;
}

/** Stored control values of a page: only label → number/string/boolean pairs survive. */
export function parseControlValues(raw: unknown): ControlValues {
  const out: ControlValues = {};
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return out;
  for (const [k, v] of Object.entries(raw as Record<string, unknown>).slice(0, CONTROL_LIMITS.perCell)) {
    if (k.length <= CONTROL_LIMITS.label && (finite(v) || typeof v === "string" || typeof v === "boolean")) out[k] = v;
  }
  return out;
}
