// f(x) = x² + 3x。请写出它的导数 f′(x)；“检查”会把它与 f 的中心差分相比较。
export function fPrime(x: number): number {
  // TODO：对 x² + 3x 逐项求导。
  return 0;
}
