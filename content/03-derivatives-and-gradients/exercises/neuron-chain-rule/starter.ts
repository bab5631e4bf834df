import { sigmoid } from "nn";

// A neuron with input 1.5, bias −0.5 and target 1 has the squared error
//   L(w) = (σ(1.5w − 0.5) − 1)².
// Return dL/dw, the derivative with respect to its weight w.
// (sigmoid.f and sigmoid.df are available.)
export function lossPrime(w: number): number {
  // TODO: z = 1.5w − 0.5, a = σ(z), L = (a − 1)²:
  // multiply the local derivatives.
  return 0;
}
