// tanh′(z) = 1 − tanh²(z)：借助 Math.tanh 来写，就永远不会溢出（tanh(±1000) 等于 ±1，所以 tanh′ 为 0）。
export function tanhPrime(z: number): number {
  const t = Math.tanh(z);
  return 1 - t * t;
}
