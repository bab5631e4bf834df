// f(x) = x² + 3x. Write its derivative f′(x); Check compares it with central differences of f.
export function fPrime(x: number): number {
  // TODO: differentiate x² + 3x term by term.
  return 0;
}
