// Mistake: uses x·(1 − x), the sigmoid slope written for the OUTPUT, with the input z (expect: mismatch)
import { sigmoid } from "nn";

export function lossPrime(w: number): number {
  const z = 1.5 * w - 0.5;
  const a = sigmoid.f(z);
  return 2 * (a - 1) * z * (1 - z) * 1.5;
}
