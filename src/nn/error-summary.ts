/**
 * How a gradient check's largest relative error reads, in one place for the
 * library's `formatReport` and the page's rendering of a report. No imports:
 * the page's main thread uses it without pulling in the library.
 */

function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return "0";
  const a = Math.abs(v);
  return a >= 1e-3 && a < 1e4 ? String(+v.toPrecision(6)) : v.toExponential(2);
}

/**
 * The largest relative error as text: the number itself, and when every
 * element agreed within rounding noise (so the reported maximum is 0), the
 * real error of those elements with that remark ("3.14e-11, within rounding
 * noise"). Never a bare 0, which would claim an exactness no float check has.
 * @param maxError the largest error outside rounding noise.
 * @param maxNoiseError the largest relative error of the elements within rounding noise.
 */
export function errorSummary(maxError: number, maxNoiseError?: number | null): string {
  if (!(maxError === 0)) return fmt(maxError);
  if (maxNoiseError != null && maxNoiseError > 0) return `${fmt(maxNoiseError)}, within rounding noise`;
  return "0, exact agreement";
}
