// Mistake: stops the chain at z and forgets dz/dw = 1.5 (expect: scaled)
import { sigmoid } from "nn";

export function lossPrime(w: number): number {
  const z = 1.5 * w - 0.5;
  const a = sigmoid.f(z);
  return 2 * (a - 1) * sigmoid.df(z);
}
