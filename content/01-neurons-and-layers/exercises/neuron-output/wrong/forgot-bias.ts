// Mistake: leaves out the bias, σ(w·x) (expect: mismatch)
export function neuron(x: number[], w: number[], b: number): number {
  let z = 0;
  for (let i = 0; i < x.length; i++) z += w[i] * x[i];
  return 1 / (1 + Math.exp(-z));
}
