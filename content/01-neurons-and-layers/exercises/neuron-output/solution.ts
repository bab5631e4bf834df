// The pre-activation z is the weighted sum plus the bias (added once); the output is σ(z).
export function neuron(x: number[], w: number[], b: number): number {
  let z = b;
  for (let i = 0; i < x.length; i++) z += w[i] * x[i];
  return 1 / (1 + Math.exp(-z));
}
