import { describe, expect, it } from "vitest";
import { Matrix } from "../../src/nn/matrix.ts";
import { centreDigit, centreOfMass, preprocessDrawing } from "../../src/nn/digits-preprocess.ts";

function image(pixels: [number, number, number][]): Matrix {
  const m = new Matrix(28, 28);
  for (const [i, j, v] of pixels) m.set(i, j, v);
  return m;
}

describe("centreOfMass(img)", () => {
  it("is the ink-weighted mean row and column, null when blank", () => {
    expect(centreOfMass(image([[2, 4, 1], [4, 4, 3]]))).toEqual({ row: 3.5, col: 4 });
    expect(centreOfMass(new Matrix(28, 28))).toBeNull();
    expect(() => centreOfMass(image([[1, 1, -1]]))).toThrow("pixel (1, 1) is -1");
  });
});

describe("centreDigit(img)", () => {
  it("normalises to a maximum of 1 and moves the centre of mass to within half a pixel of (13.5, 13.5)", () => {
    const img = image([[2, 3, 0.4], [3, 3, 0.2], [2, 4, 0.1]]);
    const out = centreDigit(img);
    expect(Math.max(...out.data)).toBe(1);
    const c = centreOfMass(out)!;
    expect(Math.abs(c.row - 13.5)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(c.col - 13.5)).toBeLessThanOrEqual(0.5);
    expect(img.get(2, 3)).toBe(0.4); // the input is unchanged
  });
  it("drops ink shifted past an edge, keeps a blank image blank, and names a wrong shape", () => {
    const out = centreDigit(image([[14, 0, 0.1], [14, 27, 1], [13, 27, 1]]));
    expect(out.data.reduce((s, v) => s + v, 0)).toBeCloseTo(2, 12); // the faint pixel at column 0 fell off
    expect(centreDigit(new Matrix(28, 28)).data.every((v) => v === 0)).toBe(true);
    expect(() => centreDigit(new Matrix(20, 20))).toThrow("expected a 28×28 image, got 20x20");
  });
});

describe("preprocessDrawing(ink, width, height)", () => {
  it("scales the ink's bounding box to 20 pixels on its longer side, centred in 28×28", () => {
    // A filled 100 (tall) × 50 (wide) rectangle in a corner of a 280×280 drawing.
    const w = 280, h = 280, ink = new Float64Array(w * h);
    for (let i = 10; i < 110; i++) for (let j = 200; j < 250; j++) ink[i * w + j] = 1;
    const out = preprocessDrawing(ink, w, h);
    let rows = 0, cols = 0;
    for (let i = 0; i < 28; i++) if (out.data.slice(i * 28, i * 28 + 28).some((v) => v > 0)) rows++;
    for (let j = 0; j < 28; j++) if (Array.from({ length: 28 }, (_, i) => out.get(i, j)).some((v) => v > 0)) cols++;
    expect([rows, cols]).toEqual([20, 10]);
    expect(Math.max(...out.data)).toBe(1);
    const c = centreOfMass(out)!;
    expect(Math.abs(c.row - 13.5)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(c.col - 13.5)).toBeLessThanOrEqual(0.5);
  });
  it("keeps grey levels when it shrinks a thin stroke, gives a blank image for no ink, and names a size mismatch", () => {
    const w = 100, ink = new Float64Array(w * w);
    for (let i = 0; i < 100; i++) ink[i * w + 50] = 1; // a one-pixel vertical line, 100 long → 20 long, 1/5 wide
    const out = preprocessDrawing(ink, w, w);
    const nonzero = out.data.filter((v) => v > 0);
    expect(nonzero.length).toBe(20);
    expect(Math.max(...out.data)).toBe(1); // normalised after averaging
    expect(preprocessDrawing(new Float64Array(16), 4, 4).data.every((v) => v === 0)).toBe(true);
    expect(() => preprocessDrawing(new Float64Array(10), 4, 4)).toThrow("10 values do not make a 4×4 drawing");
  });
});
