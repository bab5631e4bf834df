/**
 * The product kernel of ops.ts again, as WebAssembly with 128-bit SIMD: each
 * instruction multiplies or adds two float64 lanes (f64x2), so a pass over an
 * output row does half as many loads, stores and arithmetic instructions as
 * the TypeScript kernel.
 *
 * It is the same algorithm in the same order — loop i-k-j, four rows of C by
 * four values of k, the sum of each group added left to right and then added
 * to C, the same edge cases — so it produces bit-for-bit the same results
 * (test/nn/wasm-kernel.test.ts checks this on odd sizes and transposed
 * operands). The TypeScript kernel in ops.ts stays the readable reference and
 * the fallback where WebAssembly SIMD is missing or forbidden.
 *
 * No .wasm file: the module's bytes are written by the small emitter below
 * when this file loads, so it works alike in the notebook's worker, in Node
 * and in the build, with no fetch and no bundler configuration. The inputs are
 * copied into the module's memory for each product and the result copied
 * back; for the products training does (K and n in the tens, m in the
 * hundreds) the copies cost a few percent of the arithmetic.
 */

// ---- a minimal WebAssembly emitter -------------------------------------------

/** Unsigned LEB128. */
function u32(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 (for i32.const). */
function s32(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const vec = (items: number[][]): number[] => [...u32(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...u32(body.length), ...body];

const I32 = 0x7f, F64 = 0x7c, V128 = 0x7b;
const op = {
  block: [0x02, 0x40], loop: [0x03, 0x40], if: [0x04, 0x40], end: [0x0b],
  br: (d: number) => [0x0c, ...u32(d)], brIf: (d: number) => [0x0d, ...u32(d)],
  get: (l: number) => [0x20, ...u32(l)], set: (l: number) => [0x21, ...u32(l)],
  i32: (v: number) => [0x41, ...s32(v)],
  add: [0x6a], sub: [0x6b], mul: [0x6c], and: [0x71], shl: [0x74],
  ltS: [0x48], geS: [0x4e], eq: [0x46],
  f64Load: [0x2b, 3, 0], f64Store: [0x39, 3, 0], f64Add: [0xa0], f64Mul: [0xa2],
  // SIMD instructions: prefix 0xfd, then the opcode as LEB128.
  v128Load: [0xfd, ...u32(0x00), 3, 0], v128Store: [0xfd, ...u32(0x0b), 3, 0],
  splat: [0xfd, ...u32(0x14)], vAdd: [0xfd, ...u32(0xf0)], vMul: [0xfd, ...u32(0xf2)],
};

// ---- the kernel ------------------------------------------------------------------
//
// gemm(A, rs, cs, B, C, m, K, n): C (m×n) += Â·B, Â(i, k) at A[i·rs + k·cs],
// B row-major K×n; A, B, C are byte offsets into memory, the rest are counts.

// Locals: the 8 parameters, then the emitter's own.
const [pA, pRs, pCs, pB, pC, pM, pK, pN] = [0, 1, 2, 3, 4, 5, 6, 7];
let next = 8;
const i32Local = () => next++;
const K4 = i32Local(), NV = i32Local(), I = i32Local(), Kk = i32Local(), J = i32Local(), REM = i32Local(), ADDR = i32Local();
const P = [i32Local(), i32Local(), i32Local(), i32Local()]; // A offsets of the block's rows (elements)
const Cr = [i32Local(), i32Local(), i32Local(), i32Local()]; // C offsets of the block's rows
const Bq = [i32Local(), i32Local(), i32Local(), i32Local()]; // B offsets of the group's rows
const I32_LOCALS = next - 8;
const firstF64 = next;
const Acoef = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => next++)); // a[r][q]
const Xs = [next++, next++, next++, next++]; // scalar B values (odd last column)
const F64_LOCALS = next - firstF64;
const firstV = next;
const Splat = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => next++)); // a[r][q] in both lanes
const Xv = [next++, next++, next++, next++]; // two B values per row of the group
const V128_LOCALS = next - firstV;

/** byte address base + (l1 + l2) · 8 */
const addr = (base: number, l1: number, l2: number) => [...op.get(base), ...op.get(l1), ...op.get(l2), ...op.add, ...op.i32(3), ...op.shl, ...op.add];

/**
 * One group of g values of k for R rows of C: load the coefficients a[r][q] =
 * Â(row r, k + q), then for every column j: C[r][j] += a[r][0]·B[k][j] + … +
 * a[r][g−1]·B[k+g−1][j], summed left to right (as the TypeScript kernel's
 * expression is), two columns per instruction and the odd last one alone.
 */
function group(R: number, g: number): number[] {
  const code: number[] = [];
  for (let q = 0; q < g; q++) {
    // Bq[q] = (k + q)·n ; coefficient column offset (k + q)·cs into ADDR
    code.push(...op.get(Kk), ...op.i32(q), ...op.add, ...op.get(pN), ...op.mul, ...op.set(Bq[q]));
    code.push(...op.get(Kk), ...op.i32(q), ...op.add, ...op.get(pCs), ...op.mul, ...op.set(ADDR));
    for (let r = 0; r < R; r++) {
      code.push(...addr(pA, P[r], ADDR), ...op.f64Load, ...op.set(Acoef[r][q]));
      code.push(...op.get(Acoef[r][q]), ...op.splat, ...op.set(Splat[r][q]));
    }
  }
  const sum = (r: number, coef: number[][], x: number[], mul: number[], add: number[]) => {
    const s: number[] = [];
    for (let q = 0; q < g; q++) {
      s.push(...op.get(coef[r][q]), ...op.get(x[q]), ...mul);
      if (q > 0) s.push(...add);
    }
    return s;
  };
  // Vector part: j = 0, 2, 4, … while j < NV.
  code.push(...op.i32(0), ...op.set(J), ...op.block, ...op.loop);
  code.push(...op.get(J), ...op.get(NV), ...op.geS, ...op.brIf(1));
  for (let q = 0; q < g; q++) code.push(...addr(pB, Bq[q], J), ...op.v128Load, ...op.set(Xv[q]));
  for (let r = 0; r < R; r++) {
    code.push(...addr(pC, Cr[r], J), ...op.set(ADDR), ...op.get(ADDR), ...op.get(ADDR), ...op.v128Load);
    code.push(...sum(r, Splat, Xv, op.vMul, op.vAdd), ...op.vAdd, ...op.v128Store);
  }
  code.push(...op.get(J), ...op.i32(2), ...op.add, ...op.set(J), ...op.br(0), ...op.end, ...op.end);
  // The odd last column, when n is odd (then J = NV = n − 1).
  code.push(...op.get(J), ...op.get(pN), ...op.ltS, ...op.if);
  for (let q = 0; q < g; q++) code.push(...addr(pB, Bq[q], J), ...op.f64Load, ...op.set(Xs[q]));
  for (let r = 0; r < R; r++) {
    code.push(...addr(pC, Cr[r], J), ...op.set(ADDR), ...op.get(ADDR), ...op.get(ADDR), ...op.f64Load);
    code.push(...sum(r, Acoef, Xs, op.f64Mul, op.f64Add), ...op.f64Add, ...op.f64Store);
  }
  code.push(...op.end);
  return code;
}

/** while (cond) { body } with `cond` leaving an i32 that is nonzero to stop. */
const whileNot = (stop: number[], body: number[]) => [...op.block, ...op.loop, ...stop, ...op.brIf(1), ...body, ...op.br(0), ...op.end, ...op.end];
const addTo = (l: number, v: number) => [...op.get(l), ...op.i32(v), ...op.add, ...op.set(l)];

function kernelBody(): number[] {
  const c: number[] = [];
  // K4 = K − K mod 4, NV = n − n mod 2 (counts are non-negative).
  c.push(...op.get(pK), ...op.i32(-4), ...op.and, ...op.set(K4));
  c.push(...op.get(pN), ...op.i32(-2), ...op.and, ...op.set(NV));
  c.push(...op.i32(0), ...op.set(I));
  // Blocks of four rows: while (i + 3 < m).
  const rowOffsets: number[] = [];
  rowOffsets.push(...op.get(I), ...op.get(pRs), ...op.mul, ...op.set(P[0]));
  rowOffsets.push(...op.get(I), ...op.get(pN), ...op.mul, ...op.set(Cr[0]));
  for (let r = 1; r < 4; r++) {
    rowOffsets.push(...op.get(P[r - 1]), ...op.get(pRs), ...op.add, ...op.set(P[r]));
    rowOffsets.push(...op.get(Cr[r - 1]), ...op.get(pN), ...op.add, ...op.set(Cr[r]));
  }
  const remainder = [
    ...op.get(pK), ...op.get(Kk), ...op.sub, ...op.set(REM),
    ...op.get(REM), ...op.i32(3), ...op.eq, ...op.if, ...group(4, 3), ...op.end,
    ...op.get(REM), ...op.i32(2), ...op.eq, ...op.if, ...group(4, 2), ...op.end,
    ...op.get(REM), ...op.i32(1), ...op.eq, ...op.if, ...group(4, 1), ...op.end,
  ];
  c.push(...whileNot([...op.get(I), ...op.i32(3), ...op.add, ...op.get(pM), ...op.geS], [
    ...rowOffsets,
    ...op.i32(0), ...op.set(Kk),
    ...whileNot([...op.get(Kk), ...op.get(K4), ...op.geS], [...group(4, 4), ...addTo(Kk, 4)]),
    ...remainder,
    ...addTo(I, 4),
  ]));
  // The last m mod 4 rows one at a time; their last K mod 4 values of k one at a time.
  c.push(...whileNot([...op.get(I), ...op.get(pM), ...op.geS], [
    ...op.get(I), ...op.get(pRs), ...op.mul, ...op.set(P[0]),
    ...op.get(I), ...op.get(pN), ...op.mul, ...op.set(Cr[0]),
    ...op.i32(0), ...op.set(Kk),
    ...whileNot([...op.get(Kk), ...op.get(K4), ...op.geS], [...group(1, 4), ...addTo(Kk, 4)]),
    ...whileNot([...op.get(Kk), ...op.get(pK), ...op.geS], [...group(1, 1), ...addTo(Kk, 1)]),
    ...addTo(I, 1),
  ]));
  return c;
}

function moduleBytes(): Uint8Array<ArrayBuffer> {
  const body = kernelBody();
  const locals = vec([[...u32(I32_LOCALS), I32], [...u32(F64_LOCALS), F64], [...u32(V128_LOCALS), V128]]);
  const func = [...locals, ...body, ...op.end];
  const name = (s: string) => [...u32(s.length), ...Array.from(s, (ch) => ch.charCodeAt(0))];
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([[0x60, ...vec(Array.from({ length: 8 }, () => [I32])), ...vec([])]])),
    ...section(3, vec([[0]])),
    ...section(5, vec([[0x00, ...u32(1)]])),
    ...section(7, vec([[...name("gemm"), 0x00, 0], [...name("memory"), 0x02, 0]])),
    ...section(10, vec([[...u32(func.length), ...func]])),
  ]);
}

// ---- the JavaScript side ----------------------------------------------------------

type Gemm = (A: number, rs: number, cs: number, B: number, C: number, m: number, K: number, n: number) => void;

let gemm: Gemm | null | undefined; // undefined: not loaded yet
let memory: WebAssembly.Memory | null = null;
let view = new Float64Array(0);
let enabled = true;

/**
 * Compiles the module on first use (not when the library loads: a notebook's
 * first cell should not wait for it); null where WebAssembly or its SIMD
 * instructions are unavailable or forbidden by a policy.
 */
function kernelOrNull(): Gemm | null {
  if (gemm === undefined) gemm = load();
  return gemm;
}

function load(): Gemm | null {
  try {
    if (typeof WebAssembly !== "object") return null;
    const bytes = moduleBytes();
    if (!WebAssembly.validate(bytes)) return null;
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
    memory = instance.exports.memory as WebAssembly.Memory;
    return instance.exports.gemm as Gemm;
  } catch {
    return null;
  }
}

/** Whether products run on the WebAssembly kernel (false where it could not load, or after `useWasmKernel(false)`). */
export function wasmKernelActive(): boolean {
  return enabled && kernelOrNull() !== null;
}

/** Switches the WebAssembly kernel off (tests and benchmarks compare it with the TypeScript kernel) or back on. */
export function useWasmKernel(on: boolean): void {
  enabled = on;
}

/** A view of the module's memory with room for `n` float64s (grows it when needed). */
function room(n: number): Float64Array {
  const mem = memory!;
  const bytes = n * 8;
  if (mem.buffer.byteLength < bytes) mem.grow(Math.ceil((bytes - mem.buffer.byteLength) / 65536));
  if (view.buffer !== mem.buffer) view = new Float64Array(mem.buffer);
  return view;
}

/**
 * Runs the product on the WebAssembly kernel, with the arguments of the
 * TypeScript kernel (A's m×K elements read at `A[i·rs + k·cs]`) and what C
 * starts from (ops.ts, `ProductStart`): its contents are copied in only when
 * the product accumulates onto them; zeros and a repeated row are written
 * straight into the module's memory. Returns false, doing nothing, when the
 * kernel is not active.
 */
export function wasmProduct(A: Float64Array, rs: number, cs: number, B: Float64Array, C: Float64Array, m: number, K: number, n: number, start: "accumulate" | "zero" | Float64Array): boolean {
  if (!enabled) return false;
  const run = kernelOrNull();
  if (run === null) return false;
  const offB = A.length, offC = offB + B.length, end = offC + C.length;
  const mem = room(end);
  mem.set(A, 0);
  mem.set(B, offB);
  if (start === "accumulate") mem.set(C, offC);
  else if (start === "zero") mem.fill(0, offC, end);
  else repeatRow(mem, offC, end, start);
  run(0, rs, cs, offB * 8, offC * 8, m, K, n);
  C.set(mem.subarray(offC, end));
  return true;
}

/** mem[from, to) = row, row, row, …: one copy of the row, then the filled part copied onto the rest, doubling. */
function repeatRow(mem: Float64Array, from: number, to: number, row: Float64Array): void {
  if (to <= from) return;
  mem.set(row, from);
  for (let filled = row.length; from + filled < to; filled *= 2) {
    mem.copyWithin(from + filled, from, Math.min(from + filled, to - filled));
  }
}
