// Mistake: returns 0, the placeholder left in (expect: zeros)
export function neuron(x: number[], w: number[], b: number): number {
  return 0 * b;
}
