// tanh′(z) = 1 − tanh²(z): written through Math.tanh, it never overflows (tanh(±1000) is ±1, so tanh′ is 0).
export function tanhPrime(z: number): number {
  const t = Math.tanh(z);
  return 1 - t * t;
}
