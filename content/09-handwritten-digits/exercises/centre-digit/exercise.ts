import { Matrix, centreDigit, type Rng } from "nn";
import { defineExercise } from "../../../../src/runtime/grader/exercise.ts";

const SIDE = 28;

/**
 * A 28×28 image of soft round blobs of ink (`blobs` lists centre row, centre
 * column and radius), scaled so that its brightest pixel is exactly `ink`.
 * No pixel is clipped at 1: every image drawn with ink below 1 needs
 * normalising, so an answer that skips it (or divides its input in place) is
 * caught at every seed, not only when the blobs happen to stay faint.
 */
function blobs(list: readonly (readonly [number, number, number])[], ink: number): Matrix {
  const img = new Matrix(SIDE, SIDE);
  for (const [r0, c0, radius] of list) {
    for (let i = 0; i < SIDE; i++) {
      for (let j = 0; j < SIDE; j++) {
        const d2 = ((i - r0) ** 2 + (j - c0) ** 2) / (radius * radius);
        if (d2 < 4) img.data[i * SIDE + j] += Math.exp(-d2);
      }
    }
  }
  let max = 0;
  for (const v of img.data) max = Math.max(max, v);
  for (let k = 0; k < img.data.length; k++) img.data[k] *= ink / max;
  return img;
}

/** A stroke-like digit: three overlapping blobs around (row, col), its brightest pixel between 0.25 and 0.8. */
function digitAt(rng: Rng, row: number, col: number): Matrix {
  const ink = rng.uniform(0.25, 0.8);
  return blobs(Array.from({ length: 3 }, () => [row + rng.uniform(-3, 3), col + rng.uniform(-3, 3), rng.uniform(1.5, 3)] as const), ink);
}

/**
 * A digit on the left whose horizontal stroke runs to the right edge (rows
 * r…r+1, columns 12…27). Its centre of mass lies left of 13.5 (the blob's
 * mass outweighs the faint stroke's), so centring shifts it right, by 2 to 10
 * columns over 3,000 seeds tried; any shift from 0 to 15 keeps the stroke in
 * the last column of the result, so an answer that drops or mangles the last
 * column fails here at every seed.
 */
function strokeToTheEdge(rng: Rng): Matrix {
  const row = rng.uniform(10, 17);
  const img = digitAt(rng, row, rng.uniform(4, 6));
  const ink = rng.uniform(0.1, 0.2) * Math.max(...img.data);
  const r = Math.round(row);
  for (let i = r; i <= r + 1; i++) for (let j = 12; j < SIDE; j++) img.data[i * SIDE + j] = Math.max(img.data[i * SIDE + j], ink);
  return img;
}

/**
 * Normalising and centring one 28×28 digit, against the library's
 * `centreDigit`: off-centre digits of random brightness, one far in a corner,
 * one whose stray ink at the edge is shifted out of the field, one whose
 * stroke still reaches the last column after centring, and a blank image
 * (which must stay blank, not become NaN).
 */
export default defineExercise({
  id: "centre-digit",
  title: "Normalise and centre a digit",
  entry: ["centreDigit"],
  check: {
    kind: "value",
    fn: "centreDigit",
    args: ["img"],
    reference: (img) => centreDigit(img as Matrix),
    cases: [
      { label: "a faint digit off the centre", make: (rng) => digitAt(rng, rng.uniform(8, 19), rng.uniform(8, 19)) },
      { label: "a digit far in a corner", make: (rng) => digitAt(rng, rng.uniform(4, 6), rng.uniform(21, 23)) },
      {
        label: "stray ink at the left edge, shifted out of the field",
        make: (rng) => {
          const img = digitAt(rng, rng.uniform(12, 16), rng.uniform(19, 21));
          for (let i = 10; i < 18; i++) img.data[i * SIDE] = rng.uniform(0.05, 0.2);
          return img;
        },
      },
      { label: "a stroke that still reaches the right edge after centring", make: strokeToTheEdge },
      { label: "another digit, anywhere", make: (rng) => digitAt(rng, rng.uniform(5, 22), rng.uniform(5, 22)) },
      { label: "a blank image", make: () => new Matrix(SIDE, SIDE) },
    ],
  },
  hints: [
    "Two steps: make the brightest pixel 1, then move the picture so that its balance point sits in the middle of the 28 × 28 field.",
    "The centre of mass is Σ i·x[i][j] / Σ x[i][j] for the row (and the same with j for the column). Shift every pixel by round(13.5 − centre) rows and columns, into a new matrix, dropping what falls outside. A blank image has no centre: return a blank image.",
    "const out = new Matrix(28, 28); find max, total, sum of i·v and of j·v; if total is 0 return out; dr = Math.round(13.5 − rows / total), dc likewise; for each (i, j) of out, read img at (i − dr, j − dc) when inside, divided by max.",
  ],
});
