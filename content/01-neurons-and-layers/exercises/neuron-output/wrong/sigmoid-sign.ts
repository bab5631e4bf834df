// Mistake: drops the minus sign in the sigmoid, 1 / (1 + e^z), which is σ(−z) = 1 − σ(z) (expect: mismatch)
export function neuron(x: number[], w: number[], b: number): number {
  let z = b;
  for (let i = 0; i < x.length; i++) z += w[i] * x[i];
  return 1 / (1 + Math.exp(z));
}
