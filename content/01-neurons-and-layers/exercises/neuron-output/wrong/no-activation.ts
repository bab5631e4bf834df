// Mistake: returns the pre-activation z and forgets the sigmoid (expect: mismatch)
export function neuron(x: number[], w: number[], b: number): number {
  let z = b;
  for (let i = 0; i < x.length; i++) z += w[i] * x[i];
  return z;
}
