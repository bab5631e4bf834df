/**
 * The library's one data structure: a dense, row-major matrix of float64.
 *
 * A batch of examples is a matrix with one example per row, so a dense layer's
 * forward pass reads Z = X·W + b exactly as the course writes it. Vectors are
 * 1×n (row) matrices. Operations live in `ops.ts`; this file only holds the
 * container, its constructors and its accessors.
 */
export class Matrix {
  /** Number of rows (for a batch: the number of examples). */
  readonly rows: number;
  /** Number of columns (for a batch: the number of features). */
  readonly cols: number;
  /** Row-major storage: element (i, j) is `data[i * cols + j]`. */
  readonly data: Float64Array;

  /**
   * Wraps (does not copy) `data` as a rows×cols matrix; allocates zeros when
   * `data` is omitted.
   * @throws if the sizes are not non-negative integers or `data` has the wrong length.
   */
  constructor(rows: number, cols: number, data?: Float64Array) {
    if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0) {
      throw new Error(`matrix: bad shape ${rows}x${cols}`);
    }
    if (data && data.length !== rows * cols) {
      throw new Error(`matrix: ${data.length} values cannot fill ${rows}x${cols}`);
    }
    this.rows = rows;
    this.cols = cols;
    this.data = data ?? new Float64Array(rows * cols);
  }

  /** A rows×cols matrix of zeros. */
  static zeros(rows: number, cols: number): Matrix {
    return new Matrix(rows, cols);
  }

  /** A rows×cols matrix filled with `value`. */
  static full(rows: number, cols: number, value: number): Matrix {
    return new Matrix(rows, cols, new Float64Array(rows * cols).fill(value));
  }

  /**
   * Builds a matrix from nested arrays (`[[1, 2], [3, 4]]`) or a flat array,
   * read as one row (`[1, 2, 3]` is 1×3).
   * @throws on ragged rows or non-numeric entries, naming the bad row or value.
   */
  static from(values: ArrayLike<number> | ArrayLike<ArrayLike<number>>): Matrix {
    if (values.length === 0) return new Matrix(0, 0);
    const first = values[0];
    if (typeof first === "number") {
      const flat = values as ArrayLike<number>;
      const m = new Matrix(1, flat.length);
      for (let j = 0; j < flat.length; j++) m.data[j] = checkNumber(flat[j], 0, j);
      return m;
    }
    const nested = values as ArrayLike<ArrayLike<number>>;
    const cols = nested[0].length;
    const m = new Matrix(nested.length, cols);
    for (let i = 0; i < nested.length; i++) {
      const row = nested[i];
      if (!row || typeof row !== "object" || row.length !== cols) {
        throw new Error(`matrix: row ${i} has ${row?.length ?? "no"} entries, expected ${cols}`);
      }
      for (let j = 0; j < cols; j++) m.data[i * cols + j] = checkNumber(row[j], i, j);
    }
    return m;
  }

  /** A column vector (n×1) from a flat array. */
  static column(values: ArrayLike<number>): Matrix {
    const m = new Matrix(values.length, 1);
    for (let i = 0; i < values.length; i++) m.data[i] = checkNumber(values[i], i, 0);
    return m;
  }

  /** The shape as the course prints it, e.g. `"3x2"`. */
  get shape(): string {
    return `${this.rows}x${this.cols}`;
  }

  /** Total number of elements. */
  get size(): number {
    return this.data.length;
  }

  /** Element (i, j), bounds-checked. */
  get(i: number, j: number): number {
    this.check(i, j);
    return this.data[i * this.cols + j];
  }

  /** Sets element (i, j), bounds-checked. */
  set(i: number, j: number, value: number): void {
    this.check(i, j);
    this.data[i * this.cols + j] = value;
  }

  /** Row i as a plain array. */
  row(i: number): number[] {
    this.check(i, 0);
    return Array.from(this.data.subarray(i * this.cols, (i + 1) * this.cols));
  }

  /** A deep copy. */
  clone(): Matrix {
    return new Matrix(this.rows, this.cols, this.data.slice());
  }

  /** Nested arrays, row by row. */
  toArray(): number[][] {
    const out: number[][] = [];
    for (let i = 0; i < this.rows; i++) out.push(Array.from(this.data.subarray(i * this.cols, (i + 1) * this.cols)));
    return out;
  }

  /** A compact text form, used by `console.log` in Node and by error messages. */
  toString(): string {
    return `Matrix ${this.shape} [${this.toArray().map((r) => `[${r.map((v) => +v.toPrecision(4)).join(", ")}]`).join(", ")}]`;
  }

  private check(i: number, j: number): void {
    if (!Number.isInteger(i) || !Number.isInteger(j) || i < 0 || j < 0 || i >= this.rows || (j >= this.cols && this.cols > 0)) {
      throw new Error(`matrix: index (${i}, ${j}) is outside ${this.shape}`);
    }
  }
}

function checkNumber(v: unknown, i: number, j: number): number {
  if (typeof v !== "number") throw new Error(`matrix: entry (${i}, ${j}) is not a number: ${String(v)}`);
  return v;
}
