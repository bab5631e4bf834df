// Mistake: skips the sigmoid link, as if a = z (expect: mismatch)
import { sigmoid } from "nn";

export function lossPrime(w: number): number {
  const a = sigmoid.f(1.5 * w - 0.5);
  return 2 * (a - 1) * 1.5;
}
