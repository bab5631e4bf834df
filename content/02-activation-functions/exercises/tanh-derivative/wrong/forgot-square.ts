// Mistake: forgets the square, 1 − tanh(z) (expect: mismatch)
export function tanhPrime(z: number): number {
  return 1 - Math.tanh(z);
}
