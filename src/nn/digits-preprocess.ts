/**
 * Preparing a digit the way MNIST's were prepared, so a network trained on
 * MNIST can read a digit drawn in the page: crop to the ink's bounding box,
 * scale it (keeping its aspect ratio) so the longer side is 20 pixels, put it
 * in a 28×28 field, then normalise to 0..1 and shift it so its centre of mass
 * sits at the centre of the field.
 */
import { Matrix } from "./matrix.ts";
import { DIGIT_SIDE } from "./digits.ts";

/** The longer side of the digit's box after scaling, as in MNIST. */
export const DIGIT_BOX = 20;

/** The centre of a 28-pixel field in pixel coordinates (pixel k covers [k, k+1), so its centre is k + ½: the field's is 14 − ½). */
const FIELD_CENTRE = (DIGIT_SIDE - 1) / 2;

/**
 * The centre of mass (intensity-weighted mean row and column, in pixel indices) of an image; null when it is blank.
 * @throws for a negative or non-finite pixel, naming it.
 */
export function centreOfMass(img: Matrix): { row: number; col: number } | null {
  let total = 0, rows = 0, cols = 0;
  for (let i = 0; i < img.rows; i++) {
    for (let j = 0; j < img.cols; j++) {
      const v = img.data[i * img.cols + j];
      if (!(v >= 0) || !Number.isFinite(v)) throw new Error(`centreOfMass: pixel (${i}, ${j}) is ${v}; pixels must be finite and ≥ 0`);
      total += v;
      rows += v * i;
      cols += v * j;
    }
  }
  return total > 0 ? { row: rows / total, col: cols / total } : null;
}

/**
 * Normalises a 28×28 image to a maximum of 1 and shifts it by whole pixels
 * (rounded) so its centre of mass lands on the field's centre, (13.5, 13.5).
 * Ink shifted past an edge is dropped; a blank image stays blank. Returns a
 * new image; the input is not changed.
 * @throws for an image that is not 28×28, or a negative or non-finite pixel.
 */
export function centreDigit(img: Matrix): Matrix {
  if (img.rows !== DIGIT_SIDE || img.cols !== DIGIT_SIDE) throw new Error(`centreDigit: expected a ${DIGIT_SIDE}×${DIGIT_SIDE} image, got ${img.shape}`);
  const out = new Matrix(DIGIT_SIDE, DIGIT_SIDE);
  const com = centreOfMass(img);
  if (!com) return out;
  let max = 0;
  for (const v of img.data) if (v > max) max = v;
  const dr = Math.round(FIELD_CENTRE - com.row), dc = Math.round(FIELD_CENTRE - com.col);
  for (let i = 0; i < DIGIT_SIDE; i++) {
    const si = i - dr;
    if (si < 0 || si >= DIGIT_SIDE) continue;
    for (let j = 0; j < DIGIT_SIDE; j++) {
      const sj = j - dc;
      if (sj < 0 || sj >= DIGIT_SIDE) continue;
      out.data[i * DIGIT_SIDE + j] = img.data[si * DIGIT_SIDE + sj] / max;
    }
  }
  return out;
}

/**
 * Box-filter resampling of a line of n values to m: output cell o covers input
 * [o·n/m, (o+1)·n/m) and takes the input's mean over it, counting partly
 * covered pixels by their share (so shrinking keeps grey levels, like MNIST's anti-aliasing).
 */
function resampleLine(src: Float64Array, m: number): Float64Array {
  const n = src.length;
  const dst = new Float64Array(m);
  const w = n / m;
  for (let o = 0; o < m; o++) {
    const a = o * w, b = (o + 1) * w;
    let sum = 0;
    for (let i = Math.floor(a); i < Math.min(n, Math.ceil(b)); i++) sum += (Math.min(b, i + 1) - Math.max(a, i)) * src[i];
    dst[o] = sum / w;
  }
  return dst;
}

/**
 * A drawing (ink from 0 to 1, `width × height` values row by row) prepared
 * like an MNIST digit: cropped to the ink above `threshold`, scaled so the
 * longer side is 20 pixels, placed in a 28×28 field, then normalised and
 * centred by its centre of mass (`centreDigit`). A blank drawing gives a blank image.
 * @throws for a size that does not match the values.
 */
export function preprocessDrawing(ink: ArrayLike<number>, width: number, height: number, threshold = 0.05): Matrix {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || ink.length !== width * height) {
    throw new Error(`preprocessDrawing: ${ink.length} values do not make a ${width}×${height} drawing`);
  }
  let top = height, bottom = -1, left = width, right = -1;
  for (let i = 0; i < height; i++) {
    for (let j = 0; j < width; j++) {
      if (ink[i * width + j] > threshold) {
        if (i < top) top = i;
        if (i > bottom) bottom = i;
        if (j < left) left = j;
        if (j > right) right = j;
      }
    }
  }
  const field = new Matrix(DIGIT_SIDE, DIGIT_SIDE);
  if (bottom < 0) return field;
  const h = bottom - top + 1, w = right - left + 1;
  const scale = DIGIT_BOX / Math.max(h, w);
  const oh = Math.max(1, Math.round(h * scale)), ow = Math.max(1, Math.round(w * scale));
  const box = new Float64Array(h * w);
  for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) box[i * w + j] = Math.min(1, Math.max(0, Number(ink[(top + i) * width + left + j]) || 0));
  // Columns first (each of the h rows: w → ow), then rows (each of the ow columns: h → oh).
  const narrow = new Float64Array(h * ow);
  for (let i = 0; i < h; i++) narrow.set(resampleLine(box.subarray(i * w, (i + 1) * w), ow), i * ow);
  const small = new Float64Array(oh * ow);
  for (let j = 0; j < ow; j++) {
    const col = new Float64Array(h);
    for (let i = 0; i < h; i++) col[i] = narrow[i * ow + j];
    const out = resampleLine(col, oh);
    for (let i = 0; i < oh; i++) small[i * ow + j] = out[i];
  }
  const r0 = Math.floor((DIGIT_SIDE - oh) / 2), c0 = Math.floor((DIGIT_SIDE - ow) / 2);
  for (let i = 0; i < oh; i++) for (let j = 0; j < ow; j++) field.data[(r0 + i) * DIGIT_SIDE + c0 + j] = small[i * ow + j];
  return centreDigit(field);
}
