// 写出 tanh′(z)，即 tanh 在 z 处的导数。它必须对每个 z 都成立，即使 z = ±1000。
export function tanhPrime(z: number): number {
  // TODO：借助 Math.tanh(z) 表示 tanh′。
  return 0;
}
