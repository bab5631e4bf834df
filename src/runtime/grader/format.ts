/**
 * Numbers and places as the grader's messages show them: short, with a real
 * minus sign, and indices the way a learner writes them (`dW1[1][0]`); words
 * in the report's language.
 */
import type { Lang } from "../../i18n/lang.ts";
import { t } from "../../i18n/message.ts";
import * as G from "../../i18n/messages/grader.ts";

/** A number in 4 significant digits (exponent form when very small or large), "−" for minus. */
export function num(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "Infinity";
  if (v === -Infinity) return "−Infinity";
  if (v === 0) return "0";
  const a = Math.abs(v);
  const s = a >= 1e-3 && a < 1e5 ? String(+v.toPrecision(4)) : v.toExponential(2);
  return s.replace(/^-/, "−").replace("e-", "e−").replace("e+", "e");
}

/** A relative error in 2 significant digits. */
export function err(e: number): string {
  if (!Number.isFinite(e)) return num(e);
  if (e === 0) return "0";
  return e >= 1e-3 ? String(+e.toPrecision(2)) : e.toExponential(1).replace("e-", "e−");
}

/** `name[i][j]`. */
export function at(name: string, index: readonly number[]): string {
  return `${name}${index.map((i) => `[${i}]`).join("")}`;
}

/** Row and column of flat index k in a matrix with `cols` columns. */
export function rowCol(k: number, cols: number): [number, number] {
  if (cols === 0) return [k, 0];
  const i = Math.floor(k / cols);
  return [i, k - i * cols];
}

/** A value's kind for "returned X instead of a number" messages. */
export function kindOf(v: unknown, lang: Lang): string {
  if (v === null) return t(G.kindNull, lang);
  if (v === undefined) return t(G.kindUndefined, lang);
  if (Array.isArray(v)) return t(G.kindArray, lang);
  if (typeof v === "object") {
    const ctor = (v as object).constructor?.name;
    return ctor ? t(G.kindObjectOf, lang, { ctor }) : t(G.kindObject, lang);
  }
  return t(G.kindOther, lang, { type: typeof v });
}

/** A number rounded for plot data (the plot needs 6 digits, the JSON stays small). */
export function plotValue(v: number): number {
  return Number.isFinite(v) ? +v.toPrecision(6) : 0;
}

/** "a, b and c" (「a、b 和 c」). */
export function list(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items.join("");
  const head = items.slice(0, -1), last = items[items.length - 1];
  return lang === "zh-CN" ? `${head.join("、")} 和 ${last}` : `${head.join(", ")} and ${last}`;
}

/** Ends a sentence with a full stop unless it already ends with punctuation. */
export function sentence(s: string, lang: Lang): string {
  if (/[.?!。？！]$/.test(s)) return s;
  return lang === "zh-CN" ? `${s}。` : `${s}.`;
}

/** Two numbers written with just enough digits to tell them apart (up to 17). */
export function distinct(a: number, b: number): [string, string] {
  for (let digits = 4; digits <= 17; digits++) {
    const sa = fixed(a, digits), sb = fixed(b, digits);
    if (sa !== sb || digits === 17) return [sa, sb];
  }
  return [num(a), num(b)];
}

function fixed(v: number, digits: number): string {
  if (!Number.isFinite(v) || v === 0) return num(v);
  const a = Math.abs(v);
  const s = a >= 1e-3 && a < 1e5 ? String(+v.toPrecision(digits)) : v.toExponential(digits - 1);
  return s.replace(/^-/, "−").replace("e-", "e−").replace("e+", "e");
}

/** How close a passing check came: "to within rounding noise" when no element rose above it, else the largest error. */
export function agreement(maxError: number, lang: Lang): string {
  return maxError === 0 ? t(G.withinNoise, lang) : t(G.maxErrorParen, lang, { error: err(maxError) });
}

/** A band's name in `lang` ("good" → "良好"). */
export function bandName(band: string, lang: Lang): string {
  const m = band === "good" ? G.bandGood : band === "acceptable" ? G.bandAcceptable : band === "suspicious" ? G.bandSuspicious : band === "wrong" ? G.bandWrong : null;
  return m ? t(m, lang) : band;
}
