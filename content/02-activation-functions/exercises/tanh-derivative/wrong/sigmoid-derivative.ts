// Mistake: uses the sigmoid's derivative σ′(z) = σ(z)(1 − σ(z)) for tanh′ (expect: mismatch)
import { sigmoid } from "nn";

export function tanhPrime(z: number): number {
  return sigmoid.df(z);
}
