// Mistake: returns 0 once the neuron looks saturated (|z| > 5), though the slope there is small but not 0 (expect: mismatch)
import { sigmoid } from "nn";

export function lossPrime(w: number): number {
  const z = 1.5 * w - 0.5;
  if (Math.abs(z) > 5) return 0;
  const a = sigmoid.f(z);
  return 2 * (a - 1) * sigmoid.df(z) * 1.5;
}
