// Mistake: adds the bias once per input instead of once per neuron (expect: mismatch)
export function neuron(x: number[], w: number[], b: number): number {
  let z = 0;
  for (let i = 0; i < x.length; i++) z += w[i] * x[i] + b;
  return 1 / (1 + Math.exp(-z));
}
