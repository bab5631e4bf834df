// For z > 0 the slope of z is 1; for z ≤ 0 the slope of e^z − 1 is e^z (which equals ELU(z) + 1).
export function eluPrime(z: number): number {
  return z > 0 ? 1 : Math.exp(z);
}
