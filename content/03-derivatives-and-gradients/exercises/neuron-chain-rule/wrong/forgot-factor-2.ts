// Mistake: differentiates (a − 1)² as (a − 1), forgetting the factor 2 of the power rule in the chain (expect: half)
import { sigmoid } from "nn";

export function lossPrime(w: number): number {
  const z = 1.5 * w - 0.5;
  const a = sigmoid.f(z);
  return (a - 1) * sigmoid.df(z) * 1.5;
}
