// Mistake: differentiates (1 − a)² as if its derivative were 2(1 − a)·σ′, losing the minus sign (expect: sign-flipped)
import { sigmoid } from "nn";

export function lossPrime(w: number): number {
  const z = 1.5 * w - 0.5;
  const a = sigmoid.f(z);
  return 2 * (1 - a) * sigmoid.df(z) * 1.5;
}
